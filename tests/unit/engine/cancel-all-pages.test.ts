// A cancel-all whose open-order list goes on past what can be read (list-pages.ts): the orders read
// are cancelled, and the result says there are more, so the panic never reports a venue as done.
// The venue here is a stand-in answering in CoinSwitch's shapes: more than a page of open orders
// created in the same millisecond, so the next page (to_time at that time) brings nothing new.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CancelEngine } from '../../../lib/engine/engine';
import type { Send } from '../../../lib/engine/http';
import { venues } from '../../../lib/venues';
import type { HttpRequest } from '../../../lib/venues/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';

const CREATED = 1_700_000_000_000;
const id = (i: number) => `33333333-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`;
const wire = (orderId: string, status: string) => ({
  order_id: orderId, symbol: 'BTC/INR', price: 100, orig_qty: 1, executed_qty: 0, status, side: 'BUY', exchange: 'coinswitchx', created_time: CREATED,
});

beforeEach(() => fakeBrowser.reset());

describe('cancel-all on a list that cannot be read to its end', () => {
  it('cancels the 25 orders read and says there are more; the list was asked twice, the second time from the first page\'s end', async () => {
    const open = new Set(Array.from({ length: 30 }, (_, i) => id(i)));
    const requests: HttpRequest[] = [];
    const send: Send = async (request) => {
      requests.push(request);
      const json = (body: unknown) => ({ status: 200, headers: {}, body: JSON.stringify(body) });
      if (request.url.endsWith('/trade/api/v2/time')) return json({ serverTime: t });
      if (request.method === 'DELETE') {
        const orderId = (JSON.parse(request.body!) as { order_id: string }).order_id;
        open.delete(orderId);
        return json({ data: wire(orderId, 'CANCELLED') });
      }
      // List Orders: the newest 25 by default; here all share one creation time.
      return json({ data: { orders: [...open].slice(0, 25).map((o) => wire(o, 'OPEN')) } });
    };
    // The rate limit's waits pass on a clock of their own.
    let t = CREATED + 60_000;
    const clock = { now: () => t, sleep: async (ms: number) => void (t += ms, await new Promise((r) => setTimeout(r, 0))) };
    const engine = new CancelEngine({
      venues, send, clock, lateFillChecksMs: [],
      credentials: { get: async () => ({ state: 'ok' as const, credentials: COINSWITCH_TEST_CREDENTIALS }) },
    });
    const result = await engine.cancelAll('coinswitch');
    expect(result).toMatchObject({ more: true });
    expect('entries' in result && result.entries.map((e) => e.status)).toEqual(Array(25).fill('cancelled'));
    expect(open.size).toBe(5);
    const lists = requests.filter((r) => r.method === 'GET' && r.url.includes('/trade/api/v2/orders?'));
    expect(lists.map((r) => r.url.split('?')[1])).toEqual(['open=true', `open=true&to_time=${CREATED}`]);
  });
});
