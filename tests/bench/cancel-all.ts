// Cancel-all of 100 open orders beside the time the venue's rate limit allows for 100 requests.
import type { Harness } from '../e2e/harness';
// The adapter itself, not lib/venues: the bench runs under tsx, which has no import.meta.glob.
import { pocketful } from '../../lib/venues/pace-oms/adapter';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import type { BenchRow } from './types';

export async function benchCancelAll(h: Harness): Promise<BenchRow[]> {
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  const ids = Array.from({ length: 100 }, (_, i) => String(930000 + i));
  h.sim.seed('pocketful', ids.map((id) => ({ id, extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } })));
  const started = performance.now();
  const reply = await h.sendFromExtension({ type: 'cancel-all', venue: 'pocketful' });
  const seconds = (performance.now() - started) / 1000;
  const done = (reply.entries ?? []).filter((e: { status: string }) => e.status === 'cancelled').length;
  const { burst, perSecond } = pocketful.rateLimit;
  // The first `burst` requests may go at once; the rest at the sustained rate.
  const floor = (ids.length - burst) / perSecond;
  return [{
    name: `cancel-all of 100 open orders (Pocketful, ${perSecond}/s, burst ${burst})`, unit: 's', value: seconds,
    baseline: { name: 'time the rate limit allows', value: floor },
    budget: 'within 10% of the rate limit', withinBudget: seconds <= floor * 1.1 && done === 100,
    note: `${done}/100 cancelled`,
  }];
}
