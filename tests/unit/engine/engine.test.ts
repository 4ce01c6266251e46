// @vitest-environment node
// The cancel engine against the strict simulator: every outcome the user sees is true, nothing is
// lost, and no cancel is sent twice unless the venue's answer proved the first did not land.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CancelEngine } from '../../../lib/engine/engine';
import type { Send } from '../../../lib/engine/http';
import { Journal, JOURNAL_PREFIX } from '../../../lib/engine/journal';
import type { JournalEntry } from '../../../lib/model';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { startSimulator, type Simulator } from '../../simulator/server';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { createPaceOmsSim, PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { simSend } from './sim-send';

let sim: Simulator;
beforeAll(async () => (sim = await startSimulator()));
afterAll(async () => sim.stop());

const CREDS: Record<VenueId, unknown> = {
  pocketful: PACE_TEST_CREDENTIALS.pocketful,
  pacetrader: PACE_TEST_CREDENTIALS.pacetrader,
  'zebpay-futures': ZEBPAY_TEST_CREDENTIALS,
  tradernet: TRADERNET_TEST_CREDENTIALS,
  coinswitch: COINSWITCH_TEST_CREDENTIALS,
};

async function engineWith(options: { timeoutMs?: number; locked?: boolean; wrapSend?: (send: Send) => Send; unreachable?: (venue: VenueId) => Promise<string | undefined> } = {}) {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  for (const [venue, c] of Object.entries(CREDS)) await vault.set(venue as VenueId, c);
  if (options.locked) await vault.lock();
  const send = simSend(sim, options.timeoutMs);
  return new CancelEngine({ venues, credentials: vault, send: options.wrapSend?.(send) ?? send, pendingDeadlineMs: 5000, pollIntervalMs: 100, unreachable: options.unreachable, lateFillChecksMs: [] });
}

const deletes = (venue: VenueId, id: string) =>
  sim.apiRequests(venue).filter((r) => (r.method === 'DELETE' || r.path.includes('delTradeOrder')) && (r.path.includes(id) || r.body.includes(id)));
const page = (venue: VenueId, orderId: string) => ({ venue, orderId, hints: {}, source: 'page' as const });

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

beforeEach(() => {
  fakeBrowser.reset();
  sim.reset();
});
afterEach(() => vi.restoreAllMocks());

describe('one cancel, verified', () => {
  it('a confirmed cancel is recorded as cancelled, with its latency and one request', async () => {
    sim.seed('pocketful', [{ id: '1001', symbol: 'TCS', extra: CO }]);
    const entry = await (await engineWith()).cancel(page('pocketful', '1001'));
    expect(entry).toMatchObject({ status: 'cancelled', symbol: 'TCS', attempts: 1 });
    expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
    expect(deletes('pocketful', '1001')).toHaveLength(1);
    expect((await new Journal().list())[0]).toMatchObject({ id: entry.id, status: 'cancelled' });
  });

  it('an acknowledged cancel is polled until the venue confirms it', async () => {
    sim.seed('pocketful', [{ id: '1002', extra: { executionType: 'REGULAR' } }]);
    const entry = await (await engineWith()).cancel(page('pocketful', '1002'));
    expect(entry.status).toBe('cancelled');
    expect(deletes('pocketful', '1002')).toHaveLength(1);
  });

  it('CoinSwitch CANCELLATION_RAISED is pending until the order is CANCELLED', async () => {
    sim.seed('coinswitch', [{ id: '698ed406-8ef5-4664-9779-f7978702a447', symbol: 'BTC/INR' }]);
    const entry = await (await engineWith()).cancel(page('coinswitch', '698ed406-8ef5-4664-9779-f7978702a447'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
  });

  it('an order that is not open is reported as such and nothing is sent', async () => {
    sim.seed('pocketful', [{ id: '1003', status: 'filled', extra: CO }]);
    const entry = await (await engineWith()).cancel(page('pocketful', '1003'));
    expect(entry).toMatchObject({ status: 'already-closed', attempts: 0 });
    expect(entry.message).toMatch(/COMPLETE/);
    expect(deletes('pocketful', '1003')).toHaveLength(0);
  });

  it('an unknown id says not found', async () => {
    const entry = await (await engineWith()).cancel(page('tradernet', '424242'));
    expect(entry).toMatchObject({ status: 'already-closed', attempts: 0 });
    expect(entry.message).toMatch(/no open order 424242/);
  });
});

describe('what an entry says about the order', () => {
  it('the venue’s details replace what the page claimed: a page cannot put its words in the history', async () => {
    sim.seed('pocketful', [{ id: '1150', symbol: 'TCS', side: 'SELL', quantity: 5, extra: CO }]);
    const entry = await (await engineWith()).cancel({ ...page('pocketful', '1150'), hints: { symbol: 'FREE-MONEY', side: 'BUY', price: '1' } });
    expect(entry).toMatchObject({ status: 'cancelled', symbol: 'TCS', side: 'SELL', quantity: '5', detailsFrom: 'venue' });
    // Kept only as the retry's hints, which nothing shows.
    expect((await new Journal().list())[0]).toMatchObject({ symbol: 'TCS', side: 'SELL', detailsFrom: 'venue' });
  });

  it('where the venue never described the order (locked vault), the page’s details are kept marked as the page’s', async () => {
    const entry = await (await engineWith({ locked: true })).cancel({ ...page('pocketful', '1151'), hints: { symbol: 'RELIANCE', side: 'BUY' } });
    expect(entry).toMatchObject({ status: 'not-sent', symbol: 'RELIANCE', side: 'BUY', detailsFrom: 'page' });
  });
});

describe('the journal around the request', () => {
  const sendingWrites = (set: { mock: { calls: unknown[][] } }) =>
    set.mock.calls.flatMap(([items]) => Object.entries(items as object)).filter(([k, v]) => k.startsWith(JOURNAL_PREFIX) && (v as JournalEntry).status === 'sending');

  it('the "sending" entry is handed to storage before the cancel request is sent', async () => {
    sim.seed('pocketful', [{ id: '1101', extra: CO }]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const handedOverBeforeSend: number[] = [];
    const engine = await engineWith({ wrapSend: (send) => (req) => {
      if (req.method === 'DELETE') handedOverBeforeSend.push(sendingWrites(set).length);
      return send(req);
    } });
    await engine.cancel(page('pocketful', '1101'));
    expect(handedOverBeforeSend).toEqual([1]);
  });

  it('the request does not wait for that write, but the outcome does: a slow write delays the answer, not the cancel', async () => {
    sim.seed('pocketful', [{ id: '1102', extra: CO }]);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const events: string[] = [];
    let first = true;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      const sending = first && Object.values(items).some((v) => (v as JournalEntry)?.status === 'sending');
      if (sending) first = false;
      if (sending) await new Promise((r) => setTimeout(r, 300));
      await set(items);
      if (sending) events.push('sending stored');
    });
    const engine = await engineWith({ wrapSend: (send) => (req) => {
      if (req.method === 'DELETE') events.push('cancel sent');
      return send(req);
    } });
    const entry = await engine.cancel(page('pocketful', '1102'));
    events.push(`answer: ${entry.status}`);
    expect(events).toEqual(['cancel sent', 'sending stored', 'answer: cancelled']);
    expect(await new Journal().get(entry.id)).toMatchObject({ status: 'cancelled' });
  });

  it('tells the caller when the cancel request has been handed to the network, before its answer; never when nothing is sent', async () => {
    sim.seed('pocketful', [{ id: '1104', extra: CO }, { id: '1105', extra: CO }]);
    const events: string[] = [];
    const engine = await engineWith({ wrapSend: (send) => async (req) => {
      const res = await send(req);
      if (req.method === 'DELETE') events.push('answer');
      return res;
    } });
    await engine.cancel({ ...page('pocketful', '1104'), onSent: () => events.push('sent') });
    expect(events).toEqual(['sent', 'answer']);

    const locked = await engineWith({ locked: true });
    let told = false;
    await locked.cancel({ ...page('pocketful', '1105'), onSent: () => (told = true) });
    expect(told).toBe(false);
  });

  it('when the history cannot be written, the cancel\'s outcome still reaches the user, with a word about it', async () => {
    sim.seed('pocketful', [{ id: '1103', extra: CO }]);
    const engine = await engineWith();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const entry = await engine.cancel(page('pocketful', '1103'));
    expect(entry.status).toBe('cancelled');
    expect(entry.message).toMatch(/not saved in QuickCancel's history: Error: QUOTA_BYTES/);
    expect(deletes('pocketful', '1103')).toHaveLength(1);
  });
});

describe('exactly once per intent', () => {
  it('a double click joins the first cancel', async () => {
    sim.seed('pocketful', [{ id: '2001', extra: { executionType: 'REGULAR' } }]);
    const engine = await engineWith();
    const [a, b] = await Promise.all([engine.cancel(page('pocketful', '2001')), engine.cancel(page('pocketful', '2001'))]);
    expect(a.id).toBe(b.id);
    expect(deletes('pocketful', '2001')).toHaveLength(1);
  });
});

describe('faults', () => {
  it('429 with Retry-After: waits, then cancels (the throttled request was not executed)', async () => {
    sim.seed('pocketful', [{ id: '3001', extra: CO }]);
    sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 429, headers: { 'retry-after': '1' }, body: '' } });
    const entry = await (await engineWith()).cancel(page('pocketful', '3001'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 2 });
    expect(sim.orders('pocketful')[0]!.status).toBe('cancelled');
  });

  it('5xx: the order is looked up first, still open, so exactly one more cancel goes', async () => {
    sim.seed('pocketful', [{ id: '3002', extra: CO }]);
    sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 503, body: '<html><body>Service Unavailable</body></html>', headers: { 'content-type': 'text/html' } } });
    const entry = await (await engineWith()).cancel(page('pocketful', '3002'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 2 });
  });

  it('a venue error that quotes the token is kept redacted and clipped: never in storage, history or export', async () => {
    const token = PACE_TEST_CREDENTIALS.pocketful.accessToken;
    sim.seed('pocketful', [{ id: '3010', extra: CO }]);
    const body = JSON.stringify({ status: 'error', message: `Invalid session for token ${token}. ${'Please login again. '.repeat(200)}`, data: null });
    sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 401, body, headers: { 'content-type': 'application/json' } } });
    const entry = await (await engineWith()).cancel(page('pocketful', '3010'));
    expect(entry.status).toBe('auth-failed');
    expect(entry.message).toContain('[redacted]');
    expect(entry.message!.length).toBeLessThanOrEqual(400);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token);
  });

  it('the cancel lands but its response is lost: verified as cancelled, never re-sent', async () => {
    sim.seed('pocketful', [{ id: '3003', extra: CO }]);
    sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'lose-response' } });
    const entry = await (await engineWith()).cancel(page('pocketful', '3003'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(deletes('pocketful', '3003')).toHaveLength(1);
  });

  it('ZebPay: an HTTP 200 whose body statusCode fails is not a cancel: looked up, still open, sent once more', async () => {
    sim.seed('zebpay-futures', [{ id: 'zFail1', symbol: 'BTCUSDT' }]);
    const body = JSON.stringify({ statusDescription: 'Internal server error', data: {}, statusCode: 500, customMessage: ['Internal server error'] });
    sim.fault({ venue: 'zebpay-futures', method: 'DELETE', fault: { kind: 'respond', status: 200, body, headers: { 'content-type': 'application/json' } } });
    const entry = await (await engineWith()).cancel(page('zebpay-futures', 'zFail1'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 2 });
    expect(deletes('zebpay-futures', 'zFail1')).toHaveLength(2);
  });

  it('ZebPay: an order the venue refuses with HTTP 200 and statusCode 400 is never shown cancelled', async () => {
    sim.seed('zebpay-futures', [{ id: 'zFail2', symbol: 'BTCUSDT', extra: { cancelStatusCode: 400, cancelRefusal: 'Order cannot be cancelled' } }]);
    const entry = await (await engineWith()).cancel(page('zebpay-futures', 'zFail2'));
    expect(entry.status).not.toBe('cancelled');
    expect(entry.message).toContain('Order cannot be cancelled');
    expect(sim.orders('zebpay-futures')[0]!.status).toBe('open');
  });

  it('a response slower than the timeout: unknown, then verified with the venue', async () => {
    sim.seed('coinswitch', [{ id: '11111111-2222-3333-4444-555555555555' }]);
    sim.fault({ venue: 'coinswitch', method: 'DELETE', fault: { kind: 'delay', ms: 1500 } });
    const entry = await (await engineWith({ timeoutMs: 500 })).cancel(page('coinswitch', '11111111-2222-3333-4444-555555555555'));
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
  });

  it('an expired token: auth failed, with what to do, and no retry', async () => {
    sim.seed('pocketful', [{ id: '3004', extra: CO }]);
    sim.fault({ venue: 'pocketful', fault: { kind: 'expired-token' } });
    const entry = await (await engineWith()).cancel(page('pocketful', '3004'));
    expect(entry.status).toBe('auth-failed');
    expect(entry.message).toMatch(/Pocketful token expired or invalid — paste a new one in Settings/);
    expect(deletes('pocketful', '3004')).toHaveLength(0);
  });

  it('a skewed clock: one resync, one retry, then the cancel goes through', async () => {
    sim.seed('coinswitch', [{ id: '22222222-2222-3333-4444-555555555555' }]);
    const engine = await engineWith();
    sim.setClockSkew('coinswitch', 5 * 60_000);
    const entry = await engine.cancel(page('coinswitch', '22222222-2222-3333-4444-555555555555'));
    expect(entry.status).toBe('cancelled');
    expect(sim.apiRequests('coinswitch').some((r) => r.path === '/trade/api/v2/time')).toBe(true);
  });

  it('a locked vault: nothing is sent, the entry says to unlock and retry', async () => {
    sim.seed('pocketful', [{ id: '3005', extra: CO }]);
    const entry = await (await engineWith({ locked: true })).cancel(page('pocketful', '3005'));
    expect(entry).toMatchObject({ status: 'not-sent', attempts: 0 });
    expect(entry.message).toMatch(/locked — unlock it, then retry/);
    expect(sim.apiRequests('pocketful')).toHaveLength(0);
  });

  it('a venue it may not reach (a host permission withheld): nothing is sent, the entry says why', async () => {
    sim.seed('tradernet', [{ id: '3006' }]);
    const engine = await engineWith({ unreachable: async (venue) => (venue === 'tradernet' ? 'Not sent: no permission to reach tradernet.com' : undefined) });
    const entry = await engine.cancel(page('tradernet', '3006'));
    expect(entry).toMatchObject({ status: 'not-sent', message: 'Not sent: no permission to reach tradernet.com', attempts: 0 });
    expect(sim.apiRequests('tradernet')).toHaveLength(0);
  });
});

describe('a venue that takes only the other documented kart route', () => {
  it('PaceTrader with only the spread page\'s route: 404, the other form once, then that form first', async () => {
    const doc = await startSimulator({ venues: [createPaceOmsSim('pacetrader', { kartRoute: 'document' })], pages: [] });
    try {
      const vault = new Vault();
      await vault.setup('correct horse battery staple');
      await vault.set('pacetrader', PACE_TEST_CREDENTIALS.pacetrader);
      const engine = new CancelEngine({ venues, credentials: vault, send: simSend(doc), pendingDeadlineMs: 5000, pollIntervalMs: 100 });
      const spd = (id: string) => ({ id, extra: { executionType: 'SPD', exchangeOrderId: `E${id}`, legOrderIndicator: 'ENTRY' } });
      doc.seed('pacetrader', [spd('5001'), spd('5002')]);
      const kartDeletes = () => doc.apiRequests('pacetrader').filter((r) => r.method === 'DELETE').map((r) => r.path);

      expect(await engine.cancel(page('pacetrader', '5001'))).toMatchObject({ status: 'cancelled' });
      expect(kartDeletes()).toEqual(['/api/v1/orders/kart/5001', '/api/v1/orders/kart/']);
      expect(await engine.cancel(page('pacetrader', '5002'))).toMatchObject({ status: 'cancelled' });
      expect(kartDeletes()).toEqual(['/api/v1/orders/kart/5001', '/api/v1/orders/kart/', '/api/v1/orders/kart/']);
      expect(doc.orders('pacetrader').map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    } finally {
      await doc.stop();
    }
  });

  it('the other form is tried once only, and a form that failed too is not kept', async () => {
    sim.seed('pocketful', [{ id: '5004', extra: CO }]);
    const engine = await engineWith();
    sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 404, body: '<html><body>Not Found</body></html>', headers: { 'content-type': 'text/html' } } });
    const first = await engine.cancel(page('pocketful', '5004'));
    // The fault answered the id-in-path form; the body-only form has no CO route on this server.
    expect(first).toMatchObject({ status: 'rejected', message: 'route not found' });
    expect(sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/v1/orders/kart/5004', '/api/v1/orders/kart/']);
    expect(sim.orders('pocketful')[0]!.status).toBe('open');
    expect(await engine.cancel(page('pocketful', '5004'))).toMatchObject({ status: 'cancelled' });
    expect(sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE').at(-1)!.path).toBe('/api/v1/orders/kart/5004');
  });

  it('a venue that has the id-in-path route gets one request: no fallback', async () => {
    sim.seed('pacetrader', [{ id: '5003', extra: { executionType: 'SPD', exchangeOrderId: 'E5003', legOrderIndicator: 'ENTRY' } }]);
    expect(await (await engineWith()).cancel(page('pacetrader', '5003'))).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(sim.apiRequests('pacetrader').filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/v1/orders/kart/5003']);
  });
});

describe('after a worker restart', () => {
  it('an entry left "sending" is verified with the venue and finished', async () => {
    sim.seed('pocketful', [{ id: '4001', extra: CO }]);
    const journal = new Journal();
    const stale = await journal.begin({ venue: 'pocketful', orderId: '4001', source: 'page', startedAtMs: Date.now(), hints: {} });
    const engine = await engineWith();
    await engine.verifyUnresolved();
    expect(await journal.get(stale.id)).toMatchObject({ status: 'cancelled' });
    expect(deletes('pocketful', '4001')).toHaveLength(1);
  });
});

describe('cancel-all', () => {
  it('cancels every open order within the venue rate limit, one journal entry each', async () => {
    sim.seed('pocketful', Array.from({ length: 30 }, (_, i) => ({ id: String(5000 + i), extra: CO })));
    // When the engine hands each cancel to the network: what the rate limit governs (arrival times at
    // the simulator also carry the host's scheduling, which a busy machine bunches up).
    const sentAt: number[] = [];
    const wrapSend = (send: Send): Send => (request, ...rest) => {
      if (request.method === 'DELETE') sentAt.push(Date.now());
      return send(request, ...rest);
    };
    const result = await (await engineWith({ wrapSend })).cancelAll('pocketful');
    expect('entries' in result && result.entries.map((e) => e.status)).toEqual(Array(30).fill('cancelled'));
    expect(sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE')).toHaveLength(30);
    expect(sentAt).toHaveLength(30);
    // Token bucket: burst 10, then 10/s — no one-second window may hold more than burst + rate.
    const { burst, perSecond } = venues.pocketful.rateLimit;
    for (const t of sentAt) expect(sentAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(burst + perSecond);
  });
});

describe('cancel-all where the venue has its own endpoint', () => {
  it('ZebPay: one signed request cancels every open order, recorded as one entry', async () => {
    sim.seed('zebpay-futures', [{ id: 'zA', symbol: 'BTCINR' }, { id: 'zB', symbol: 'ETHINR' }, { id: 'zC', symbol: 'BTCINR', status: 'filled' }]);
    const result = await (await engineWith()).cancelAll('zebpay-futures');
    expect('entries' in result && result.entries.map((e) => [e.orderId, e.status])).toEqual([['*', 'cancelled']]);
    expect(sim.orders('zebpay-futures').map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'filled']);
    expect(sim.apiRequests('zebpay-futures').filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/v1/trade/order/all']);
  });
});

describe('resolving an order', () => {
  it('a recent open-orders list spares the click a round trip; the venue still has the last word', async () => {
    sim.seed('pocketful', [{ id: '6001', extra: CO }, { id: '6002', extra: CO }]);
    const engine = await engineWith();
    const creds = PACE_TEST_CREDENTIALS.pocketful;
    await engine.client('pocketful').openOrders(creds);
    sim.setStatus('pocketful', '6002', 'filled');
    const before = sim.apiRequests('pocketful').length;
    expect(await engine.cancel(page('pocketful', '6001'))).toMatchObject({ status: 'cancelled' });
    expect(sim.apiRequests('pocketful').slice(before).map((r) => r.method)).toEqual(['DELETE']);
    // The list still says 6002 is open; the venue says it filled, and that is what the user sees.
    expect(await engine.cancel(page('pocketful', '6002'))).toMatchObject({ status: 'already-closed' });
  });
});

describe('the same intent, moments apart', () => {
  it('a click that comes just after the cancel went through gets the same answer, and nothing is sent', async () => {
    sim.seed('pocketful', [{ id: '2101', extra: CO }]);
    const engine = await engineWith();
    const first = await engine.cancel(page('pocketful', '2101'));
    const second = await engine.cancel({ ...page('pocketful', '2101'), source: 'popup' });
    expect(second.id).toBe(first.id);
    expect(deletes('pocketful', '2101')).toHaveLength(1);
  });

  it('after a failure, a new click is a retry', async () => {
    sim.seed('pocketful', [{ id: '2102', extra: CO }]);
    sim.fault({ venue: 'pocketful', fault: { kind: 'expired-token' } });
    const engine = await engineWith();
    expect((await engine.cancel(page('pocketful', '2102'))).status).toBe('auth-failed');
    expect((await engine.cancel(page('pocketful', '2102'))).status).toBe('cancelled');
  });
});

describe('outcomes not known yet are checked again', () => {
  it('a pending cancel whose order is still open later is reported as not carried out', async () => {
    sim.seed('pocketful', [{ id: '4101', extra: CO }]);
    const journal = new Journal();
    const entry = await journal.begin({ venue: 'pocketful', orderId: '4101', source: 'page', startedAtMs: Date.now(), hints: {} });
    await journal.update(entry, { status: 'pending', attempts: 1 });
    await (await engineWith()).verifyUnresolved();
    expect(await journal.get(entry.id)).toMatchObject({ status: 'rejected', outcome: { code: 'QC_STILL_OPEN' } });
    expect(deletes('pocketful', '4101')).toHaveLength(0);
  });

  it('an unknown outcome whose order has since closed is resolved as the venue reports it', async () => {
    sim.seed('coinswitch', [{ id: '66666666-2222-3333-4444-555555555555', status: 'cancelled' }]);
    const journal = new Journal();
    const entry = await journal.begin({ venue: 'coinswitch', orderId: '66666666-2222-3333-4444-555555555555', source: 'page', startedAtMs: Date.now(), hints: {} });
    await journal.update(entry, { status: 'unknown', attempts: 1 });
    const engine = await engineWith();
    await engine.verifyUnresolved();
    expect(await journal.get(entry.id)).toMatchObject({ status: 'cancelled' });
  });
});
