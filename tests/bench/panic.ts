// Panic across 5 venues × 20 open orders: the time from the confirmation to the last venue
// confirmed (every cancel settled, none left "checking"), beside the time the slowest venue's rate
// limit allows. The venues run at once, so the figure should follow the slowest venue, not the sum.
import type { Harness } from '../e2e/harness';
// The adapters themselves, not lib/venues: the bench runs under tsx, which has no import.meta.glob.
import { coinswitch } from '../../lib/venues/coinswitch/adapter';
import { pacetrader, pocketful } from '../../lib/venues/pace-oms/adapter';
import { tradernet } from '../../lib/venues/tradernet/adapter';
import { zebpayFutures } from '../../lib/venues/zebpay-futures/adapter';
import type { VenueAdapter, VenueId } from '../../lib/venues/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../simulator/venues/zebpay-futures';
import type { SimOrderSeed } from '../simulator/types';
import { median, medianInterval } from './stats';
import type { BenchRow } from './types';

const PER_VENUE = 20;
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };
const SETTLED = new Set(['cancelled', 'already-closed', 'rejected', 'auth-failed', 'rate-limited', 'not-sent']);

const VENUES: Array<{ id: VenueId; adapter: VenueAdapter; credentials: unknown; seed(round: number, i: number): SimOrderSeed }> = [
  { id: 'pocketful', adapter: pocketful, credentials: PACE_TEST_CREDENTIALS.pocketful, seed: (r, i) => ({ id: String(940000 + r * 100 + i), extra: CO }) },
  { id: 'pacetrader', adapter: pacetrader, credentials: PACE_TEST_CREDENTIALS.pacetrader, seed: (r, i) => ({ id: `20261124-${r * 100 + i}`, extra: CO }) },
  { id: 'zebpay-futures', adapter: zebpayFutures, credentials: ZEBPAY_TEST_CREDENTIALS, seed: (r, i) => ({ id: `qcBenchPanic${r}x${i}`, symbol: 'BTCINR' }) },
  { id: 'tradernet', adapter: tradernet, credentials: TRADERNET_TEST_CREDENTIALS, seed: (r, i) => ({ id: String(8500000 + r * 100 + i) }) },
  { id: 'coinswitch', adapter: coinswitch, credentials: COINSWITCH_TEST_CREDENTIALS, seed: (r, i) => ({ id: `0d6c3c1e-51a4-4a51-9d3e-${String(r * 100 + i).padStart(12, '0')}`, symbol: 'BTC/INR' }) },
];

/** Journal entries (by id) still not settled, read from the extension's storage. */
async function unsettled(h: Harness, ids: string[]): Promise<number> {
  const worker = await h.worker();
  const got = await worker.evaluate(async (keys) => (globalThis as any).chrome.storage.local.get(keys), ids.map((id) => `journal:${id}`));
  return ids.filter((id) => !SETTLED.has((got as Record<string, { status?: string }>)[`journal:${id}`]?.status ?? '')).length;
}

interface Round { seconds: number; floor: number; requests: Record<string, number> }

async function oneRound(h: Harness, round: number): Promise<Round> {
  for (const v of VENUES) h.sim.seed(v.id, Array.from({ length: PER_VENUE }, (_, i) => v.seed(round, i)));
  const before = Object.fromEntries(VENUES.map((v) => [v.id, h.sim.apiRequests(v.id).length]));
  const started = performance.now();
  const reply = await h.sendFromExtension({ type: 'panic' });
  if (!reply.ok) throw new Error(`panic refused: ${reply.error}`);
  const ids: string[] = reply.venues.flatMap((r: { entries?: Array<{ id: string }> }) => (r.entries ?? []).map((e) => e.id));
  while ((await unsettled(h, ids)) > 0) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  // The requests each venue needed this round (list, cancels, the checks of accepted-but-pending
  // cancels), the first `burst` at once and the rest at the sustained rate; venues side by side.
  const requests = Object.fromEntries(VENUES.map((v) => [v.id, h.sim.apiRequests(v.id).length - before[v.id]!]));
  const floor = Math.max(...VENUES.map((v) => Math.max(0, requests[v.id]! - v.adapter.rateLimit.burst) / v.adapter.rateLimit.perSecond));
  return { seconds, floor, requests };
}

export async function benchPanic(h: Harness, rounds = 5): Promise<BenchRow[]> {
  for (const v of VENUES) await h.setCredentials(v.id, v.credentials);
  const samples: number[] = [];
  const floors: number[] = [];
  let last: Round | undefined;
  let open = 0;
  for (let r = 0; r < rounds; r++) {
    last = await oneRound(h, r);
    samples.push(last.seconds);
    floors.push(last.floor);
    open += VENUES.reduce((n, v) => n + h.sim.orders(v.id).filter((o) => o.status === 'open').length, 0);
  }
  const floor = median(floors);
  const value = median(samples);
  const perVenue = last ? Object.entries(last.requests).map(([v, n]) => `${v} ${n}`).join(', ') : '';
  return [{
    name: `panic: ${VENUES.length} venues × ${PER_VENUE} open orders, confirmation → last venue confirmed`, unit: 's', value, samples: rounds,
    baseline: { name: 'time the slowest venue\'s rate limit allows for the requests it needed', value: floor },
    budget: 'within 10% of the slowest venue\'s rate limit', withinBudget: value <= floor * 1.1 && open === 0,
    decide: { what: 'the figure', p50: value, interval: medianInterval(samples), limit: floor * 1.1 },
    note: `${open ? `${open} orders left open` : `all ${VENUES.length * PER_VENUE} orders closed, each round`}; requests per venue (last round): ${perVenue}`,
  }];
}
