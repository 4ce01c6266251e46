// @vitest-environment node
// The ZebPay Futures simulator, driven over real HTTPS by requests the adapter builds, with every
// answer fed back through the adapter's parse (the round trip the product relies on).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zebpayFutures } from '../../../lib/venues/zebpay-futures/adapter';
import type { Built, HttpRequest, HttpResponse, OrdersResult } from '../../../lib/venues/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { createZebpayFuturesSim, ZEBPAY_TEST_CREDENTIALS, ZEBPAY_TEST_JWT } from '../../simulator/venues/zebpay-futures';
import { sendToSimulator } from '../../simulator/https-client';

const VENUE = 'zebpay-futures';
const HOST = 'futuresbe.zebpay.com';
const API = ZEBPAY_TEST_CREDENTIALS;
const JWT = { authKind: 'jwt', jwt: ZEBPAY_TEST_JWT } as const;
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ venues: [createZebpayFuturesSim()], pages: [] });
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  sim.seed(VENUE, [
    { id: 'myLimitOrder456', symbol: 'BTCUSDT', side: 'SELL', price: 66000, quantity: 0.1 },
    { id: '598d3bda315afed6f07f-370-zeb', symbol: 'BTCUSDT', side: 'BUY', price: 60000, quantity: 0.2, filled: 0.05 },
    { id: 'inrOrder1', symbol: 'BTCINR', side: 'BUY', price: 5_000_000, quantity: 0.01 },
    { id: 'doneOrder', symbol: 'BTCUSDT', status: 'filled', filled: 1, quantity: 1 },
  ]);
});

/** One real HTTPS exchange with the simulator, as the engine's fetch would make it. */
const send = (req: HttpRequest): Promise<HttpResponse> => sendToSimulator(sim.port, req);

const requestOf = (built: Built): HttpRequest => {
  if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
  return built.request;
};
const ordersOf = (r: OrdersResult) => {
  if (!('orders' in r)) throw new Error(JSON.stringify(r));
  return r.orders;
};
const statusOf = (id: string) => sim.orders(VENUE).find((o) => o.id === id)?.status;
const sign = (message: string) => createHmac('sha256', Buffer.from(API.secretKey, 'utf8')).update(message, 'utf8').digest('hex');
const jsonOf = (r: HttpResponse) => JSON.parse(r.body) as { statusDescription: string; data: any; statusCode: number; customMessage: string[] };

async function cancel(order: { clientOrderId: string; symbol?: string }, credentials: typeof API | typeof JWT = API, nowMs = Date.now()) {
  const input = { order, credentials, nowMs };
  const request = requestOf(await zebpayFutures.cancel.build(input));
  const response = await send(request);
  return { request, response, outcome: zebpayFutures.cancel.parse(response, input) };
}
async function lookup(clientOrderId: string, credentials: typeof API | typeof JWT = API) {
  const input = { order: { clientOrderId }, credentials, nowMs: Date.now() };
  const response = await send(requestOf(await zebpayFutures.lookup.build(input)));
  return { response, result: zebpayFutures.lookup.parse(response, input) };
}
async function openOrders(symbol: string, credentials: typeof API | typeof JWT = API) {
  const input = { order: { symbol }, credentials, nowMs: Date.now() };
  const response = await send(requestOf(await zebpayFutures.openOrders.build(input)));
  return { response, result: zebpayFutures.openOrders.parse(response, input) };
}

describe('cancel', () => {
  it('accepts the adapter’s signed request (API key) and cancels the order', async () => {
    const { request, response, outcome } = await cancel({ clientOrderId: 'myLimitOrder456', symbol: 'btcusdt' });
    expect(response.status).toBe(200);
    expect(jsonOf(response)).toMatchObject({ statusCode: 200, data: { status: 'canceled', info: { status: 'CANCELED', success: true } } });
    expect(outcome).toMatchObject({ kind: 'cancelled' });
    expect(statusOf('myLimitOrder456')).toBe('cancelled');
    const [logged] = sim.apiRequests(VENUE);
    expect(logged!.body).toBe(request.body);
    expect(logged!.body).toMatch(/^\{"clientOrderId":"myLimitOrder456","symbol":"BTCUSDT","timestamp":\d+\}$/);
  });

  it('accepts the JWT variant', async () => {
    const { response, outcome } = await cancel({ clientOrderId: 'inrOrder1' }, JWT);
    expect(response.status).toBe(200);
    expect(outcome.kind).toBe('cancelled');
    expect(statusOf('inrOrder1')).toBe('cancelled');
  });

  it('a cancelled order cannot be cancelled again (400 / 3013 → a refusal the engine checks)', async () => {
    await cancel({ clientOrderId: 'myLimitOrder456' });
    const { response, outcome } = await cancel({ clientOrderId: 'myLimitOrder456' });
    expect(response.status).toBe(400);
    expect(jsonOf(response)).toMatchObject({ statusCode: 3013, statusDescription: expect.stringMatching(/already/) });
    expect(outcome).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
  });

  it('a filled order cannot be cancelled', async () => {
    const { response, outcome } = await cancel({ clientOrderId: 'doneOrder' });
    expect(response.status).toBe(400);
    expect(outcome).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
    expect(statusOf('doneOrder')).toBe('filled');
  });

  it('an unknown id, or a symbol that does not match, is not found', async () => {
    for (const order of [{ clientOrderId: 'nope' }, { clientOrderId: 'myLimitOrder456', symbol: 'ETHUSDT' }]) {
      const { response, outcome } = await cancel(order);
      expect(response.status).toBe(400);
      expect(jsonOf(response)).toMatchObject({ statusCode: 3013, statusDescription: expect.stringMatching(/not found/i) });
      expect(outcome).toMatchObject({ kind: 'unknown', refusal: { reason: 'gone' } });
    }
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('an order that refuses its cancel answers HTTP 200 with a failing statusCode, read as a refusal', async () => {
    sim.seed(VENUE, [{ id: 'stuck1', symbol: 'BTCUSDT', extra: { cancelStatusCode: 400, cancelRefusal: 'Order cannot be cancelled at this moment' } }]);
    const { response, outcome } = await cancel({ clientOrderId: 'stuck1' });
    expect(response.status).toBe(200);
    expect(jsonOf(response)).toEqual({ statusDescription: 'Order cannot be cancelled at this moment', data: {}, statusCode: 400, customMessage: ['Order cannot be cancelled at this moment'] });
    expect(outcome).toMatchObject({ kind: 'rejected', code: '400', message: 'Order cannot be cancelled at this moment' });
    expect(statusOf('stuck1')).toBe('open');
  });

  it('no in-flight state: the cancel is final at once, and a "cancelling" order still reads as open', async () => {
    await cancel({ clientOrderId: 'myLimitOrder456' });
    expect(ordersOf((await lookup('myLimitOrder456')).result)[0]).toMatchObject({ state: 'closed', venueStatus: 'canceled' });
    sim.setStatus(VENUE, 'inrOrder1', 'cancelling');
    expect(ordersOf((await lookup('inrOrder1')).result)[0]!.state).toBe('open');
    expect((await cancel({ clientOrderId: 'inrOrder1' })).outcome.kind).toBe('cancelled');
  });
});

describe('authentication', () => {
  const input = () => ({ order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: Date.now() });

  it('rejects a tampered signature with 401, which the adapter reads as a possible clock problem', async () => {
    const request = requestOf(await zebpayFutures.cancel.build(input()));
    const sig = request.headers['x-auth-signature']!;
    const tampered = { ...request, headers: { ...request.headers, 'x-auth-signature': `${sig[0] === 'a' ? 'b' : 'a'}${sig.slice(1)}` } };
    const response = await send(tampered);
    expect(response.status).toBe(401);
    expect(jsonOf(response)).toMatchObject({ statusCode: 401, statusDescription: 'Invalid signature' });
    expect(zebpayFutures.cancel.parse(response, input())).toMatchObject({ kind: 'auth-failed', clockSkew: true });
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('rejects a body changed after signing', async () => {
    const request = requestOf(await zebpayFutures.cancel.build(input()));
    const response = await send({ ...request, body: request.body!.replace('myLimitOrder456', 'inrOrder1') });
    expect(response.status).toBe(401);
    expect(statusOf('inrOrder1')).toBe('open');
  });

  it('rejects an unknown key, a wrong secret and an unknown JWT', async () => {
    for (const credentials of [
      { ...API, apiKey: 'zbp-someone-else' },
      { ...API, secretKey: 'not-the-secret' },
      { authKind: 'jwt', jwt: `${ZEBPAY_TEST_JWT.split('.').slice(0, 2).join('.')}.b3RoZXI` },
    ] as const) {
      const request = requestOf(await zebpayFutures.cancel.build({ ...input(), credentials: credentials as never }));
      const response = await send(request);
      expect(response.status).toBe(401);
      expect(zebpayFutures.cancel.parse(response, { ...input(), credentials: credentials as never }).kind).toBe('auth-failed');
    }
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it.each([
    ['x-auth-signature', 401],
    ['x-auth-apikey', 401],
    ['Content-Type', 400],
  ])('rejects a request without %s (%i)', async (header, status) => {
    const request = requestOf(await zebpayFutures.cancel.build(input()));
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== header));
    const response = await send({ ...request, headers });
    expect(response.status).toBe(status);
    expect(jsonOf(response).statusCode).toBe(status);
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('rejects a timestamp outside ±30 s, and accepts it again after a server-time resync', async () => {
    const stale = await cancel({ clientOrderId: 'myLimitOrder456' }, API, Date.now() - 31_000);
    expect(stale.response.status).toBe(401);
    expect(stale.outcome).toMatchObject({ kind: 'auth-failed', clockSkew: true });

    sim.setClockSkew(VENUE, 45_000);
    const skewed = await cancel({ clientOrderId: 'myLimitOrder456' });
    expect(skewed.response.status).toBe(401);
    expect(statusOf('myLimitOrder456')).toBe('open');

    const timeReq = zebpayFutures.serverTime!.build();
    const localSend = Date.now();
    const serverNow = zebpayFutures.serverTime!.parse(await send(timeReq));
    const offset = serverNow! - (localSend + Date.now()) / 2;
    expect(Math.abs(offset - 45_000)).toBeLessThan(5_000);
    const retried = await cancel({ clientOrderId: 'myLimitOrder456' }, API, Date.now() + offset);
    expect(retried.outcome.kind).toBe('cancelled');
  });

  it('requires the timestamp as the last signed field, and as a number', async () => {
    const now = Date.now();
    for (const body of [`{"timestamp":${now},"clientOrderId":"myLimitOrder456"}`, `{"clientOrderId":"myLimitOrder456","timestamp":"${now}"}`]) {
      const response = await send({
        method: 'DELETE',
        url: `https://${HOST}/api/v1/trade/order`,
        headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': sign(body), 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      });
      expect(response.status).toBe(401);
    }
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('answers an expired credential with 401 in both modes', async () => {
    sim.fault({ venue: VENUE, fault: { kind: 'expired-token' }, times: 2 });
    for (const credentials of [API, JWT]) {
      const { response, outcome } = await cancel({ clientOrderId: 'myLimitOrder456' }, credentials);
      expect(response.status).toBe(401);
      expect(outcome.kind).toBe('auth-failed');
    }
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('signs GET queries: a tampered query is rejected', async () => {
    const request = requestOf(await zebpayFutures.lookup.build({ order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: Date.now() }));
    expect((await send(request)).status).toBe(200);
    const response = await send({ ...request, url: request.url.replace('id=myLimitOrder456', 'id=inrOrder1') });
    expect(response.status).toBe(401);
    expect(zebpayFutures.lookup.parse(response, { order: { clientOrderId: 'inrOrder1' }, credentials: API, nowMs: Date.now() })).toMatchObject({ kind: 'auth-failed' });
  });
});

describe('lookup and open orders reflect state', () => {
  it('lookup returns the whole order, open then closed', async () => {
    const before = ordersOf((await lookup('598d3bda315afed6f07f-370-zeb')).result);
    expect(before).toEqual([
      expect.objectContaining({
        key: '598d3bda315afed6f07f-370-zeb', state: 'open', venueStatus: 'open', symbol: 'BTCUSDT', side: 'BUY', price: 60000, quantity: 0.2,
        remaining: 0.15, cancelFields: { clientOrderId: '598d3bda315afed6f07f-370-zeb', symbol: 'BTCUSDT' },
      }),
    ]);
    // resolveWith 'lookup': the cancel fields from the lookup are enough to cancel.
    expect((await cancel(before[0]!.cancelFields as { clientOrderId: string })).outcome.kind).toBe('cancelled');
    expect(ordersOf((await lookup('598d3bda315afed6f07f-370-zeb', JWT)).result)[0]).toMatchObject({ state: 'closed', venueStatus: 'canceled' });
    expect(ordersOf((await lookup('doneOrder')).result)[0]).toMatchObject({ state: 'closed', venueStatus: 'filled' });
  });

  it('lookup of an unknown id is zero orders', async () => {
    const { response, result } = await lookup('nope');
    expect(response.status).toBe(400);
    expect(result).toEqual({ orders: [] });
  });

  it('open orders lists only the open orders of the symbol', async () => {
    const { response, result } = await openOrders('btcusdt');
    expect(jsonOf(response).data).toMatchObject({ totalCount: 2, nextTimestamp: null });
    expect(ordersOf(result).map((o) => [o.key, o.state])).toEqual([['myLimitOrder456', 'open'], ['598d3bda315afed6f07f-370-zeb', 'open']]);
    await cancel({ clientOrderId: 'myLimitOrder456' });
    expect(ordersOf((await openOrders('BTCUSDT', JWT)).result).map((o) => o.key)).toEqual(['598d3bda315afed6f07f-370-zeb']);
    expect(ordersOf((await openOrders('BTCINR')).result).map((o) => o.key)).toEqual(['inrOrder1']);
  });

  it('open orders needs a symbol', async () => {
    const now = Date.now();
    const qs = `timestamp=${now}`;
    const response = await send({
      method: 'GET',
      url: `https://${HOST}/api/v1/trade/order/open-orders?${qs}`,
      headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': sign(qs), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: null,
    });
    expect(response.status).toBe(400);
    expect(zebpayFutures.openOrders.parse(response, { order: {}, credentials: API, nowMs: now })).toMatchObject({ kind: 'rejected', code: '400', message: 'symbol is required' });
  });
});

describe('cancel-all', () => {
  it('cancels every open order and returns the list; a second call finds nothing open', async () => {
    const input = { order: {}, credentials: API, nowMs: Date.now() };
    const request = requestOf(await zebpayFutures.cancelAll!.build(input));
    const response = await send(request);
    expect(response.status).toBe(200);
    expect((jsonOf(response).data as Array<{ clientOrderId: string }>).map((o) => o.clientOrderId).sort()).toEqual(['598d3bda315afed6f07f-370-zeb', 'inrOrder1', 'myLimitOrder456']);
    expect(zebpayFutures.cancelAll!.parse(response, input)).toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/3 open orders/) });
    expect(sim.orders(VENUE).map((o) => o.status).sort()).toEqual(['cancelled', 'cancelled', 'cancelled', 'filled']);

    const again = await send(requestOf(await zebpayFutures.cancelAll!.build({ ...input, nowMs: Date.now() })));
    expect(zebpayFutures.cancelAll!.parse(again, input).kind).toBe('already-closed');
  });

  it('one order that refuses makes cancel-all answer HTTP 200 with its failing statusCode, cancelling nothing', async () => {
    sim.seed(VENUE, [{ id: 'stuck2', symbol: 'BTCUSDT', extra: { cancelStatusCode: 500 } }]);
    const input = { order: {}, credentials: API, nowMs: Date.now() };
    const response = await send(requestOf(await zebpayFutures.cancelAll!.build(input)));
    expect(response.status).toBe(200);
    expect(jsonOf(response)).toMatchObject({ statusCode: 500, data: {} });
    expect(zebpayFutures.cancelAll!.parse(response, input).kind).toBe('unknown');
    expect(sim.orders(VENUE).filter((o) => o.status === 'open')).toHaveLength(4);
  });

  it('JWT mode sends no body and is accepted', async () => {
    const input = { order: {}, credentials: JWT, nowMs: Date.now() };
    const response = await send(requestOf(await zebpayFutures.cancelAll!.build(input)));
    expect(response.status).toBe(200);
    expect(sim.apiRequests(VENUE)[0]!.body).toBe('');
    expect(zebpayFutures.cancelAll!.parse(response, input).kind).toBe('cancelled');
  });

  it('API-key mode refuses an empty body (nothing to verify the time with)', async () => {
    const response = await send({
      method: 'DELETE',
      url: `https://${HOST}/api/v1/trade/order/all`,
      headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': sign(''), 'Content-Type': 'application/json' },
      body: null,
    });
    expect(response.status).toBe(401);
    expect(sim.orders(VENUE).filter((o) => o.status === 'open')).toHaveLength(3);
  });
});

describe('server time, faults and routing', () => {
  it('serves the time without auth', async () => {
    sim.setClockSkew(VENUE, -120_000);
    const t = zebpayFutures.serverTime!.parse(await send(zebpayFutures.serverTime!.build()));
    expect(Math.abs(t! - (Date.now() - 120_000))).toBeLessThan(5_000);
  });

  it('a cancel whose response is lost parses to unknown; the lookup then shows it landed', async () => {
    sim.fault({ venue: VENUE, fault: { kind: 'lose-response' }, method: 'DELETE' });
    const { outcome } = await cancel({ clientOrderId: 'myLimitOrder456' });
    expect(outcome.kind).toBe('unknown');
    expect(ordersOf((await lookup('myLimitOrder456')).result)[0]!.state).toBe('closed');
  });

  it('429 with Retry-After parses to rate-limited; 503 to unknown', async () => {
    sim.fault({ venue: VENUE, fault: { kind: 'respond', status: 429, headers: { 'retry-after': '2' }, body: '{"statusDescription":"Too many requests","data":{},"statusCode":429,"customMessage":[]}' } });
    expect((await cancel({ clientOrderId: 'myLimitOrder456' })).outcome).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
    sim.fault({ venue: VENUE, fault: { kind: 'respond', status: 503, body: '<html>down</html>' } });
    expect((await cancel({ clientOrderId: 'myLimitOrder456' })).outcome.kind).toBe('unknown');
    expect(statusOf('myLimitOrder456')).toBe('open');
  });

  it('answers unknown routes and methods in the venue envelope', async () => {
    const notFound = await send({ method: 'GET', url: `https://${HOST}/api/v1/nothing`, headers: {}, body: null });
    expect(notFound.status).toBe(404);
    expect(jsonOf(notFound).statusCode).toBe(404);
    const wrongMethod = await send({ method: 'POST', url: `https://${HOST}/api/v1/trade/order/all`, headers: {}, body: null });
    expect(wrongMethod.status).toBe(405);
  });
});
