// @vitest-environment node
// Truth before finality against the strict simulator over real HTTPS, in its document-faithful
// modes: CoinSwitch refusals for a just-placed order, a connection dropped after the venue applied
// the cancel (no browser here, so nothing re-sends it), and Tradernet's session.
import { describe, expect, it } from 'vitest';
import { CancelEngine } from '../../../lib/engine/engine';
import { MAX_RESENDS_AFTER_REFUSAL } from '../../../lib/engine/retry';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { listOpen } from '../../../lib/engine/cancel-many';
import { simSend, simulatorForEachTest } from './sim-send';

const sim = simulatorForEachTest();

async function engine() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  await vault.set('coinswitch', COINSWITCH_TEST_CREDENTIALS);
  await vault.set('tradernet', TRADERNET_TEST_CREDENTIALS);
  return new CancelEngine({ venues, credentials: vault, send: simSend(sim), pendingDeadlineMs: 5000, pollIntervalMs: 100 });
}
const popup = (venue: VenueId, orderId: string) => ({ venue, orderId, hints: {}, source: 'popup' as const });
const cancels = (venue: VenueId, id: string) =>
  sim.apiRequests(venue).filter((r) => (r.method === 'DELETE' || r.path.includes('delTradeOrder')) && (r.path.includes(id) || r.body.includes(id)));

describe('CoinSwitch, as its cancel document says', () => {
  it('a "processing" refusal for a just-placed order clears: looked up, sent again, cancelled; attempts bounded', async () => {
    const id = '11111111-aaaa-4bbb-8ccc-000000000001';
    const e = await engine();
    sim.setModes('coinswitch', { justPlaced: { answer: 'processing', forMs: 250 } });
    sim.seed('coinswitch', [{ id }]);
    const entry = await e.cancel(popup('coinswitch', id));
    expect(entry.status).toBe('cancelled');
    expect(entry.attempts).toBeGreaterThan(1);
    expect(entry.attempts).toBeLessThanOrEqual(MAX_RESENDS_AFTER_REFUSAL + 1);
    expect(cancels('coinswitch', id)).toHaveLength(entry.attempts);
  });

  it('an order the venue does not know yet, which appears a moment later, is cancelled — never "closed" on the first not-found', async () => {
    const id = '11111111-aaaa-4bbb-8ccc-000000000002';
    const e = await engine();
    sim.setModes('coinswitch', { justPlaced: { answer: 'not-found', forMs: 400 } });
    sim.seed('coinswitch', [{ id }]);
    const entry = await e.cancel(popup('coinswitch', id));
    expect(entry.status).toBe('cancelled');
    // The first Get Order came back "not found" and was asked again.
    expect(sim.apiRequests('coinswitch').filter((r) => r.method === 'GET' && r.path.includes(id)).length).toBeGreaterThan(1);
  });

  it('the connection drops after the venue applied the cancel (nothing re-sends it): looked up, cancelled, sent once', async () => {
    const id = '11111111-aaaa-4bbb-8ccc-000000000003';
    sim.seed('coinswitch', [{ id }]);
    sim.fault({ venue: 'coinswitch', method: 'DELETE', fault: { kind: 'drop-connection' } });
    const entry = await (await engine()).cancel(popup('coinswitch', id));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(cancels('coinswitch', id)).toHaveLength(1);
  });

  it('a second cancel of an order our first one cancelled ("already CANCELLED"): still ours, cancelled', async () => {
    const id = '11111111-aaaa-4bbb-8ccc-000000000004';
    sim.seed('coinswitch', [{ id }]);
    const e = await engine();
    const first = await e.cancel(popup('coinswitch', id));
    expect(first.status).toBe('cancelled');
    // What the venue answers a re-sent DELETE, fed to the engine as the answer to its cancel.
    const again = await new CancelEngine({
      venues, credentials: { get: async () => ({ state: 'ok', credentials: COINSWITCH_TEST_CREDENTIALS }) }, send: simSend(sim),
    }).cancel(popup('coinswitch', id), { key: id, state: 'open', venueStatus: 'OPEN', cancelFields: { orderId: id } });
    expect(cancels('coinswitch', id)).toHaveLength(2);
    expect(again.outcome).toMatchObject({ kind: 'cancelled', venueStatus: 'CANCELLED' });
  });
});

describe('Tradernet session', () => {
  it('a v2 cancel refused for want of a session: getAuthInfo, then the cancel once more, cancelled', async () => {
    sim.setModes('tradernet', { sessionRequired: true });
    sim.seed('tradernet', [{ id: '5550001' }]);
    const entry = await (await engine()).cancel(popup('tradernet', '5550001'));
    expect(entry.status).toBe('cancelled');
    const paths = sim.apiRequests('tradernet').map((r) => r.path.split('/').pop());
    expect(paths.filter((p) => p === 'getAuthInfo')).toHaveLength(1);
    expect(sim.orders('tradernet')[0]!.status).toBe('cancelled');
    // The first command was refused, then retried once after the session opened.
    expect(paths.indexOf('getAuthInfo')).toBe(1);
    expect(paths[2]).toBe('getNotifyOrderJson');
  });
});

describe('open-order lists that come a page at a time, read to their end', () => {
  const uuid = (i: number) => `22222222-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`;

  it('CoinSwitch answers 25 open orders unless told otherwise: all 30 are listed, and a click on the oldest needs no lookup', async () => {
    sim.seed('coinswitch', Array.from({ length: 30 }, (_, i) => ({ id: uuid(i), symbol: 'BTC/INR' })));
    const e = await engine();
    const open = await listOpen(e, 'coinswitch', COINSWITCH_TEST_CREDENTIALS);
    expect('orders' in open && open.orders.map((o) => o.key).sort()).toEqual(Array.from({ length: 30 }, (_, i) => uuid(i)));
    expect(open).not.toHaveProperty('more');
    const lists = sim.apiRequests('coinswitch').filter((r) => r.path.startsWith('/trade/api/v2/orders?'));
    expect(lists).toHaveLength(2);
    expect(lists[1]!.path).toMatch(/&to_time=\d+$/);
    // The oldest order (seeded first) is on the second page: its cancel fields are known all the same.
    await e.client('coinswitch').openOrders(COINSWITCH_TEST_CREDENTIALS, true);
    const before = sim.apiRequests('coinswitch').length;
    expect((await e.cancel(popup('coinswitch', uuid(0)))).status).toBe('cancelled');
    expect(sim.apiRequests('coinswitch').slice(before).map((r) => r.method)[0]).toBe('DELETE');
  });

  it('ZebPay answers open orders a page at a time per symbol: all 130 are listed', async () => {
    sim.seed('zebpay-futures', Array.from({ length: 130 }, (_, i) => ({ id: `qcPaged${String(i).padStart(3, '0')}`, symbol: 'BTCUSDT' })));
    const vault = new Vault();
    await vault.setup('correct horse battery staple');
    await vault.set('zebpay-futures', ZEBPAY_TEST_CREDENTIALS);
    const e = new CancelEngine({ venues, credentials: vault, send: simSend(sim) });
    const open = await listOpen(e, 'zebpay-futures', ZEBPAY_TEST_CREDENTIALS, ['BTCUSDT']);
    expect('orders' in open && open.orders).toHaveLength(130);
    expect(open).not.toHaveProperty('more');
    expect(sim.apiRequests('zebpay-futures').filter((r) => r.path.includes('/open-orders?')).map((r) => /since=/.test(r.path))).toEqual([false, true]);
  });
});
