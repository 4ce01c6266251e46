// @vitest-environment node
// The Tradernet simulator, driven over real HTTPS with requests built by the adapter, and its
// answers fed back through the adapter's parsers (the round trip the product relies on).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tradernet, type TradernetCredentials } from '../../../lib/venues/tradernet/adapter';
import type { Built, HttpRequest, HttpResponse, OrdersResult } from '../../../lib/venues/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { TRADERNET_SIM_CANCEL_DELAY_MS, TRADERNET_TEST_CREDENTIALS, createTradernetSim } from '../../simulator/venues/tradernet';
import { sendToSimulator, type SendOptions } from '../../simulator/https-client';

const V2: TradernetCredentials = { ...TRADERNET_TEST_CREDENTIALS, scheme: 'v2' };
const V3: TradernetCredentials = { ...TRADERNET_TEST_CREDENTIALS, scheme: 'v3' };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ venues: [createTradernetSim()], pages: [] });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  sim.seed('tradernet', [
    { id: '1001', symbol: 'AAPL.US', side: 'BUY', price: 190.5, quantity: 5, createdAtMs: Date.UTC(2026, 7, 19, 14, 30) },
    { id: '1002', symbol: 'TSLA.US', side: 'SELL', price: 250, quantity: 2, filled: 1 },
    { id: '1003', status: 'filled', filled: 1 },
    { id: '1004', status: 'cancelled' },
    { id: '1005', extra: { cancelOnlyByTrader: 1 } },
  ]);
});

// v2 nonces must strictly increase per key, so every build gets a later clock than the one before.
let clock = Date.now();
const now = () => (clock = Math.max(clock + 1, Date.now()));

const send = (req: HttpRequest, opts: SendOptions = {}): Promise<HttpResponse> => sendToSimulator(sim.port, req, opts);

const requestOf = (built: Built): HttpRequest => {
  if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
  return built.request;
};
const ordersOf = (r: OrdersResult) => {
  if (!('orders' in r)) throw new Error(`not orders: ${JSON.stringify(r)}`);
  return r.orders;
};
const statusOf = (id: string) => sim.orders('tradernet').find((o) => o.id === id)?.status;

async function cancel(orderId: number | string, credentials = V2, opts?: SendOptions) {
  const input = { order: { orderId }, credentials, nowMs: now() };
  const response = await send(requestOf(await tradernet.cancel.build(input)), opts);
  return { response, outcome: tradernet.cancel.parse(response, input) };
}
async function openOrders(credentials = V2) {
  const input = { order: {}, credentials, nowMs: now() };
  return tradernet.openOrders.parse(await send(requestOf(await tradernet.openOrders.build(input))), input);
}
async function lookup(orderId: number | string, credentials = V2) {
  const input = { order: { orderId }, credentials, nowMs: now() };
  return tradernet.lookup.parse(await send(requestOf(await tradernet.lookup.build(input))), input);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hmac = (text: string) => createHmac('sha256', TRADERNET_TEST_CREDENTIALS.privateKey).update(text).digest('hex');

describe.each([['v2', V2], ['v3', V3]] as const)('scheme %s', (_scheme, creds) => {
  it('accepts the adapter’s cancel; the reply is an acceptance and the order leaves the active list shortly after', async () => {
    const { response, outcome } = await cancel(1001, creds);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ order_id: 1001 });
    expect(outcome.kind).toBe('pending');
    expect(statusOf('1001')).toBe('cancelling');
    if (creds === V2) expect(sim.apiRequests('tradernet')[0]!.headers).toMatchObject({ 'nt-jqp': 'true', 'x-requested-with': 'XMLHttpRequest' });
    // In flight: still listed by active_only=1.
    expect(ordersOf(await openOrders(creds)).map((o) => o.key)).toContain('1001');
    await sleep(TRADERNET_SIM_CANCEL_DELAY_MS + 100);
    expect(statusOf('1001')).toBe('cancelled');
    expect(ordersOf(await openOrders(creds)).map((o) => o.key)).not.toContain('1001');
    // The active_only=0 list still has it, with the venue's raw stat.
    expect(ordersOf(await lookup(1001, creds))).toMatchObject([{ key: '1001', venueStatus: '31' }]);
  });

  it('a tampered signature is rejected as Tradernet does (401, code 4) → auth-failed', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: creds, nowMs: now() }));
    const bad = built.headers['X-NtApi-Sig']!.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const response = await send(built, { headers: { 'X-NtApi-Sig': bad } });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ code: 4 });
    expect(tradernet.cancel.parse(response, { order: { orderId: 1001 }, credentials: creds, nowMs: 0 }).kind).toBe('auth-failed');
    expect(statusOf('1001')).toBe('open');
  });

  it('a body changed after signing is rejected', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: creds, nowMs: now() }));
    const response = await send(built, { body: built.body!.replace('1001', '1002') });
    expect(response.status).toBe(401);
    expect(statusOf('1002')).toBe('open');
  });

  it('a missing X-NtApi-Sig is rejected', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: creds, nowMs: now() }));
    const response = await send(built, { headers: { 'X-NtApi-Sig': undefined } });
    expect(response.status).toBe(401);
    expect(tradernet.cancel.parse(response, { order: { orderId: 1001 }, credentials: creds, nowMs: 0 }).kind).toBe('auth-failed');
  });

  it('a key from another domain gets "Invalid api key provided"', async () => {
    const { response, outcome } = await cancel(1001, { ...creds, domain: 'freedom24.com' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'Invalid api key provided' });
    expect(outcome.kind).toBe('auth-failed');
    expect(statusOf('1001')).toBe('open');
  });

  it('an unknown key is rejected', async () => {
    const { response, outcome } = await cancel(1001, { ...creds, publicKey: 'someone-else' });
    expect(response.status).toBe(403);
    expect(outcome.kind).toBe('auth-failed');
  });

  it('a wrong private key is rejected', async () => {
    const { response, outcome } = await cancel(1001, { ...creds, privateKey: 'not-the-secret' });
    expect(response.status).toBe(401);
    expect(outcome.kind).toBe('auth-failed');
  });

  it('an expired/revoked key (fault) → auth-failed', async () => {
    sim.fault({ venue: 'tradernet', fault: { kind: 'expired-token' } });
    const { outcome } = await cancel(1001, creds);
    expect(outcome.kind).toBe('auth-failed');
    expect(statusOf('1001')).toBe('open');
  });

  it.each([
    ['1003', 'filled'],
    ['1004', 'cancelled'],
    ['999999', 'unknown'],
  ])('order %s (%s) cannot be cancelled → a refusal in words, which the engine checks', async (id) => {
    const { response, outcome } = await cancel(id, creds);
    expect(JSON.parse(response.body)).toHaveProperty('error');
    expect(outcome).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('a cancelled order cannot be cancelled again', async () => {
    expect((await cancel(1002, creds)).outcome.kind).toBe('pending');
    await sleep(TRADERNET_SIM_CANCEL_DELAY_MS + 100);
    expect((await cancel(1002, creds)).outcome).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('a cancel while the first is in flight is the same acceptance again', async () => {
    expect((await cancel(1001, creds)).outcome.kind).toBe('pending');
    expect((await cancel(1001, creds)).outcome.kind).toBe('pending');
  });

  it('code 12 (trader-only cancel) → rejected, not already-closed', async () => {
    const { response, outcome } = await cancel(1005, creds);
    const text = 'This order may only be cancelled by a Cancellation Order or through traders';
    // The document's answer, fields in its order.
    expect(response.body).toBe(JSON.stringify({ code: 12, errorMsg: text, error: text }));
    expect(outcome).toMatchObject({ kind: 'rejected', code: '12', message: text });
    expect(statusOf('1005')).toBe('open');
  });

  it('open-orders lists the active orders with their fields; lookup finds one of all orders', async () => {
    const open = ordersOf(await openOrders(creds));
    expect(open.map((o) => o.key).sort()).toEqual(['1001', '1002', '1005']);
    expect(open.find((o) => o.key === '1001')).toMatchObject({
      state: 'open', symbol: 'AAPL.US', side: 'buy', price: 190.5, quantity: 5, remaining: 5,
      createdAtMs: Date.UTC(2026, 7, 19, 14, 30), cancelFields: { orderId: 1001 },
    });
    expect(open.find((o) => o.key === '1002')).toMatchObject({ side: 'sell', remaining: 1 });
    expect(ordersOf(await lookup('1003', creds))).toMatchObject([{ key: '1003', cancelFields: { orderId: 1003 } }]);
    expect(ordersOf(await lookup(424242, creds))).toEqual([]);
  });

  it('a single open order comes back as one object and is still read', async () => {
    sim.reset();
    sim.seed('tradernet', [{ id: '77' }, { id: '78', status: 'filled' }]);
    expect(ordersOf(await openOrders(creds)).map((o) => o.key)).toEqual(['77']);
    sim.reset();
    expect(ordersOf(await openOrders(creds))).toEqual([]);
  });

  it('every reply carries a Date header (the engine’s clock source)', async () => {
    const { response } = await cancel(1001, creds);
    expect(Number.isNaN(Date.parse(response.headers.date ?? ''))).toBe(false);
  });

  it('a SID cookie is refused (it would outrank the key)', async () => {
    const { response } = await cancel(1001, creds, { headers: { cookie: 'SID=abc' } });
    expect(response.status).toBe(400);
    expect(statusOf('1001')).toBe('open');
  });
});

describe('v2 specifics', () => {
  it('accepts the legacy sorted literal-bracket body (also repeated as the query string)', async () => {
    const nonce = String(BigInt(now()) * 10000n);
    const { publicKey } = TRADERNET_TEST_CREDENTIALS;
    const body = `apiKey=${publicKey}&cmd=delTradeOrder&nonce=${nonce}&params[order_id]=1001`;
    const req: HttpRequest = {
      method: 'POST',
      url: `https://tradernet.com/api/v2/cmd/delTradeOrder?${body}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-NtApi-Sig': hmac(`apiKey=${publicKey}&cmd=delTradeOrder&nonce=${nonce}&params=order_id=1001`) },
      body,
    };
    const response = await send(req);
    expect(response.status).toBe(200);
    expect(statusOf('1001')).toBe('cancelling');
  });

  it('refuses a body in neither documented form', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: V2, nowMs: now() }));
    const reordered = built.body!.split('&').reverse().join('&');
    const response = await send(built, { body: reordered });
    expect(response.status).toBe(400);
    expect(tradernet.cancel.parse(response, { order: { orderId: 1001 }, credentials: V2, nowMs: 0 })).toMatchObject({ kind: 'rejected', code: '2' });
    expect(statusOf('1001')).toBe('open');
  });

  it('rejects a reused nonce and a lower nonce', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1004 }, credentials: V2, nowMs: now() }));
    expect((await send(built)).status).toBe(200);
    const replay = await send(built);
    expect(replay.status).toBe(401);
    expect(tradernet.cancel.parse(replay, { order: { orderId: 1004 }, credentials: V2, nowMs: 0 }).kind).toBe('auth-failed');
    const older = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: V2, nowMs: clock - 5000 }));
    expect((await send(older)).status).toBe(401);
    expect(statusOf('1001')).toBe('open');
  });

  it('refuses a GET', async () => {
    const built = requestOf(await tradernet.openOrders.build({ order: {}, credentials: V2, nowMs: now() }));
    expect((await send(built, { method: 'GET', body: '' })).status).toBe(405);
  });
});

describe('v3 specifics', () => {
  it.each(['X-NtApi-Timestamp', 'X-NtApi-PublicKey'])('a missing %s is rejected', async (header) => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: V3, nowMs: now() }));
    const response = await send(built, { headers: { [header]: undefined } });
    expect(response.status).toBe(401);
    expect(tradernet.cancel.parse(response, { order: { orderId: 1001 }, credentials: V3, nowMs: 0 }).kind).toBe('auth-failed');
    expect(statusOf('1001')).toBe('open');
  });

  it.each([-120_000, 120_000])('a timestamp %i ms off the venue clock is rejected', async (offset) => {
    const { response, outcome } = await (async () => {
      const input = { order: { orderId: 1001 }, credentials: V3, nowMs: Date.now() + offset };
      const response = await send(requestOf(await tradernet.cancel.build(input)));
      return { response, outcome: tradernet.cancel.parse(response, input) };
    })();
    expect(response.status).toBe(401);
    expect(outcome.kind).toBe('auth-failed');
    expect(statusOf('1001')).toBe('open');
  });

  it('a timestamp within the window is accepted, and the window follows the venue clock', async () => {
    const ok = { order: { orderId: 1001 }, credentials: V3, nowMs: Date.now() - 30_000 };
    expect((await send(requestOf(await tradernet.cancel.build(ok)))).status).toBe(200);
    sim.setClockSkew('tradernet', 600_000);
    const late = { order: { orderId: 1002 }, credentials: V3, nowMs: Date.now() };
    expect((await send(requestOf(await tradernet.cancel.build(late)))).status).toBe(401);
    const synced = { order: { orderId: 1002 }, credentials: V3, nowMs: Date.now() + 600_000 };
    expect((await send(requestOf(await tradernet.cancel.build(synced)))).status).toBe(200);
  });

  it('a JSON body signed for one order cannot cancel another', async () => {
    const built = requestOf(await tradernet.cancel.build({ order: { orderId: 1001 }, credentials: V3, nowMs: now() }));
    expect((await send(built, { body: '{"order_id":1002}' })).status).toBe(401);
  });
});

describe('faults through the adapter', () => {
  it('429 with Retry-After → rate-limited', async () => {
    sim.fault({ venue: 'tradernet', fault: { kind: 'respond', status: 429, headers: { 'retry-after': '2' }, body: '' } });
    expect((await cancel(1001)).outcome).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
  });

  it('a 503 HTML page → unknown; open-orders then shows whether to re-send', async () => {
    sim.fault({ venue: 'tradernet', fault: { kind: 'respond', status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>down</h1>' } });
    expect((await cancel(1001)).outcome.kind).toBe('unknown');
    expect(ordersOf(await openOrders()).map((o) => o.key)).toContain('1001');
  });
});
