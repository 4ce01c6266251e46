// @vitest-environment node
// The simulator's fuzz mode: where no document gives the words, the venues say one of several
// plausible sentences and lay their JSON out in any field order. The engine and the real adapters
// must reach the same true outcomes, fills included, whatever is drawn. Each seed is in the test's
// name: a failure reruns with QC_SIM_FUZZ=<seed>, or with that seed here.
import { afterEach, describe, expect, it } from 'vitest';
import { CancelEngine } from '../../../lib/engine/engine';
import type { JournalEntry } from '../../../lib/model';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { fieldOrder, setSimFuzz, simFuzzSeed, wording } from '../../simulator/venues/fuzz';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { simSend, simulatorForEachTest } from './sim-send';

const before = simFuzzSeed();
afterEach(() => setSimFuzz(before));

describe('the fuzz switch', () => {
  it('off: the first (document-faithful) wording and the fields as written', () => {
    setSimFuzz(undefined);
    expect(wording(['Order not found', 'Order does not exist'])).toBe('Order not found');
    expect(Object.keys(fieldOrder({ a: 1, b: 2, c: { d: 3, e: 4 } }))).toEqual(['a', 'b', 'c']);
  });

  it('on: every wording and field order gets drawn, and the same seed draws the same again', () => {
    const draw = (seed: number) => {
      setSimFuzz(seed);
      return Array.from({ length: 40 }, () => `${wording(['a', 'b', 'c'])}:${Object.keys(fieldOrder({ x: 1, y: 2, z: 3 })).join('')}`);
    };
    const first = draw(7);
    expect(draw(7)).toEqual(first);
    expect(new Set(first.map((d) => d.split(':')[0]))).toEqual(new Set(['a', 'b', 'c']));
    expect(new Set(first.map((d) => d.split(':')[1])).size).toBeGreaterThan(1);
    // Reordered, never changed.
    setSimFuzz(9);
    expect(JSON.parse(JSON.stringify(fieldOrder({ a: 1, b: [{ c: 2, d: 3 }] })))).toEqual({ a: 1, b: [{ c: 2, d: 3 }] });
  });
});

const sim = simulatorForEachTest();

const CREDS: Record<VenueId, unknown> = {
  pocketful: PACE_TEST_CREDENTIALS.pocketful,
  pacetrader: PACE_TEST_CREDENTIALS.pacetrader,
  'zebpay-futures': ZEBPAY_TEST_CREDENTIALS,
  tradernet: TRADERNET_TEST_CREDENTIALS,
  coinswitch: COINSWITCH_TEST_CREDENTIALS,
};
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

// One partly filled open order per venue. Tradernet reports no fill once an order is closed, so
// there the cancel alone is checked.
const ORDERS: Array<{ venue: VenueId; id: string; extra?: Record<string, string>; symbol?: string; fill: boolean }> = [
  { venue: 'pocketful', id: '8801', extra: CO, fill: true },
  { venue: 'pacetrader', id: '8802', extra: CO, fill: true },
  { venue: 'coinswitch', id: '88888888-2222-3333-4444-555555555555', symbol: 'BTC/INR', fill: true },
  { venue: 'zebpay-futures', id: 'fuzz-8804', symbol: 'BTCUSDT', fill: true },
  { venue: 'tradernet', id: '88805', fill: false },
];

async function engine() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  for (const [venue, c] of Object.entries(CREDS)) await vault.set(venue as VenueId, c);
  return new CancelEngine({ venues, credentials: vault, send: simSend(sim), pendingDeadlineMs: 5000, pollIntervalMs: 100, lateFillChecksMs: [0, 300] });
}

async function settled(e: CancelEngine, id: string, done: (entry: JournalEntry) => boolean): Promise<JournalEntry | null> {
  let entry: JournalEntry | null = null;
  for (let i = 0; i < 100; i++) {
    entry = await e.journal.get(id);
    if (entry && done(entry)) return entry;
    await new Promise((r) => setTimeout(r, 50));
  }
  return entry;
}
const filled = (e: JournalEntry | null) => (e?.outcome && 'filled' in e.outcome ? e.outcome.filled : undefined);

describe.each([101, 202, 303])('fuzz seed %i: partly filled orders cancel, and the fill is shown', (seed) => {
  it.each(ORDERS)('$venue', async (o) => {
    setSimFuzz(seed);
    sim.seed(o.venue, [{ id: o.id, quantity: 10, filled: 3, ...(o.symbol ? { symbol: o.symbol } : {}), ...(o.extra ? { extra: o.extra } : {}) }]);
    const e = await engine();
    const entry = await e.cancel({ venue: o.venue, orderId: o.id, hints: {}, source: 'page' });
    expect(entry.status).toBe('cancelled');
    expect(sim.orders(o.venue).find((x) => x.id === o.id)!.status).toBe('cancelled');
    if (o.fill) expect(filled(await settled(e, entry.id, (x) => filled(x) !== undefined))).toEqual({ qty: 3, of: 10 });
  });
});
