// @vitest-environment node
// Every public vector from the venues' own code, reproduced byte for byte by the adapters' build.
import { describe, expect, it } from 'vitest';
import vectorFile from '../../fixtures/venues/vectors.json';
import { venues, type VenueAdapter, type VenueId } from '../../../lib/venues';
import { hmacSha256Hex } from '../../../lib/crypto/hmac';

const operationOf = (adapter: VenueAdapter, name: string) =>
  ({ cancel: adapter.cancel, lookup: adapter.lookup, 'open-orders': adapter.openOrders, 'cancel-all': adapter.cancelAll })[name];

describe('public venue vectors', () => {
  for (const vector of vectorFile.vectors) {
    it(`${vector.id}: ${vector.venue} ${vector.operation} is byte-exact`, async () => {
      const adapter = venues[vector.venue as VenueId];
      const operation = operationOf(adapter, vector.operation);
      expect(operation, 'operation exists').toBeDefined();
      const built = await operation!.build(vector.input as never);
      if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
      const { request } = built;
      expect(request.method).toBe(vector.expected.method);
      expect(request.url).toBe(vector.expected.url);
      expect(request.body).toBe(vector.expected.body);
      const sent = new Map(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
      for (const [name, value] of Object.entries(vector.expected.headers)) {
        expect(sent.get(name.toLowerCase()), name).toBe(value);
      }
      expect(sent.has('cookie')).toBe(false);
    });
  }

  for (const note of vectorFile.notes) {
    it(`${note.id}: signing primitive`, async () => {
      expect(await hmacSha256Hex(note.secret, note.preSign)).toBe(note.signature);
    });
  }
});
