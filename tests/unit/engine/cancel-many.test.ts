// @vitest-environment node
// Cancelling an exact list against the strict simulator: only the listed keys are cancelled, an
// order that appeared after the confirmation is counted and left open, the venue's rate limit
// holds, and ZebPay (which lists per symbol) is cancelled order by order, never venue-wide.
import { describe, expect, it } from 'vitest';
import { cancelMany, listOpen } from '../../../lib/engine/cancel-many';
import { CancelEngine } from '../../../lib/engine/engine';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { simSend, simulatorForEachTest } from './sim-send';

const sim = simulatorForEachTest();

const CREDS = { pocketful: PACE_TEST_CREDENTIALS.pocketful, tradernet: TRADERNET_TEST_CREDENTIALS, 'zebpay-futures': ZEBPAY_TEST_CREDENTIALS } as const;
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

async function engine() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  for (const [venue, c] of Object.entries(CREDS)) await vault.set(venue as VenueId, c);
  return new CancelEngine({ venues, credentials: vault, send: simSend(sim), pendingDeadlineMs: 5000, pollIntervalMs: 100 });
}
const status = (venue: VenueId) => Object.fromEntries(sim.orders(venue).map((o) => [o.id, o.status]));
const deletes = (venue: VenueId) => sim.apiRequests(venue).filter((r) => r.method === 'DELETE');

describe('cancelMany', () => {
  it('cancels only the given keys; an order that appeared after the confirmation is counted and left open', async () => {
    sim.seed('pocketful', ['7001', '7002', '7003'].map((id) => ({ id, extra: CO })));
    const e = await engine();
    const confirmed = await listOpen(e, 'pocketful', CREDS.pocketful);
    expect('orders' in confirmed && confirmed.orders.map((o) => o.key).sort()).toEqual(['7001', '7002', '7003']);
    // Placed between the confirmation and the press.
    sim.seed('pocketful', [{ id: '7004', extra: CO }]);
    const result = await cancelMany(e, 'pocketful', CREDS.pocketful, ['7001', '7002', '7003']);
    expect(result.appeared).toBe(1);
    expect(result.entries.map((x) => [x.orderId, x.status])).toEqual([['7001', 'cancelled'], ['7002', 'cancelled'], ['7003', 'cancelled']]);
    expect(status('pocketful')).toEqual({ 7001: 'cancelled', 7002: 'cancelled', 7003: 'cancelled', 7004: 'open' });
    expect(deletes('pocketful').some((r) => r.path.includes('7004'))).toBe(false);
  });

  it('a scoped subset: the other listed orders are neither cancelled nor counted as new', async () => {
    sim.seed('pocketful', ['7101', '7102', '7103'].map((id) => ({ id, extra: CO })));
    const result = await cancelMany(await engine(), 'pocketful', CREDS.pocketful, ['7102'], { listed: ['7101', '7102', '7103'] });
    expect(result).toMatchObject({ appeared: 0, entries: [{ orderId: '7102', status: 'cancelled' }] });
    expect(status('pocketful')).toEqual({ 7101: 'open', 7102: 'cancelled', 7103: 'open' });
  });

  it('each key once, however often given; a listed order that closed meanwhile is reported closed, not cancelled again', async () => {
    sim.seed('pocketful', [{ id: '7201', extra: CO }, { id: '7202', extra: CO }]);
    const e = await engine();
    sim.setStatus('pocketful', '7202', 'filled');
    const result = await cancelMany(e, 'pocketful', CREDS.pocketful, ['7201', '7201', '7202']);
    expect(result.entries.map((x) => [x.orderId, x.status])).toEqual([['7201', 'cancelled'], ['7202', 'already-closed']]);
    expect(deletes('pocketful').map((r) => r.path)).toEqual(['/api/v1/orders/kart/7201']);
  });

  it('stays within the venue rate limit, on the engine\'s own clock', async () => {
    // A virtual clock: the bucket's waits advance it, so the check counts requests per virtual
    // second, whatever the machine's load.
    let t = 1_700_000_000_000;
    const clock = { now: () => t, sleep: async (ms: number) => void (t += ms, await new Promise((r) => setTimeout(r, 0))) };
    const sentAt: number[] = [];
    const vault = new Vault();
    await vault.setup('correct horse battery staple');
    await vault.set('pocketful', CREDS.pocketful);
    const send = simSend(sim);
    const e = new CancelEngine({ venues, credentials: vault, clock, pollIntervalMs: 100, send: (req) => (sentAt.push(t), send(req)) });
    const ids = Array.from({ length: 30 }, (_, i) => String(7300 + i));
    sim.seed('pocketful', ids.map((id) => ({ id, extra: CO })));
    const result = await cancelMany(e, 'pocketful', CREDS.pocketful, ids);
    expect(result.entries.every((x) => x.status === 'cancelled')).toBe(true);
    const { burst, perSecond } = venues.pocketful.rateLimit;
    expect(sentAt.length).toBeGreaterThan(burst + perSecond);
    for (const at of sentAt) expect(sentAt.filter((s) => s >= at && s < at + 1000).length).toBeLessThanOrEqual(burst + perSecond);
  });

  it('ZebPay: listed per symbol, cancelled order by order — never through the venue-wide endpoint', async () => {
    sim.seed('zebpay-futures', [
      { id: 'zq1', symbol: 'BTCUSDT', side: 'BUY' },
      { id: 'zq2', symbol: 'ETHUSDT', side: 'SELL' },
      { id: 'zq3', symbol: 'BTCUSDT', side: 'SELL' },
    ]);
    const e = await engine();
    expect(await listOpen(e, 'zebpay-futures', CREDS['zebpay-futures'])).toEqual({ uncounted: true });
    const listed = await listOpen(e, 'zebpay-futures', CREDS['zebpay-futures'], ['btcusdt']);
    expect(listed).toMatchObject({ symbols: ['BTCUSDT'] });
    expect('orders' in listed && listed.orders.map((o) => o.key).sort()).toEqual(['zq1', 'zq3']);
    const result = await cancelMany(e, 'zebpay-futures', CREDS['zebpay-futures'], ['zq1'], { listed: ['zq1', 'zq3'], symbols: ['BTCUSDT'] });
    expect(result).toMatchObject({ appeared: 0, entries: [{ orderId: 'zq1', status: 'cancelled' }] });
    expect(status('zebpay-futures')).toEqual({ zq1: 'cancelled', zq2: 'open', zq3: 'open' });
    expect(deletes('zebpay-futures').map((r) => r.path)).toEqual(['/api/v1/trade/order']);
  });
});
