// @vitest-environment node
// CoinSwitch PRO (Spot) adapter, as specified by shared/venues/coinswitch.md.
import { createPublicKey, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectorFile from '../../fixtures/venues/vectors.json';
import { checkCoinswitchKeyPair, coinswitch, encodeQueryValue } from '../../../lib/venues/coinswitch/adapter';
import { isOrders, type BuildInput, type CancelOutcome, type HttpRequest, type HttpResponse, type OrdersResult } from '../../../lib/venues/types';
import { OPEN_ORDERS_PAGE } from '../../../lib/venues/coinswitch/parse';

// Public vector C1's key pair (seed 00..1f): fake, published in the spec.
const CREDS = {
  apiKey: '03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8',
  secretKey: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
};
const ORDER_ID = '698ed406-8ef5-4664-9779-f7978702a447';
const NOW = 1_719_905_777_483;

type AnyInput = BuildInput<any, any>;
const input = (order: Record<string, unknown>, over: Partial<AnyInput> = {}): AnyInput => ({ order, credentials: CREDS, nowMs: NOW, ...over });

async function request(op: 'cancel' | 'lookup' | 'openOrders', i: AnyInput): Promise<HttpRequest> {
  const built = await coinswitch[op].build(i);
  if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
  return built.request;
}

/** Verifies the Ed25519 signature header over `message` with the API key (the public key). */
function signs(req: HttpRequest, message: string, apiKey = CREDS.apiKey): boolean {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(apiKey, 'hex').toString('base64url') }, format: 'jwk' });
  return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(req.headers['X-AUTH-SIGNATURE']!, 'hex'));
}

/** What the venue signs: METHOD + the URL's path and query, decoded (+ as space) + epoch. */
const venueMessage = (req: HttpRequest) => {
  const url = req.url.slice('https://coinswitch.co'.length);
  return req.method + decodeURIComponent(url.replace(/\+/g, ' ')) + req.headers['X-AUTH-EPOCH'];
};

const res = (status: number, body: unknown = '', headers: Record<string, string> = {}, transportError?: HttpResponse['transportError']): HttpResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(transportError ? { transportError } : {}),
});

describe('identity and engine hints', () => {
  it('declares the venue, its hosts, the id it cancels by and its limits', () => {
    expect(coinswitch.id).toBe('coinswitch');
    expect(coinswitch.name).toBe('CoinSwitch PRO');
    expect(coinswitch.pageMatches).toEqual(['https://coinswitch.co/pro/*', 'https://pro.coinswitch.co/*']);
    expect(coinswitch.apiOrigins).toEqual(['https://coinswitch.co/*']);
    expect(coinswitch.idField).toBe('orderId');
    expect(coinswitch.idHint).toBe('a UUID like 698ed406-8ef5-4664-9779-f7978702a447');
    expect(coinswitch.resolveWith).toBe('lookup');
    expect(coinswitch.rateLimit).toEqual({ burst: 10, perSecond: 1 });
    expect(coinswitch.cancelAll).toBeUndefined();
  });

  it.each([
    [ORDER_ID, true],
    [ORDER_ID.toUpperCase(), true],
    [ORDER_ID.replace(/-/g, ''), true],
    ['698ed406-8ef5-4664-9779-f7978702a44', false],
    ['698ed406-8ef5-4664-9779-f7978702a44g', false],
    ['12345', false],
    ['', false],
  ])('idPattern(%j) is %s', (id, ok) => {
    expect(coinswitch.idPattern.test(id)).toBe(ok);
  });

  it('reads the server time from GET /trade/api/v2/time without auth', () => {
    expect(coinswitch.serverTime!.build()).toEqual({ method: 'GET', url: 'https://coinswitch.co/trade/api/v2/time', headers: {}, body: null });
    const parse = coinswitch.serverTime!.parse;
    expect(parse(res(200, { serverTime: NOW }))).toBe(NOW);
    expect(parse(res(200, { serverTime: String(NOW) }))).toBe(NOW);
    expect(parse(res(200, { serverTime: 1_719_905_777 }))).toBe(1_719_905_777_000);
    expect(parse(res(200, '<html>', { date: 'Tue, 02 Jul 2024 07:36:17 GMT' }))).toBe(Date.parse('Tue, 02 Jul 2024 07:36:17 GMT'));
    expect(parse(res(503, '', { date: 'Tue, 02 Jul 2024 07:36:17 GMT' }))).toBe(Date.parse('Tue, 02 Jul 2024 07:36:17 GMT'));
    expect(parse(res(200, { serverTime: 'soon' }))).toBeUndefined();
    expect(parse(res(200, { serverTime: -5 }))).toBeUndefined();
    expect(parse(res(0, '', {}, 'timeout'))).toBeUndefined();
  });
});

describe('credentials', () => {
  it('stores the API key lower-case and trims pasted whitespace', () => {
    const parsed = coinswitch.credentialsSchema.parse({ apiKey: ` ${CREDS.apiKey.toUpperCase()}\n`, secretKey: ` ${CREDS.secretKey} ` });
    expect(parsed).toEqual(CREDS);
  });

  it.each([
    ['missing apiKey', { secretKey: CREDS.secretKey }, /apiKey/],
    ['non-hex apiKey', { ...CREDS, apiKey: 'z'.repeat(64) }, /apiKey/],
    ['63-hex apiKey', { ...CREDS, apiKey: CREDS.apiKey.slice(1) }, /apiKey/],
    ['missing secretKey', { apiKey: CREDS.apiKey }, /secretKey/],
    ['128-hex seed‖public-key secret', { ...CREDS, secretKey: CREDS.secretKey + CREDS.apiKey }, /128/],
    ['non-hex secretKey', { ...CREDS, secretKey: 'g'.repeat(64) }, /secretKey/],
  ])('%s is refused as auth-failed before anything is signed', async (_name, credentials, mentions) => {
    for (const op of ['cancel', 'lookup', 'openOrders'] as const) {
      const built = await coinswitch[op].build(input({ orderId: ORDER_ID }, { credentials }));
      expect('refused' in built).toBe(true);
      const refused = (built as { refused: CancelOutcome }).refused;
      expect(refused.kind).toBe('auth-failed');
      expect(refused.message).toMatch(mentions);
      expect(refused.message).toMatch(/Settings/);
      expect(JSON.stringify(refused)).not.toContain(CREDS.secretKey);
    }
  });

  it('checkCoinswitchKeyPair accepts a matching pair and names a mismatch', async () => {
    expect(await checkCoinswitchKeyPair(CREDS)).toBeNull();
    expect(await checkCoinswitchKeyPair({ ...CREDS, apiKey: CREDS.apiKey.toUpperCase() })).toBeNull();
    expect(await checkCoinswitchKeyPair({ apiKey: CREDS.secretKey, secretKey: CREDS.apiKey })).toMatch(/^key pair mismatch/);
    expect(await checkCoinswitchKeyPair({ ...CREDS, apiKey: 'ab'.repeat(32) })).toMatch(/^key pair mismatch/);
    const malformed = await checkCoinswitchKeyPair({ ...CREDS, secretKey: CREDS.secretKey + CREDS.apiKey });
    expect(malformed).toMatch(/128/);
    expect(malformed).not.toContain(CREDS.secretKey);
  });
});

describe('cancel build', () => {
  it.each(vectorFile.vectors.filter((v) => v.venue === 'coinswitch'))('vector $id is byte-exact', async (vector) => {
    const req = await request('cancel', vector.input as AnyInput);
    expect(req).toEqual({
      method: vector.expected.method,
      url: vector.expected.url,
      headers: vector.expected.headers,
      body: vector.expected.body,
    });
    expect(signs(req, vector.expected.signedString!, vector.input.credentials.apiKey)).toBe(true);
  });

  it('signs DELETE + path + epoch (no host, no body) and sends compact JSON', async () => {
    const req = await request('cancel', input({ orderId: ORDER_ID, symbol: 'BTC/INR', exchange: 'coinswitchx' }, { nowMs: 1_700_000_000_123 }));
    expect(req.method).toBe('DELETE');
    expect(req.url).toBe('https://coinswitch.co/trade/api/v2/order');
    expect(req.body).toBe(`{"order_id":"${ORDER_ID}"}`);
    expect(Object.keys(req.headers)).toEqual(['Content-Type', 'X-AUTH-APIKEY', 'X-AUTH-SIGNATURE', 'X-AUTH-EPOCH']);
    expect(req.headers['X-AUTH-EPOCH']).toBe('1700000000123');
    expect(req.headers['X-AUTH-SIGNATURE']).toMatch(/^[0-9a-f]{128}$/);
    expect(signs(req, 'DELETE/trade/api/v2/order1700000000123')).toBe(true);
    // The retired scheme signed the body; ours must not.
    expect(signs(req, `DELETE/trade/api/v2/order{"order_id":"${ORDER_ID}"}`)).toBe(false);
  });

  it('is deterministic and sends the API key lower-case', async () => {
    const a = await request('cancel', input({ orderId: ORDER_ID }, { credentials: { ...CREDS, apiKey: CREDS.apiKey.toUpperCase() } }));
    const b = await request('cancel', input({ orderId: ORDER_ID }));
    expect(a).toEqual(b);
    expect(a.headers['X-AUTH-APIKEY']).toBe(CREDS.apiKey);
  });

  it.each([
    ['missing orderId', {}, 'QC_MISSING_FIELD'],
    ['empty orderId', { orderId: '' }, 'QC_MISSING_FIELD'],
    ['too short', { orderId: '698ed40' }, 'QC_BAD_ORDER_ID'],
    ['not hex', { orderId: 'order-one-two' }, 'QC_BAD_ORDER_ID'],
    ['too long', { orderId: 'a'.repeat(65) }, 'QC_BAD_ORDER_ID'],
    ['a number', { orderId: 12345678 }, 'QC_BAD_ORDER_ID'],
    ['with a slash', { orderId: `${ORDER_ID}/x` }, 'QC_BAD_ORDER_ID'],
  ])('refuses %s as rejected/%s', async (_name, order, code) => {
    const built = await coinswitch.cancel.build(input(order));
    expect(built).toEqual({ refused: { kind: 'rejected', code, message: expect.any(String) } });
  });

  it('refuses a clock it cannot sign with', async () => {
    const built = await coinswitch.cancel.build(input({ orderId: ORDER_ID }, { nowMs: Number.NaN }));
    expect(built).toMatchObject({ refused: { kind: 'rejected', code: 'QC_BAD_CLOCK' } });
  });
});

describe('query-string rule for signed GETs', () => {
  it.each([
    ['BTC/INR', 'BTC/INR'],
    ['coinswitchx', 'coinswitchx'],
    ['a-b.c_d~e,f/g:h', 'a-b.c_d~e,f/g:h'],
    ['BTC INR', 'BTC%20INR'],
    ['A+B', 'A%2BB'],
    ['a&b=c', 'a%26b%3Dc'],
    ['100%', '100%25'],
    ["!*'()", '%21%2A%27%28%29'],
    ['x?y#z', 'x%3Fy%23z'],
  ])('%j goes into the URL as %j', (value, encoded) => {
    expect(encodeQueryValue(value)).toBe(encoded);
  });

  it('lookup by orderId: GET /order?order_id=…, signed with the query, no body', async () => {
    const req = await request('lookup', input({ orderId: ORDER_ID }));
    expect(req).toMatchObject({ method: 'GET', url: `https://coinswitch.co/trade/api/v2/order?order_id=${ORDER_ID}`, body: null });
    expect(Object.keys(req.headers)).toEqual(['Content-Type', 'X-AUTH-APIKEY', 'X-AUTH-SIGNATURE', 'X-AUTH-EPOCH']);
    expect(signs(req, `GET/trade/api/v2/order?order_id=${ORDER_ID}${NOW}`)).toBe(true);
  });

  it('lookup by clientOrderId when there is no orderId; orderId wins when both are given', async () => {
    const byClient = await request('lookup', input({ clientOrderId: 'my order#1' }));
    expect(byClient.url).toBe('https://coinswitch.co/trade/api/v2/order?client_order_id=my%20order%231');
    expect(signs(byClient, `GET/trade/api/v2/order?client_order_id=my order#1${NOW}`)).toBe(true);
    const both = await request('lookup', input({ orderId: ORDER_ID, clientOrderId: 'x' }));
    expect(both.url).toBe(`https://coinswitch.co/trade/api/v2/order?order_id=${ORDER_ID}`);
  });

  it('open orders: open=true first, then exchanges, then symbols; BTC/INR stays raw', async () => {
    const plain = await request('openOrders', input({}));
    expect(plain.url).toBe('https://coinswitch.co/trade/api/v2/orders?open=true');
    expect(signs(plain, `GET/trade/api/v2/orders?open=true${NOW}`)).toBe(true);
    const filtered = await request('openOrders', input({ symbol: 'BTC/INR', exchange: 'coinswitchx' }));
    expect(filtered.url).toBe('https://coinswitch.co/trade/api/v2/orders?open=true&exchanges=coinswitchx&symbols=BTC/INR');
    expect(signs(filtered, `GET/trade/api/v2/orders?open=true&exchanges=coinswitchx&symbols=BTC/INR${NOW}`)).toBe(true);
    expect(filtered.body).toBeNull();
  });

  it('a page after the first asks for orders created at or before the time the page before ended at (to_time), signed as sent', async () => {
    const req = await request('openOrders', input({ symbol: 'BTC/INR', page: '1719905777000' }));
    expect(req.url).toBe('https://coinswitch.co/trade/api/v2/orders?open=true&symbols=BTC/INR&to_time=1719905777000');
    expect(signs(req, `GET/trade/api/v2/orders?open=true&symbols=BTC/INR&to_time=1719905777000${NOW}`)).toBe(true);
    expect(await coinswitch.openOrders.build(input({ page: '17199e5' }))).toEqual({ refused: { kind: 'rejected', code: 'QC_BAD_FIELD', message: expect.any(String) } });
  });

  it('a space is percent-encoded in the URL while the signed string keeps it decoded', async () => {
    const req = await request('openOrders', input({ symbol: 'BTC INR' }));
    expect(req.url).toBe('https://coinswitch.co/trade/api/v2/orders?open=true&symbols=BTC%20INR');
    expect(signs(req, `GET/trade/api/v2/orders?open=true&symbols=BTC INR${NOW}`)).toBe(true);
    expect(signs(req, `GET/trade/api/v2/orders?open=true&symbols=BTC%20INR${NOW}`)).toBe(false);
  });

  it('for any printable filter, the signature covers exactly the URL-decoded path and query', async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(printable, printable, async (exchange, symbol) => {
        const req = await request('openOrders', input({ exchange, symbol }));
        const value = '(?:[A-Za-z0-9\\-._~,/:]|%[0-9A-F]{2})+';
        expect(req.url).toMatch(new RegExp(`^https://coinswitch\\.co/trade/api/v2/orders\\?open=true&exchanges=${value}&symbols=${value}$`));
        expect(signs(req, venueMessage(req))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['lookup', {}, 'QC_MISSING_FIELD'],
    ['lookup', { orderId: 'nope' }, 'QC_BAD_ORDER_ID'],
    ['lookup', { clientOrderId: 'line\nbreak' }, 'QC_BAD_FIELD'],
    ['lookup', { clientOrderId: 'é' }, 'QC_BAD_FIELD'],
    ['openOrders', { symbol: 'BTC/€' }, 'QC_BAD_FIELD'],
    ['openOrders', { exchange: 'x'.repeat(33) }, 'QC_BAD_FIELD'],
    ['openOrders', { symbol: 42 }, 'QC_BAD_FIELD'],
  ] as const)('%s refuses %j as rejected/%s', async (op, order, code) => {
    const built = await coinswitch[op].build(input(order));
    expect(built).toEqual({ refused: { kind: 'rejected', code, message: expect.any(String) } });
  });
});

describe('cancel parse: spec section 6, top to bottom', () => {
  const rows: Array<[string, HttpResponse, Partial<CancelOutcome> & { kind: CancelOutcome['kind'] }]> = [
    ['timeout', res(0, '', {}, 'timeout'), { kind: 'unknown' }],
    ['network error', res(0, '', {}, 'network'), { kind: 'unknown' }],
    ['500 JSON', res(500, { message: 'Internal error' }), { kind: 'unknown' }],
    ['502 HTML', res(502, '<html><body>Bad gateway</body></html>'), { kind: 'unknown' }],
    ['503 claiming CANCELLED (5xx row comes first)', res(503, { data: { status: 'CANCELLED' } }), { kind: 'unknown' }],
    ['200 HTML', res(200, '<!doctype html><p>maintenance</p>'), { kind: 'unknown' }],
    ['200 empty', res(200, ''), { kind: 'unknown' }],
    ['200 truncated JSON', res(200, '{"data":{"status":"CANC'), { kind: 'unknown' }],
    ['429 with Retry-After', res(429, '', { 'retry-after': '2' }), { kind: 'rate-limited', retryAfterMs: 2000 }],
    ['429 without Retry-After', res(429, { message: 'Too many requests' }), { kind: 'rate-limited' }],
    ['401 epoch', res(401, { message: 'Request expired: X-AUTH-EPOCH is outside the allowed time window' }), { kind: 'auth-failed', clockSkew: true }],
    ['401 timestamp', res(401, { message: 'Invalid timestamp' }), { kind: 'auth-failed', clockSkew: true }],
    ['401 Invalid Access', res(401, { message: 'Invalid Access' }), { kind: 'auth-failed' }],
    ['401 "already" (401 row comes first)', res(401, { message: 'Key already revoked' }), { kind: 'auth-failed' }],
    ['401 HTML', res(401, '<html>401</html>'), { kind: 'auth-failed' }],
    ['200 CANCELLED', res(200, { data: { order_id: ORDER_ID, status: 'CANCELLED' } }), { kind: 'cancelled', venueStatus: 'CANCELLED' }],
    ['200 CANCELLATION_RAISED', res(200, { data: { order_id: ORDER_ID, status: 'CANCELLATION_RAISED' } }), { kind: 'pending', venueStatus: 'CANCELLATION_RAISED' }],
    ['200 EXECUTED', res(200, { data: { status: 'EXECUTED' } }), { kind: 'already-closed', venueStatus: 'EXECUTED' }],
    ['200 EXPIRED', res(200, { data: { status: 'EXPIRED' } }), { kind: 'already-closed', venueStatus: 'EXPIRED' }],
    ['200 DISCARDED', res(200, { data: { status: 'DISCARDED' } }), { kind: 'already-closed', venueStatus: 'DISCARDED' }],
    ['200 OPEN', res(200, { data: { status: 'OPEN' } }), { kind: 'pending', venueStatus: 'OPEN' }],
    ['200 PARTIALLY_EXECUTED', res(200, { data: { status: 'PARTIALLY_EXECUTED' } }), { kind: 'pending', venueStatus: 'PARTIALLY_EXECUTED' }],
    ['200 EXPIRATION_RAISED', res(200, { data: { status: 'EXPIRATION_RAISED' } }), { kind: 'pending', venueStatus: 'EXPIRATION_RAISED' }],
    ['200 JSON without data.status', res(200, { data: {} }), { kind: 'unknown' }],
    // Every 4xx refusal is checked with Get Order before anything is final (section 6, the seed's
    // "in all cases"): the words only say what the engine should expect.
    ['400 CANCELLATION_RAISED', res(400, { message: 'Order is in CANCELLATION_RAISED state' }), { kind: 'unknown', refusal: { reason: 'busy', code: 'HTTP_400' } }],
    ['400 EXPIRATION_RAISED', res(400, { message: 'Cannot cancel: EXPIRATION_RAISED' }), { kind: 'unknown', refusal: { reason: 'busy', code: 'HTTP_400' } }],
    ['400 processing', res(400, { message: 'Order is processing' }), { kind: 'unknown', refusal: { reason: 'busy' } }],
    ['409 in progress', res(409, { message: 'Cancellation in progress' }), { kind: 'unknown', refusal: { reason: 'busy', code: 'HTTP_409' } }],
    ['400 CANCELLATION_RAISED already (in-flight words come first)', res(400, { message: 'already CANCELLATION_RAISED' }), { kind: 'unknown', refusal: { reason: 'busy' } }],
    ['400 not found', res(400, { message: 'Order not found' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 already', res(400, { message: 'Order is already CANCELLED' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 executed', res(400, { message: 'Order executed' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 expired', res(400, { message: 'Order expired' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 filled', res(400, { message: 'order filled' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 canceled', res(400, { message: 'order canceled' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['404 closed', res(404, { message: 'Order closed' }), { kind: 'unknown', refusal: { reason: 'gone', code: 'HTTP_404' } }],
    ['422', res(422, { message: 'Invalid order_id' }), { kind: 'unknown', refusal: { reason: 'refused', code: 'HTTP_422' } }],
    ['400 other', res(400, { message: 'Bad request' }), { kind: 'unknown', refusal: { reason: 'refused', code: 'HTTP_400' } }],
    ['403 other', res(403, { message: 'Forbidden' }), { kind: 'unknown', refusal: { reason: 'refused', code: 'HTTP_403' } }],
    ['404 HTML', res(404, '<html>Not Found</html>'), { kind: 'unknown', refusal: { reason: 'refused', code: 'HTTP_404' } }],
    ['302 redirect', res(302, '', { location: 'https://elsewhere.example/' }), { kind: 'unknown' }],
  ];

  it.each(rows)('%s', (_name, response, expected) => {
    const outcome = coinswitch.cancel.parse(response, input({ orderId: ORDER_ID }));
    expect(outcome).toMatchObject(expected);
    if (expected.kind === 'auth-failed' && !('clockSkew' in expected)) expect(outcome).not.toHaveProperty('clockSkew');
    if (expected.kind === 'rate-limited' && !('retryAfterMs' in expected)) expect(outcome).not.toHaveProperty('retryAfterMs');
    expect('message' in outcome && outcome.message).toBeTruthy();
  });

  it('auth messages tell the trader what to do', () => {
    const bad = coinswitch.cancel.parse(res(401, { message: 'Invalid Access' }), input({ orderId: ORDER_ID }));
    expect(bad).toMatchObject({ kind: 'auth-failed', message: expect.stringMatching(/CoinSwitch PRO.*Settings/) });
  });
});

describe('lookup and open-orders parse', () => {
  const wire = {
    order_id: ORDER_ID,
    client_order_id: 'mine-1',
    symbol: 'BTC/INR',
    price: 2000000,
    average_price: 0,
    orig_qty: 0.3,
    executed_qty: 0.1,
    status: 'PARTIALLY_EXECUTED',
    side: 'BUY',
    exchange: 'coinswitchx',
    order_source: 'API_TRADING',
    created_time: 1719905777000,
    updated_time: 1719905778000,
  };
  const lookup = (r: HttpResponse): OrdersResult => coinswitch.lookup.parse(r, input({ orderId: ORDER_ID }));
  const openOrders = (r: HttpResponse): OrdersResult => coinswitch.openOrders.parse(r, input({}));

  it('maps a Get Order answer to an OrderView', () => {
    expect(lookup(res(200, { data: wire }))).toEqual({
      orders: [
        {
          key: ORDER_ID,
          state: 'open',
          venueStatus: 'PARTIALLY_EXECUTED',
          symbol: 'BTC/INR',
          side: 'BUY',
          price: 2000000,
          quantity: 0.3,
          remaining: 0.2,
          createdAtMs: 1719905777000,
          cancelFields: { orderId: ORDER_ID, exchange: 'coinswitchx', symbol: 'BTC/INR', clientOrderId: 'mine-1' },
          // A page may show the client order id instead: it finds the order too.
          otherIds: ['mine-1'],
        },
      ],
    });
  });

  it('accepts numbers sent as strings and leaves out what the venue does not say', () => {
    const result = lookup(res(200, { data: { order_id: ORDER_ID, status: 'OPEN', price: '123.45', orig_qty: '2', executed_qty: '0.5' } }));
    expect(result).toEqual({
      orders: [{ key: ORDER_ID, state: 'open', venueStatus: 'OPEN', price: 123.45, quantity: 2, remaining: 1.5, cancelFields: { orderId: ORDER_ID } }],
    });
  });

  it.each([
    ['OPEN', 'open'],
    ['PARTIALLY_EXECUTED', 'open'],
    ['CANCELLATION_RAISED', 'in-flight'],
    ['EXPIRATION_RAISED', 'in-flight'],
    ['CANCELLED', 'closed'],
    ['EXECUTED', 'closed'],
    ['EXPIRED', 'closed'],
    ['DISCARDED', 'closed'],
  ])('status %s is %s', (status, state) => {
    expect(lookup(res(200, { data: { ...wire, status } }))).toMatchObject({ orders: [{ state, venueStatus: status }] });
  });

  it.each([
    ['400 Order not found', res(400, { message: 'Order not found' })],
    ['404', res(404, '')],
    ['empty data', res(200, { data: {} })],
    ['null data', res(200, { data: null })],
  ])('lookup: %s means not found (no orders)', (_name, response) => {
    expect(lookup(response)).toEqual({ orders: [] });
  });

  it.each([
    ['timeout', res(0, '', {}, 'timeout'), { kind: 'unknown' }],
    ['500', res(500, 'oops'), { kind: 'unknown' }],
    ['200 not JSON', res(200, 'oops'), { kind: 'unknown' }],
    ['200 data is a string', res(200, { data: 'weird' }), { kind: 'unknown' }],
    ['429', res(429, '', { 'retry-after': '1' }), { kind: 'rate-limited', retryAfterMs: 1000 }],
    ['401 epoch', res(401, { message: 'epoch expired' }), { kind: 'auth-failed', clockSkew: true }],
    ['401 Invalid Access', res(401, { message: 'Invalid Access' }), { kind: 'auth-failed' }],
    ['400 other', res(400, { message: 'order_id is required' }), { kind: 'rejected', code: 'HTTP_400' }],
  ])('lookup: %s', (_name, response, expected) => {
    expect(lookup(response)).toMatchObject(expected);
  });

  it('lists open orders, skipping entries without an order_id', () => {
    const second = { ...wire, order_id: 'a0a0a0a0-0000-4000-8000-000000000001', status: 'CANCELLATION_RAISED', side: 'sell' };
    const result = openOrders(res(200, { data: { orders: [wire, 'junk', { status: 'OPEN' }, second] } }));
    expect(result).toMatchObject({
      orders: [
        { key: ORDER_ID, state: 'open' },
        { key: second.order_id, state: 'in-flight', side: 'SELL', cancelFields: { orderId: second.order_id } },
      ],
    });
  });

  it('a full page (25, the default when no count is sent) says where the list goes on: at its oldest order\'s creation time', () => {
    const page = Array.from({ length: OPEN_ORDERS_PAGE }, (_, i) => ({ ...wire, order_id: `a0a0a0a0-0000-4000-8000-${String(i).padStart(12, '0')}`, created_time: 1719905777000 - i * 1000 }));
    const full = openOrders(res(200, { data: { orders: page } }));
    expect(full).toMatchObject({ next: String(1719905777000 - 24_000) });
    expect(isOrders(full) && full.orders).toHaveLength(OPEN_ORDERS_PAGE);
    expect(openOrders(res(200, { data: { orders: page.slice(1) } }))).not.toHaveProperty('next');
    // A full page without creation times cannot be followed: it says there are more.
    const undated = page.map(({ created_time: _, ...o }) => o);
    expect(openOrders(res(200, { data: { orders: undated } }))).toMatchObject({ more: true });
    expect(openOrders(res(200, { data: { orders: undated } }))).not.toHaveProperty('next');
  });

  it.each([
    ['no orders', res(200, { data: { orders: [] } }), { orders: [] }],
    ['a bare list', res(200, { data: [wire] }), { orders: [{ key: ORDER_ID }] }],
    ['data without orders', res(200, { data: {} }), { kind: 'unknown' }],
    ['HTML', res(200, '<html></html>'), { kind: 'unknown' }],
    ['504', res(504, ''), { kind: 'unknown' }],
    ['401', res(401, { message: 'Invalid Access' }), { kind: 'auth-failed' }],
    ['400', res(400, { message: 'Invalid symbol' }), { kind: 'rejected', code: 'HTTP_400', message: 'Invalid symbol' }],
  ])('open orders: %s', (_name, response, expected) => {
    expect(openOrders(response)).toMatchObject(expected);
  });
});

describe('parsers never throw', () => {
  const statuses = ['OPEN', 'PARTIALLY_EXECUTED', 'CANCELLATION_RAISED', 'EXPIRATION_RAISED', 'CANCELLED', 'EXECUTED', 'EXPIRED', 'DISCARDED'];
  const wireOrder = fc.record(
    {
      order_id: fc.oneof(fc.uuid(), fc.string(), fc.integer(), fc.constant(null)),
      status: fc.oneof(fc.constantFrom(...statuses), fc.string(), fc.anything()),
      symbol: fc.oneof(fc.constant('BTC/INR'), fc.anything()),
      side: fc.oneof(fc.constantFrom('BUY', 'SELL'), fc.anything()),
      price: fc.oneof(fc.double(), fc.string(), fc.constant(1e400)),
      orig_qty: fc.oneof(fc.double(), fc.string(), fc.integer()),
      executed_qty: fc.oneof(fc.double(), fc.string(), fc.integer()),
      exchange: fc.anything(),
      created_time: fc.oneof(fc.integer(), fc.double(), fc.string()),
    },
    { requiredKeys: [] },
  );
  const envelope = fc.oneof(
    fc.record({ data: fc.oneof(wireOrder, fc.anything()) }, { requiredKeys: [] }),
    fc.record({ data: fc.record({ orders: fc.oneof(fc.array(fc.oneof(wireOrder, fc.anything())), fc.anything()) }) }),
    fc.record({ message: fc.oneof(fc.constantFrom('Invalid Access', 'epoch expired', 'Order not found', 'CANCELLATION_RAISED'), fc.anything()) }),
    fc.anything(),
  );
  const body = fc.oneof(
    fc.string(),
    fc.constant(''),
    fc.constant('<html><head><title>502</title></head><body>Bad Gateway</body></html>'),
    envelope.map((v) => JSON.stringify(v) ?? 'undefined'),
    envelope.chain((v) => {
      const text = JSON.stringify(v) ?? '';
      return fc.nat(text.length).map((n) => text.slice(0, n));
    }),
    fc.json(),
  );
  const response = fc.record({
    status: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 599 }), fc.constantFrom(200, 400, 401, 404, 422, 429, 500)),
    headers: fc.oneof(fc.constant({}), fc.record({ 'retry-after': fc.oneof(fc.string({ maxLength: 8 }), fc.nat(3600).map(String)) }), fc.record({ date: fc.string() })),
    body,
    transportError: fc.option(fc.constantFrom('timeout' as const, 'network' as const, 'aborted' as const), { nil: undefined }),
  });

  const wellFormedOutcome = (o: CancelOutcome) => {
    expect(['cancelled', 'pending', 'already-closed', 'rejected', 'auth-failed', 'rate-limited', 'unknown']).toContain(o.kind);
    if (o.kind === 'rejected') expect(o.code).toMatch(/^(HTTP_\d{3}|QC_[A-Z_]+)$/);
    if (['rejected', 'auth-failed', 'rate-limited', 'unknown'].includes(o.kind)) {
      expect(typeof (o as { message: string }).message).toBe('string');
      expect((o as { message: string }).message.length).toBeGreaterThan(0);
    }
    if (o.kind === 'rate-limited' && o.retryAfterMs !== undefined) expect(o.retryAfterMs).toBeGreaterThanOrEqual(0);
  };
  const wellFormedOrders = (r: OrdersResult) => {
    if (!('orders' in r)) return wellFormedOutcome(r);
    expect(Array.isArray(r.orders)).toBe(true);
    for (const v of r.orders) {
      expect(v.key).toMatch(/./);
      expect(['open', 'in-flight', 'closed']).toContain(v.state);
      expect(v.venueStatus).toMatch(/./);
      expect(v.cancelFields.orderId).toBe(v.key);
      for (const n of [v.price, v.quantity, v.remaining, v.createdAtMs]) if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
    }
  };

  it('cancel, lookup and open-orders parse return well-formed results for any response', () => {
    fc.assert(
      fc.property(response, (r) => {
        const res = r as HttpResponse;
        wellFormedOutcome(coinswitch.cancel.parse(res, input({ orderId: ORDER_ID })));
        wellFormedOrders(coinswitch.lookup.parse(res, input({ orderId: ORDER_ID })));
        wellFormedOrders(coinswitch.openOrders.parse(res, input({})));
        const t = coinswitch.serverTime!.parse(res);
        if (t !== undefined) expect(Number.isFinite(t)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
