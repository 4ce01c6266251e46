// @vitest-environment node
// The CoinSwitch PRO simulator, driven over real HTTPS with requests built by the adapter, and its
// answers fed back through the adapter's parsers (the round trip the product relies on).
import { createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coinswitch } from '../../../lib/venues/coinswitch/adapter';
import type { HttpRequest, HttpResponse } from '../../../lib/venues/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { COINSWITCH_TEST_CREDENTIALS, createCoinswitchSim } from '../../simulator/venues/coinswitch';
import { sendToSimulator } from '../../simulator/https-client';

const CREDS = COINSWITCH_TEST_CREDENTIALS;
const OPEN_ID = '11111111-2222-4333-8444-555555555555';
const FILLED_ID = '66666666-7777-4888-9999-000000000000';
const OTHER_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ venues: [createCoinswitchSim()], pages: [] });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  sim.seed('coinswitch', [
    { id: OPEN_ID, symbol: 'BTC/INR', side: 'BUY', price: 5_000_000, quantity: 0.002, filled: 0, extra: { exchange: 'coinswitchx', clientOrderId: 'qc-1' } },
    { id: FILLED_ID, symbol: 'ETH/INR', side: 'SELL', price: 250_000, quantity: 1, filled: 1, status: 'filled', extra: { exchange: 'coinswitchx' } },
    { id: OTHER_ID, symbol: 'BTC/USDT', side: 'SELL', price: 60_000, quantity: 0.5, filled: 0.2, extra: { exchange: 'c2c1' } },
  ]);
});

/** Sends the request exactly as built (URL path and query untouched) to the simulator. */
const send = (req: HttpRequest): Promise<HttpResponse> => sendToSimulator(sim.port, req);

const input = (order: Record<string, unknown>, nowMs = Date.now()) => ({ order, credentials: CREDS, nowMs }) as never;

async function built(op: 'cancel' | 'lookup' | 'openOrders', order: Record<string, unknown>, nowMs?: number): Promise<HttpRequest> {
  const b = await coinswitch[op].build(input(order, nowMs));
  if (!('request' in b)) throw new Error(`refused: ${JSON.stringify(b.refused)}`);
  return b.request;
}

/** Signs any message with the test seed, the way the spec's Node note does (PKCS#8 wrapper). */
function nodeSign(message: string): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(CREDS.secretKey, 'hex')]);
  return sign(null, Buffer.from(message, 'utf8'), createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).toString('hex');
}

const statusOf = (id: string) => sim.orders('coinswitch').find((o) => o.id === id)?.status;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CoinSwitch PRO simulator', () => {
  it('accepts an adapter-built cancel: CANCELLATION_RAISED now (pending), CANCELLED ~300 ms later', async () => {
    const req = await built('cancel', { orderId: OPEN_ID });
    const res = await send(req);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ data: { order_id: OPEN_ID, status: 'CANCELLATION_RAISED', symbol: 'BTC/INR' } });
    expect(coinswitch.cancel.parse(res, input({ orderId: OPEN_ID }))).toMatchObject({ kind: 'pending', venueStatus: 'CANCELLATION_RAISED' });
    expect(statusOf(OPEN_ID)).toBe('cancelling');

    const during = await send(await built('lookup', { orderId: OPEN_ID }));
    expect(coinswitch.lookup.parse(during, input({}))).toMatchObject({ orders: [{ key: OPEN_ID, state: 'in-flight', venueStatus: 'CANCELLATION_RAISED' }] });

    // A second cancel while raised: 400 naming CANCELLATION_RAISED; a refusal the engine checks with Get Order.
    const again = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body).message).toMatch(/CANCELLATION_RAISED/);
    expect(coinswitch.cancel.parse(again, input({}))).toMatchObject({ kind: 'unknown', refusal: { reason: 'busy' } });

    await sleep(450);
    expect(statusOf(OPEN_ID)).toBe('cancelled');
    const after = await send(await built('lookup', { orderId: OPEN_ID }));
    expect(coinswitch.lookup.parse(after, input({}))).toMatchObject({ orders: [{ key: OPEN_ID, state: 'closed', venueStatus: 'CANCELLED' }] });

    const third = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(third.status).toBe(400);
    expect(coinswitch.cancel.parse(third, input({}))).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('refuses to cancel a filled order or an unknown one (a refusal the engine checks with Get Order)', async () => {
    const filled = await send(await built('cancel', { orderId: FILLED_ID }));
    expect(filled.status).toBe(400);
    expect(JSON.parse(filled.body).message).toMatch(/already EXECUTED/);
    expect(coinswitch.cancel.parse(filled, input({}))).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
    expect(statusOf(FILLED_ID)).toBe('filled');

    const unknown = await send(await built('cancel', { orderId: '12345678-0000-4000-8000-000000000000' }));
    expect(unknown.status).toBe(400);
    expect(coinswitch.cancel.parse(unknown, input({}))).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('rejects a tampered signature with 401 Invalid Access (auth-failed, no clock skew)', async () => {
    const req = await built('cancel', { orderId: OPEN_ID });
    const sig = req.headers['X-AUTH-SIGNATURE']!;
    const tampered = { ...req, headers: { ...req.headers, 'X-AUTH-SIGNATURE': (sig[0] === '0' ? '1' : '0') + sig.slice(1) } };
    const res = await send(tampered);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ message: 'Invalid Access' });
    const outcome = coinswitch.cancel.parse(res, input({}));
    expect(outcome).toMatchObject({ kind: 'auth-failed' });
    expect(outcome).not.toHaveProperty('clockSkew');
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('signs path and query but not the body: a GET signed for one order does not verify for another', async () => {
    const other = await built('cancel', { orderId: OTHER_ID });
    // Same path, so the signature still holds for OPEN_ID: the body is unsigned by design.
    const swapped = await send({ ...other, body: JSON.stringify({ order_id: OPEN_ID }) });
    expect(swapped.status).toBe(200);
    const lookup = await built('lookup', { orderId: OTHER_ID });
    const res = await send({ ...lookup, url: lookup.url.replace(OTHER_ID, OPEN_ID) });
    expect(res.status).toBe(401);
  });

  it('rejects the retired scheme that signed the body instead of the epoch', async () => {
    const body = JSON.stringify({ order_id: OPEN_ID });
    const epoch = String(Date.now());
    const res = await send({
      method: 'DELETE',
      url: 'https://coinswitch.co/trade/api/v2/order',
      headers: { 'Content-Type': 'application/json', 'X-AUTH-APIKEY': CREDS.apiKey, 'X-AUTH-SIGNATURE': nodeSign(`DELETE/trade/api/v2/order${body}`), 'X-AUTH-EPOCH': epoch },
      body,
    });
    expect(res.status).toBe(401);
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('verifies over the URL-decoded query: "+" reads as a space, %2F as a slash', async () => {
    const epoch = String(Date.now());
    const signedFor = (decoded: string) => nodeSign(`GET${decoded}${epoch}`);
    const headers = (sig: string) => ({ 'Content-Type': 'application/json', 'X-AUTH-APIKEY': CREDS.apiKey, 'X-AUTH-SIGNATURE': sig, 'X-AUTH-EPOCH': epoch });
    const plus = await send({ method: 'GET', url: 'https://coinswitch.co/trade/api/v2/orders?open=true&symbols=BTC+INR', headers: headers(signedFor('/trade/api/v2/orders?open=true&symbols=BTC INR')), body: null });
    expect(plus.status).toBe(200);
    const slash = await send({ method: 'GET', url: 'https://coinswitch.co/trade/api/v2/orders?open=true&symbols=BTC%2FINR', headers: headers(signedFor('/trade/api/v2/orders?open=true&symbols=BTC/INR')), body: null });
    expect(coinswitch.openOrders.parse(slash, input({}))).toMatchObject({ orders: [{ key: OPEN_ID }] });
    const encodedSigned = await send({ method: 'GET', url: 'https://coinswitch.co/trade/api/v2/orders?open=true&symbols=BTC%20INR', headers: headers(signedFor('/trade/api/v2/orders?open=true&symbols=BTC%20INR')), body: null });
    expect(encodedSigned.status).toBe(401);
  });

  it.each(['X-AUTH-APIKEY', 'X-AUTH-SIGNATURE', 'X-AUTH-EPOCH'])('rejects a request without %s', async (header) => {
    const req = await built('cancel', { orderId: OPEN_ID });
    const headers = { ...req.headers };
    delete headers[header];
    const res = await send({ ...req, headers });
    expect(res.status).toBe(401);
    expect(coinswitch.cancel.parse(res, input({}))).toMatchObject({ kind: 'auth-failed' });
    expect(coinswitch.cancel.parse(res, input({}))).not.toHaveProperty('clockSkew');
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('rejects a cancel without Content-Type: application/json', async () => {
    const req = await built('cancel', { orderId: OPEN_ID });
    const headers = { ...req.headers };
    delete headers['Content-Type'];
    const res = await send({ ...req, headers });
    expect(res.status).toBe(400);
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('rejects a stale epoch with a 401 the adapter reads as clock skew', async () => {
    const res = await send(await built('cancel', { orderId: OPEN_ID }, Date.now() - 61_000));
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).message).toMatch(/epoch/i);
    expect(coinswitch.cancel.parse(res, input({}))).toMatchObject({ kind: 'auth-failed', clockSkew: true });
    expect(statusOf(OPEN_ID)).toBe('open');

    // Within the 60 s window, the same drift is fine.
    const ok = await send(await built('cancel', { orderId: OPEN_ID }, Date.now() - 30_000));
    expect(ok.status).toBe(200);
  });

  it('follows a skewed venue clock: the engine resyncs from /time and the retry is accepted', async () => {
    sim.setClockSkew('coinswitch', 120_000);
    const stale = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(coinswitch.cancel.parse(stale, input({}))).toMatchObject({ kind: 'auth-failed', clockSkew: true });
    const timeRes = await send({ ...coinswitch.serverTime!.build() });
    expect(timeRes.status).toBe(200);
    const serverTime = coinswitch.serverTime!.parse(timeRes)!;
    expect(Math.abs(serverTime - (Date.now() + 120_000))).toBeLessThan(5_000);
    const retry = await send(await built('cancel', { orderId: OPEN_ID }, serverTime));
    expect(coinswitch.cancel.parse(retry, input({}))).toMatchObject({ kind: 'pending' });
  });

  it('rejects a key other than the test pair, and an expired (replaced) pair', async () => {
    const otherSeed = 'ab'.repeat(32);
    const b = await coinswitch.cancel.build({ order: { orderId: OPEN_ID }, credentials: { apiKey: 'cd'.repeat(32), secretKey: otherSeed }, nowMs: Date.now() } as never);
    const res = await send((b as { request: HttpRequest }).request);
    expect(res.status).toBe(401);

    sim.fault({ venue: 'coinswitch', fault: { kind: 'expired-token' } });
    const expired = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(expired.status).toBe(401);
    expect(coinswitch.cancel.parse(expired, input({}))).toMatchObject({ kind: 'auth-failed' });
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('serves Get Order by order_id and by client_order_id, and not-found as no orders', async () => {
    const byId = await send(await built('lookup', { orderId: OTHER_ID }));
    expect(coinswitch.lookup.parse(byId, input({}))).toEqual({
      orders: [
        {
          key: OTHER_ID,
          state: 'open',
          venueStatus: 'PARTIALLY_EXECUTED',
          symbol: 'BTC/USDT',
          side: 'SELL',
          price: 60_000,
          quantity: 0.5,
          remaining: 0.3,
          createdAtMs: expect.any(Number),
          cancelFields: { orderId: OTHER_ID, exchange: 'c2c1', symbol: 'BTC/USDT' },
        },
      ],
    });
    const byClient = await send(await built('lookup', { clientOrderId: 'qc-1' }));
    expect(coinswitch.lookup.parse(byClient, input({}))).toMatchObject({ orders: [{ key: OPEN_ID, cancelFields: { clientOrderId: 'qc-1' } }] });
    const missing = await send(await built('lookup', { orderId: '00000000-0000-4000-8000-000000000000' }));
    expect(coinswitch.lookup.parse(missing, input({}))).toEqual({ orders: [] });
  });

  it('lists open orders with filters; a raw BTC/INR and an encoded space both verify', async () => {
    const all = await send(await built('openOrders', {}));
    const result = coinswitch.openOrders.parse(all, input({}));
    expect('orders' in result && result.orders.map((o) => o.key).sort()).toEqual([OPEN_ID, OTHER_ID].sort());

    const req = await built('openOrders', { exchange: 'coinswitchx', symbol: 'BTC/INR' });
    expect(req.url).toContain('symbols=BTC/INR');
    const filtered = coinswitch.openOrders.parse(await send(req), input({}));
    expect(filtered).toMatchObject({ orders: [{ key: OPEN_ID }] });
    expect('orders' in filtered && filtered.orders).toHaveLength(1);

    const spaced = await built('openOrders', { symbol: 'BTC INR' });
    expect(spaced.url).toContain('symbols=BTC%20INR');
    const none = await send(spaced);
    expect(none.status).toBe(200);
    expect(coinswitch.openOrders.parse(none, input({}))).toEqual({ orders: [] });
  });

  it('open orders reflect a cancel: CANCELLATION_RAISED stays listed, CANCELLED drops out', async () => {
    await send(await built('cancel', { orderId: OPEN_ID }));
    const during = coinswitch.openOrders.parse(await send(await built('openOrders', {})), input({}));
    expect(during).toMatchObject({ orders: expect.arrayContaining([expect.objectContaining({ key: OPEN_ID, state: 'in-flight' })]) });
    await sleep(450);
    const after = coinswitch.openOrders.parse(await send(await built('openOrders', {})), input({}));
    expect('orders' in after && after.orders.map((o) => o.key)).toEqual([OTHER_ID]);
  });

  it('an order filled while CANCELLATION_RAISED stays filled', async () => {
    await send(await built('cancel', { orderId: OPEN_ID }));
    sim.setStatus('coinswitch', OPEN_ID, 'filled');
    await sleep(450);
    expect(statusOf(OPEN_ID)).toBe('filled');
    const res = await send(await built('lookup', { orderId: OPEN_ID }));
    expect(coinswitch.lookup.parse(res, input({}))).toMatchObject({ orders: [{ state: 'closed', venueStatus: 'EXECUTED' }] });
  });

  it('answers unknown routes under /trade/api/v2/ with 404 and wrong methods with 405', async () => {
    const req = await built('cancel', { orderId: OPEN_ID });
    expect((await send({ ...req, url: 'https://coinswitch.co/trade/api/v2/futures/order' })).status).toBe(404);
    expect((await send({ ...req, method: 'POST' })).status).toBe(405);
  });

  it('turns injected faults into the adapter outcomes the engine expects', async () => {
    sim.fault({ venue: 'coinswitch', fault: { kind: 'respond', status: 429, headers: { 'retry-after': '3' }, body: '{"message":"Too many requests"}' } });
    const limited = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(coinswitch.cancel.parse(limited, input({}))).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
    sim.fault({ venue: 'coinswitch', fault: { kind: 'respond', status: 502, body: '<html>Bad Gateway</html>' } });
    const gateway = await send(await built('cancel', { orderId: OPEN_ID }));
    expect(coinswitch.cancel.parse(gateway, input({}))).toMatchObject({ kind: 'unknown' });
    expect(statusOf(OPEN_ID)).toBe('open');
  });

  it('logs what the adapter sent, byte for byte', async () => {
    const req = await built('cancel', { orderId: OPEN_ID });
    await send(req);
    const [logged] = sim.apiRequests('coinswitch');
    expect(logged).toMatchObject({ method: 'DELETE', path: '/trade/api/v2/order', body: req.body });
    expect(logged!.headers['x-auth-epoch']).toBe(req.headers['X-AUTH-EPOCH']);
  });
});
