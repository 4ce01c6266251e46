// @vitest-environment node
// ZebPay Futures adapter, as specified in shared/venues/zebpay-futures.md.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectorFile from '../../fixtures/venues/vectors.json';
import { zebpayFutures } from '../../../lib/venues/zebpay-futures/adapter';
import type { Built, CancelOutcome, HttpRequest, HttpResponse, OrdersResult } from '../../../lib/venues/types';

const NOW = 1_712_345_678_901;
const API = { authKind: 'apiKey', apiKey: 'zbp-test-api-key-0001', secretKey: 'zbp-test-secret-key-0123456789abcdef' } as const;
const UNICODE_SECRET = { authKind: 'apiKey', apiKey: 'zbp-key-2', secretKey: 'сек-ret-🔑' } as const;
const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwtWith = (payload: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.c2lnbmF0dXJl`;
const JWT_TOKEN = jwtWith({ sub: 'trader', exp: Math.floor(NOW / 1000) + 3600 });
const JWT = { authKind: 'jwt', jwt: JWT_TOKEN } as const;

// An independent HMAC (node:crypto), so a bug in lib/crypto cannot confirm itself.
const hmac = (secret: string, message: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest('hex');

function requestOf(built: Built): HttpRequest {
  if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
  return built.request;
}
function refusalOf(built: Built): CancelOutcome {
  if (!('refused' in built)) throw new Error(`built a request: ${JSON.stringify(built.request)}`);
  return built.refused;
}
const res = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const env = (data: unknown, statusCode = 200, statusDescription = 'Success') => ({ statusDescription, data, statusCode, customMessage: [statusDescription] });
const cancelInput = { order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: NOW };

describe('identity and engine hints', () => {
  it('declares the venue, its origins and how the engine drives it', () => {
    expect(zebpayFutures.id).toBe('zebpay-futures');
    expect(zebpayFutures.name).toBe('ZebPay Futures');
    expect(zebpayFutures.pageMatches).toEqual(['https://zebpay.com/*']);
    expect(zebpayFutures.apiOrigins).toEqual(['https://futuresbe.zebpay.com/*']);
    expect(zebpayFutures.idField).toBe('clientOrderId');
    expect(zebpayFutures.resolveWith).toBe('lookup');
    expect(zebpayFutures.rateLimit).toEqual({ burst: 2, perSecond: 2 });
    expect(zebpayFutures.cancelAll).toBeDefined();
    expect(zebpayFutures.idHint).toMatch(/client order id/);
  });

  it.each(['myLimitOrder456', '598d3bda315afed6f07f-370-zeb', 'x'.repeat(128)])('idPattern accepts %s', (id) => {
    expect(zebpayFutures.idPattern.test(id)).toBe(true);
  });
  it.each(['', 'my order', 'x'.repeat(129), 'ордер1', 'id\n'])('idPattern rejects %j', (id) => {
    expect(zebpayFutures.idPattern.test(id)).toBe(false);
  });
});

describe('public vectors', () => {
  const mine = vectorFile.vectors.filter((v) => v.venue === 'zebpay-futures');
  it('has Z1', () => expect(mine.map((v) => v.id)).toContain('Z1'));
  it.each(mine.map((v) => [v.id, v] as const))('%s is byte-exact', async (_id, vector) => {
    expect(vector.operation).toBe('cancel');
    const request = requestOf(await zebpayFutures.cancel.build(vector.input as never));
    expect(request.method).toBe(vector.expected.method);
    expect(request.url).toBe(vector.expected.url);
    expect(request.body).toBe(vector.expected.body);
    expect(request.headers).toEqual(vector.expected.headers);
    expect(hmac(vector.input.credentials.secretKey as string, vector.expected.signedString!)).toBe(vector.expected.headers['x-auth-signature']);
  });
});

describe('cancel build', () => {
  it('API key: signs and sends the compact body with a numeric timestamp last (Z1 shape)', async () => {
    const request = requestOf(await zebpayFutures.cancel.build({ order: { clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT' }, credentials: API, nowMs: NOW }));
    const body = '{"clientOrderId":"myLimitOrder456","symbol":"BTCUSDT","timestamp":1712345678901}';
    expect(request).toEqual({
      method: 'DELETE',
      url: 'https://futuresbe.zebpay.com/api/v1/trade/order',
      headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': hmac(API.secretKey, body), 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
    });
    expect(request.headers['x-auth-signature']).toBe('cd8bccd643dc12f17f44ac4198673b306d2cfe0dd9009577750e883987385910');
  });

  it('API key without symbol leaves the symbol out', async () => {
    const request = requestOf(await zebpayFutures.cancel.build(cancelInput));
    expect(request.body).toBe('{"clientOrderId":"myLimitOrder456","timestamp":1712345678901}');
    expect(request.headers['x-auth-signature']).toBe(hmac(API.secretKey, request.body!));
  });

  it('upper-cases the symbol before signing', async () => {
    const request = requestOf(await zebpayFutures.cancel.build({ order: { clientOrderId: 'a1', symbol: 'btcInr' }, credentials: API, nowMs: NOW }));
    expect(request.body).toBe('{"clientOrderId":"a1","symbol":"BTCINR","timestamp":1712345678901}');
    expect(request.headers['x-auth-signature']).toBe(hmac(API.secretKey, request.body!));
  });

  it('treats an empty or null symbol as absent', async () => {
    for (const symbol of ['', null]) {
      const request = requestOf(await zebpayFutures.cancel.build({ order: { clientOrderId: 'a1', symbol } as never, credentials: API, nowMs: NOW }));
      expect(request.body).toBe('{"clientOrderId":"a1","timestamp":1712345678901}');
    }
  });

  it('uses the secret as UTF-8 bytes and escapes the id as JSON', async () => {
    const request = requestOf(await zebpayFutures.cancel.build({ order: { clientOrderId: 'q"\\é' }, credentials: UNICODE_SECRET, nowMs: NOW }));
    expect(request.body).toBe('{"clientOrderId":"q\\"\\\\é","timestamp":1712345678901}');
    expect(request.headers['x-auth-signature']).toBe(hmac(UNICODE_SECRET.secretKey, request.body!));
  });

  it('sends an integer timestamp even when the clock offset is fractional', async () => {
    const request = requestOf(await zebpayFutures.cancel.build({ ...cancelInput, nowMs: NOW + 0.75 }));
    expect(request.body).toBe('{"clientOrderId":"myLimitOrder456","timestamp":1712345678901}');
  });

  it('JWT: same URL, no timestamp, bearer header, no signature', async () => {
    const request = requestOf(await zebpayFutures.cancel.build({ order: { clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT' }, credentials: JWT, nowMs: NOW }));
    expect(request).toEqual({
      method: 'DELETE',
      url: 'https://futuresbe.zebpay.com/api/v1/trade/order',
      headers: { Authorization: `Bearer ${JWT_TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"clientOrderId":"myLimitOrder456","symbol":"BTCUSDT"}',
    });
  });
});

describe('lookup, open-orders, cancel-all and server-time builds', () => {
  it('lookup (API key): the signed query is the URL query, timestamp last', async () => {
    const request = requestOf(await zebpayFutures.lookup.build({ order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: NOW }));
    const qs = 'id=myLimitOrder456&timestamp=1712345678901';
    expect(request).toEqual({
      method: 'GET',
      url: `https://futuresbe.zebpay.com/api/v1/trade/order?${qs}`,
      headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': hmac(API.secretKey, qs), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: null,
    });
  });

  it('lookup percent-encodes the id with encodeURIComponent and signs the encoded form', async () => {
    const request = requestOf(await zebpayFutures.lookup.build({ order: { clientOrderId: 'a b/c&d=é' }, credentials: API, nowMs: NOW }));
    const qs = 'id=a%20b%2Fc%26d%3D%C3%A9&timestamp=1712345678901';
    expect(request.url).toBe(`https://futuresbe.zebpay.com/api/v1/trade/order?${qs}`);
    expect(request.headers['x-auth-signature']).toBe(hmac(API.secretKey, qs));
  });

  it('lookup (JWT): no timestamp, no signature', async () => {
    const request = requestOf(await zebpayFutures.lookup.build({ order: { clientOrderId: 'myLimitOrder456' }, credentials: JWT, nowMs: NOW }));
    expect(request.url).toBe('https://futuresbe.zebpay.com/api/v1/trade/order?id=myLimitOrder456');
    expect(request.headers).toEqual({ Authorization: `Bearer ${JWT_TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' });
    expect(request.body).toBeNull();
  });

  it('open-orders (API key): symbol upper-cased, then timestamp', async () => {
    const request = requestOf(await zebpayFutures.openOrders.build({ order: { symbol: 'btcusdt' }, credentials: API, nowMs: NOW }));
    const qs = 'symbol=BTCUSDT&timestamp=1712345678901';
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`https://futuresbe.zebpay.com/api/v1/trade/order/open-orders?${qs}`);
    expect(request.headers['x-auth-signature']).toBe(hmac(API.secretKey, qs));
    expect(request.headers['x-auth-apikey']).toBe(API.apiKey);
    expect(request.body).toBeNull();
  });

  it('open-orders, a page after the first: since (the nextTimestamp the page before gave) between symbol and timestamp, signed', async () => {
    const request = requestOf(await zebpayFutures.openOrders.build({ order: { symbol: 'BTCUSDT', page: '1712346300001' }, credentials: API, nowMs: NOW }));
    const qs = 'symbol=BTCUSDT&since=1712346300001&timestamp=1712345678901';
    expect(request.url).toBe(`https://futuresbe.zebpay.com/api/v1/trade/order/open-orders?${qs}`);
    expect(request.headers['x-auth-signature']).toBe(hmac(API.secretKey, qs));
    expect(await zebpayFutures.openOrders.build({ order: { symbol: 'BTCUSDT', page: 'soon' }, credentials: API, nowMs: NOW })).toMatchObject({ refused: { kind: 'rejected', code: 'QC_BAD_FIELD' } });
  });

  it('open-orders (JWT)', async () => {
    const request = requestOf(await zebpayFutures.openOrders.build({ order: { symbol: 'BTCINR' }, credentials: JWT, nowMs: NOW }));
    expect(request.url).toBe('https://futuresbe.zebpay.com/api/v1/trade/order/open-orders?symbol=BTCINR');
    expect(request.headers.Authorization).toBe(`Bearer ${JWT_TOKEN}`);
  });

  it('cancel-all (API key): signed {"timestamp":n} body, never empty', async () => {
    const request = requestOf(await zebpayFutures.cancelAll!.build({ order: {}, credentials: API, nowMs: NOW }));
    expect(request).toEqual({
      method: 'DELETE',
      url: 'https://futuresbe.zebpay.com/api/v1/trade/order/all',
      headers: { 'x-auth-apikey': API.apiKey, 'x-auth-signature': hmac(API.secretKey, '{"timestamp":1712345678901}'), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"timestamp":1712345678901}',
    });
  });

  it('cancel-all (JWT): no body', async () => {
    const request = requestOf(await zebpayFutures.cancelAll!.build({ order: {}, credentials: JWT, nowMs: NOW }));
    expect(request.url).toBe('https://futuresbe.zebpay.com/api/v1/trade/order/all');
    expect(request.body).toBeNull();
    expect(request.headers.Authorization).toBe(`Bearer ${JWT_TOKEN}`);
  });

  it('never puts a secret in a URL and never sends a Cookie', async () => {
    const requests = [
      requestOf(await zebpayFutures.cancel.build(cancelInput)),
      requestOf(await zebpayFutures.lookup.build({ ...cancelInput, order: { clientOrderId: 'x' } })),
      requestOf(await zebpayFutures.openOrders.build({ ...cancelInput, order: { symbol: 'BTCUSDT' } })),
      requestOf(await zebpayFutures.cancelAll!.build({ order: {}, credentials: JWT, nowMs: NOW })),
    ];
    for (const r of requests) {
      expect(r.url).not.toContain(API.secretKey);
      expect(r.url).not.toContain(API.apiKey);
      expect(r.url).not.toContain(JWT_TOKEN);
      expect(Object.keys(r.headers).map((h) => h.toLowerCase())).not.toContain('cookie');
    }
  });

  it('server time: unauthenticated GET, data.timestamp', () => {
    const st = zebpayFutures.serverTime!;
    expect(st.build()).toEqual({ method: 'GET', url: 'https://futuresbe.zebpay.com/api/v1/system/time', headers: { Accept: 'application/json' }, body: null });
    expect(st.parse(res(200, env({ timestamp: 1712345678901 })))).toBe(1712345678901);
    expect(st.parse(res(200, env({ timestamp: '1712345678901' })))).toBe(1712345678901);
    for (const bad of [res(200, env({})), res(200, 'nope'), res(503, env({ timestamp: 1 })), res(200, env({ timestamp: -5 })), res(0, '')]) {
      expect(st.parse(bad)).toBeUndefined();
    }
  });
});

describe('build-time refusals', () => {
  const ops = [
    ['cancel', (c: unknown) => zebpayFutures.cancel.build({ order: { clientOrderId: 'a1' }, credentials: c as never, nowMs: NOW })],
    ['lookup', (c: unknown) => zebpayFutures.lookup.build({ order: { clientOrderId: 'a1' }, credentials: c as never, nowMs: NOW })],
    ['open-orders', (c: unknown) => zebpayFutures.openOrders.build({ order: { symbol: 'BTCUSDT' }, credentials: c as never, nowMs: NOW })],
    ['cancel-all', (c: unknown) => zebpayFutures.cancelAll!.build({ order: {}, credentials: c as never, nowMs: NOW })],
  ] as const;
  const badCredentials: Array<[string, unknown]> = [
    ['no credentials', undefined],
    ['no authKind', { apiKey: 'k', secretKey: 's' }],
    ['unknown authKind', { authKind: 'oauth', apiKey: 'k', secretKey: 's' }],
    ['empty apiKey', { authKind: 'apiKey', apiKey: '', secretKey: 's' }],
    ['apiKey with a space', { authKind: 'apiKey', apiKey: 'ab cd', secretKey: 's' }],
    ['non-ASCII apiKey', { authKind: 'apiKey', apiKey: 'ключ', secretKey: 's' }],
    ['apiKey over 256 chars', { authKind: 'apiKey', apiKey: 'k'.repeat(257), secretKey: 's' }],
    ['empty secretKey', { authKind: 'apiKey', apiKey: 'k', secretKey: '' }],
    ['missing secretKey', { authKind: 'apiKey', apiKey: 'k' }],
    ['JWT with two parts', { authKind: 'jwt', jwt: 'abc.def' }],
    ['JWT with non-base64url characters', { authKind: 'jwt', jwt: 'a b.c.d' }],
    ['missing jwt', { authKind: 'jwt' }],
    ['JWT expired (exp in seconds)', { authKind: 'jwt', jwt: jwtWith({ exp: Math.floor(NOW / 1000) - 61 }) }],
    ['JWT expired (exp in ms)', { authKind: 'jwt', jwt: jwtWith({ exp: NOW - 60_000 }) }],
  ];
  const cases = ops.flatMap(([op, run]) => badCredentials.map(([what, c]) => [op, what, run, c] as const));

  it.each(cases)('%s refuses %s with auth-failed', async (_op, _what, run, credentials) => {
    const refused = refusalOf(await run(credentials));
    expect(refused.kind).toBe('auth-failed');
    expect((refused as { message: string }).message).toMatch(/ZebPay Futures.*Settings/);
    expect((refused as { message: string }).message).not.toContain('secret-value');
  });

  it('never repeats the secret in a refusal', async () => {
    const refused = refusalOf(await zebpayFutures.cancel.build({ ...cancelInput, credentials: { authKind: 'apiKey', apiKey: 'has space', secretKey: 'secret-value' } as never }));
    expect(JSON.stringify(refused)).not.toContain('secret-value');
  });

  it('accepts a JWT within the 60 s slack and one without exp', async () => {
    for (const jwt of [jwtWith({ exp: Math.floor(NOW / 1000) - 59 }), jwtWith({ sub: 'x' })]) {
      expect('request' in (await zebpayFutures.cancel.build({ ...cancelInput, credentials: { authKind: 'jwt', jwt } }))).toBe(true);
    }
  });

  const orderCases: Array<[string, unknown, string]> = [
    ['missing clientOrderId', {}, 'QC_MISSING_FIELD'],
    ['empty clientOrderId', { clientOrderId: '' }, 'QC_MISSING_FIELD'],
    ['clientOrderId of 129 chars', { clientOrderId: 'x'.repeat(129) }, 'QC_MISSING_FIELD'],
    ['numeric clientOrderId', { clientOrderId: 42 }, 'QC_MISSING_FIELD'],
    ['no order at all', undefined, 'QC_MISSING_FIELD'],
    ['clientOrderId with a lone surrogate', { clientOrderId: 'ab\uD800' }, 'QC_BAD_ORDER_ID'],
    ['symbol with a dash', { clientOrderId: 'a1', symbol: 'BTC-USDT' }, 'QC_BAD_SYMBOL'],
    ['symbol of one char', { clientOrderId: 'a1', symbol: 'B' }, 'QC_BAD_SYMBOL'],
    ['symbol of 33 chars', { clientOrderId: 'a1', symbol: 'B'.repeat(33) }, 'QC_BAD_SYMBOL'],
    ['numeric symbol', { clientOrderId: 'a1', symbol: 7 }, 'QC_BAD_SYMBOL'],
  ];
  it.each(orderCases)('cancel refuses %s', async (_what, order, code) => {
    const refused = refusalOf(await zebpayFutures.cancel.build({ order: order as never, credentials: API, nowMs: NOW }));
    expect(refused).toMatchObject({ kind: 'rejected', code });
  });

  it('cancel accepts a 128-char id and a 32-char symbol', async () => {
    const built = await zebpayFutures.cancel.build({ order: { clientOrderId: 'x'.repeat(128), symbol: 'B'.repeat(32) }, credentials: API, nowMs: NOW });
    expect('request' in built).toBe(true);
  });

  it.each([
    ['lookup without id', () => zebpayFutures.lookup.build({ order: {}, credentials: API, nowMs: NOW }), 'QC_MISSING_FIELD'],
    ['lookup with a 129-char id', () => zebpayFutures.lookup.build({ order: { clientOrderId: 'x'.repeat(129) }, credentials: API, nowMs: NOW }), 'QC_MISSING_FIELD'],
    ['lookup with a lone surrogate', () => zebpayFutures.lookup.build({ order: { clientOrderId: '\uDC00' }, credentials: API, nowMs: NOW }), 'QC_BAD_ORDER_ID'],
    ['open-orders without symbol', () => zebpayFutures.openOrders.build({ order: {}, credentials: API, nowMs: NOW }), 'QC_MISSING_FIELD'],
    ['open-orders with an empty symbol', () => zebpayFutures.openOrders.build({ order: { symbol: '' }, credentials: JWT, nowMs: NOW }), 'QC_MISSING_FIELD'],
    ['open-orders with a bad symbol', () => zebpayFutures.openOrders.build({ order: { symbol: 'BTC/USDT' }, credentials: API, nowMs: NOW }), 'QC_BAD_SYMBOL'],
  ] as const)('%s', async (_what, run, code) => {
    expect(refusalOf(await run())).toMatchObject({ kind: 'rejected', code });
  });
});

describe('cancel parse (section 6, first match wins)', () => {
  const rows: Array<[string, HttpResponse, Partial<CancelOutcome> & { kind: CancelOutcome['kind'] }]> = [
    ['200 info.success false → rejected', res(200, env({ status: 'open', info: { success: false, status: 'NEW' } }, 200, 'Order could not be canceled')), { kind: 'rejected', code: 'ZEBPAY_CANCEL_FAILED', message: 'Order could not be canceled' }],
    ['200 info.success false wins over status canceled', res(200, env({ status: 'canceled', info: { success: false } }, 200, 'Cancel failed')), { kind: 'rejected', code: 'ZEBPAY_CANCEL_FAILED' }],
    ['200 documented success → cancelled', res(200, env({ clientOrderId: 'myLimitOrder456', status: 'canceled', symbol: 'BTCUSDT', info: { clientOrderId: 'myLimitOrder456', orderId: '987654321', status: 'CANCELED', success: true } })), { kind: 'cancelled', venueStatus: 'canceled' }],
    ['200 only data.status canceled', res(200, env({ status: 'canceled' })), { kind: 'cancelled' }],
    ['200 only info.status CANCELED', res(200, env({ status: 'weird', info: { status: 'CANCELED' } })), { kind: 'cancelled' }],
    ['200 other status → pending', res(200, env({ status: 'open', info: { success: true } })), { kind: 'pending', venueStatus: 'open' }],
    ['200 without data → pending', res(200, env(null)), { kind: 'pending' }],
    ['401 → auth-failed with clockSkew', res(401, env({}, 401, 'Invalid signature')), { kind: 'auth-failed', clockSkew: true }],
    ['401 with HTML → auth-failed with clockSkew', res(401, '<html>401</html>'), { kind: 'auth-failed', clockSkew: true }],
    ['403 → auth-failed without clockSkew', res(403, env({}, 403, 'You are not allowed API access from this ip')), { kind: 'auth-failed' }],
    ['400 statusCode 3013 → verified (never final from the words)', res(400, env({}, 3013, 'Something')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 statusCode "3013" → verified (never final from the words)', res(400, { statusDescription: 'x', data: {}, statusCode: '3013', customMessage: [] }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 "Order not found" → verified (never final from the words)', res(400, env({}, 400, 'Order not found')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 "does not exist" in customMessage → verified (never final from the words)', res(400, { statusDescription: 'Bad Request', data: {}, statusCode: 400, customMessage: ['Order does not exist'] }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 "already canceled" → verified (never final from the words)', res(400, env({}, 400, 'Order is already canceled')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['404 statusCode 3013 → verified (never final from the words)', res(404, env({}, 3013, 'x')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['404 "not found" → verified (never final from the words)', res(404, env({}, 404, 'Order Not Found')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['400 other → rejected with the body statusCode', res(400, env({}, 400, 'Invalid symbol parameter provided.')), { kind: 'rejected', code: '400', message: 'Invalid symbol parameter provided.' }],
    ['400 other without envelope → rejected HTTP_400', res(400, 'Bad Request'), { kind: 'rejected', code: 'HTTP_400' }],
    ['404 other → rejected HTTP_404', res(404, env({}, 404, 'Route missing')), { kind: 'rejected', code: 'HTTP_404' }],
    ['404 HTML "Not Found" page is not taken for a closed order', res(404, '<html><h1>Not Found</h1></html>'), { kind: 'rejected', code: 'HTTP_404' }],
    ['429 with Retry-After → rate-limited', res(429, '', { 'retry-after': '3' }), { kind: 'rate-limited', retryAfterMs: 3000 }],
    ['429 without Retry-After → rate-limited', res(429, env({}, 429, 'Too many requests')), { kind: 'rate-limited' }],
    ['500 → unknown', res(500, env({}, 500, 'Internal server error')), { kind: 'unknown' }],
    ['502 → unknown', res(502, '<html>bad gateway</html>'), { kind: 'unknown' }],
    ['503 → unknown', res(503, ''), { kind: 'unknown' }],
    ['504 → unknown', res(504, ''), { kind: 'unknown' }],
    ['timeout → unknown', { status: 0, headers: {}, body: '', transportError: 'timeout' }, { kind: 'unknown' }],
    ['network → unknown', { status: 0, headers: {}, body: '', transportError: 'network' }, { kind: 'unknown' }],
    ['non-JSON 200 → unknown', res(200, '<html>ok</html>'), { kind: 'unknown' }],
    ['truncated JSON 200 → unknown', res(200, '{"statusDescription":"Success","data":{"status":"canc'), { kind: 'unknown' }],
    ['empty 200 → unknown', res(200, ''), { kind: 'unknown' }],
    ['other 4xx → rejected with its status', res(409, env({}, 409, 'Conflict')), { kind: 'rejected', code: 'HTTP_409' }],
    // The document's examples call a cancel done only on a body statusCode of 200 or 201.
    ['200 with body statusCode 201 → still read by its data', res(200, env({ status: 'canceled' }, 201)), { kind: 'cancelled' }],
    ['200 with body statusCode "200" → still read by its data', res(200, { statusDescription: 'Success', data: { status: 'canceled' }, statusCode: '200', customMessage: ['OK'] }), { kind: 'cancelled' }],
    ['200 without a body statusCode → read by its data (as before)', res(200, { data: { status: 'canceled' } }), { kind: 'cancelled' }],
    ['200 with statusCode 400 and a canceled-looking data → rejected with its words', res(200, env({ status: 'canceled', info: { status: 'CANCELED' } }, 400, 'Order cannot be cancelled')), { kind: 'rejected', code: '400', message: 'Order cannot be cancelled' }],
    ['200 with statusCode 400 and empty data → rejected', res(200, env({}, 400, 'Order cannot be cancelled')), { kind: 'rejected', code: '400' }],
    ['200 with statusCode 3013 → verified (never final from the words) (as a 400)', res(200, env({}, 3013, 'Order not found')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['200 with statusCode 400 "already canceled" → verified (never final from the words)', res(200, env({}, 400, 'Order is already canceled')), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['200 with statusCode 401 → auth-failed with clockSkew', res(200, env({}, 401, 'Invalid signature')), { kind: 'auth-failed', clockSkew: true }],
    ['200 with statusCode 403 → auth-failed', res(200, env({}, 403, 'Forbidden')), { kind: 'auth-failed' }],
    ['200 with statusCode 429 → rate-limited', res(200, env({}, 429, 'Too many requests'), { 'retry-after': '2' }), { kind: 'rate-limited', retryAfterMs: 2000 }],
    ['200 with statusCode 500 and status canceled → unknown', res(200, env({ status: 'canceled' }, 500, 'Internal server error')), { kind: 'unknown' }],
    ['200 with statusCode 202 → unknown', res(200, env({ status: 'canceled' }, 202, 'Accepted')), { kind: 'unknown', message: expect.stringMatching(/statusCode 202 \("Accepted"\)/) }],
    ['200 with statusCode 0 → unknown', res(200, env({ status: 'canceled' }, 0, 'Failed')), { kind: 'unknown' }],
    ['200 with statusCode "ERROR" → unknown', res(200, { statusDescription: 'Failed', data: { status: 'canceled' }, statusCode: 'ERROR', customMessage: [] }), { kind: 'unknown' }],
    ['200 with statusCode as an object → unknown', res(200, { statusDescription: 'x', data: { status: 'canceled' }, statusCode: { v: 200 } }), { kind: 'unknown' }],
  ];

  it.each(rows)('%s', (_what, response, expected) => {
    const outcome = zebpayFutures.cancel.parse(response, cancelInput);
    expect(outcome).toMatchObject(expected);
    if (outcome.kind !== 'cancelled' && outcome.kind !== 'pending' && outcome.kind !== 'already-closed') expect(outcome.message.length).toBeGreaterThan(0);
  });

  it('403 is not a clock problem', () => {
    expect(zebpayFutures.cancel.parse(res(403, ''), cancelInput)).not.toHaveProperty('clockSkew');
  });

  it('401 says what to do, per credential kind', () => {
    const api = zebpayFutures.cancel.parse(res(401, ''), cancelInput) as { message: string };
    const jwt = zebpayFutures.cancel.parse(res(401, ''), { ...cancelInput, credentials: JWT } as never) as { message: string };
    expect(api.message).toMatch(/API key.*Settings/);
    expect(jwt.message).toMatch(/JWT.*Settings/);
    expect(api.message).not.toContain(API.secretKey);
    expect(jwt.message).not.toContain(JWT_TOKEN);
  });

  it('cancel-all: a list is cancelled, an empty list means nothing was open', () => {
    const input = { order: {}, credentials: API, nowMs: NOW };
    const all = zebpayFutures.cancelAll!;
    expect(all.parse(res(200, env([{ clientOrderId: 'a', status: 'canceled', symbol: 'BTCUSDT' }, { clientOrderId: 'b', status: 'canceled' }])), input)).toMatchObject({ kind: 'cancelled', message: expect.stringMatching(/2 open orders/) });
    expect(all.parse(res(200, env([])), input)).toMatchObject({ kind: 'already-closed' });
    expect(all.parse(res(200, env({ odd: true })), input)).toMatchObject({ kind: 'pending' });
    expect(all.parse(res(200, 'not json'), input)).toMatchObject({ kind: 'unknown' });
    expect(all.parse(res(401, ''), input)).toMatchObject({ kind: 'auth-failed', clockSkew: true });
    expect(all.parse(res(403, ''), input)).toMatchObject({ kind: 'auth-failed' });
    expect(all.parse(res(429, '', { 'retry-after': '1' }), input)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
    expect(all.parse(res(400, env({}, 400, 'Bad body')), input)).toMatchObject({ kind: 'rejected', code: '400' });
    expect(all.parse(res(502, ''), input)).toMatchObject({ kind: 'unknown' });
  });

  it('cancel-all: an HTTP 200 with a failing body statusCode is never cancelled', () => {
    const input = { order: {}, credentials: API, nowMs: NOW };
    const all = zebpayFutures.cancelAll!;
    const list = [{ clientOrderId: 'a', status: 'canceled' }];
    expect(all.parse(res(200, env(list, 201)), input)).toMatchObject({ kind: 'cancelled' });
    expect(all.parse(res(200, env(list, 400, 'Order cannot be cancelled')), input)).toMatchObject({ kind: 'rejected', code: '400', message: 'Order cannot be cancelled' });
    expect(all.parse(res(200, env([], 500, 'Internal server error')), input)).toMatchObject({ kind: 'unknown' });
    expect(all.parse(res(200, env(list, 299, 'Odd')), input)).toMatchObject({ kind: 'unknown' });
  });

  it('lookup and open orders: an HTTP 200 with a failing body statusCode is not an empty answer', () => {
    const input = { order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: NOW };
    expect(zebpayFutures.lookup.parse(res(200, env(null, 500, 'Internal server error')), input)).toMatchObject({ kind: 'unknown' });
    expect(zebpayFutures.lookup.parse(res(200, env(null, 3013, 'Order not found')), input)).toEqual({ orders: [] });
    expect(zebpayFutures.openOrders.parse(res(200, env({ items: [] }, 'E1' as never, 'Failed')), input)).toMatchObject({ kind: 'unknown' });
  });

  it('no statusCode turns a 2xx into a final success unless it is 200 or 201', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.string()), fc.integer({ min: 200, max: 299 }), (code, http) => {
        const outcome = zebpayFutures.cancel.parse(res(http, env({ status: 'canceled', info: { status: 'CANCELED', success: true } }, code as number)), cancelInput);
        const success = code === 200 || code === 201 || code === '200' || code === '201';
        if (!success) expect(['cancelled', 'pending']).not.toContain(outcome.kind);
      }),
    );
  });
});

describe('lookup and open-orders parse', () => {
  const apiOrder = {
    clientOrderId: 'myLimitOrder456', datetime: '2025-04-05T13:05:00.000Z', timestamp: 1712346300000, symbol: 'BTCUSDT',
    type: 'LIMIT', timeInForce: 'GTC', side: 'sell', price: 66000.0, amount: 0.1, filled: 0, remaining: 0.1, status: 'new',
  };
  const lookupInput = { order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: NOW };
  const lookup = (r: HttpResponse) => zebpayFutures.lookup.parse(r, lookupInput);
  const open = (r: HttpResponse) => zebpayFutures.openOrders.parse(r, { order: { symbol: 'BTCUSDT' }, credentials: API, nowMs: NOW });
  const only = (r: OrdersResult) => {
    if (!('orders' in r)) throw new Error(JSON.stringify(r));
    return r.orders;
  };

  it('open orders say where the list goes on: nextTimestamp is the next page; a totalCount beyond the page with no way on is "more"', () => {
    expect(open(res(200, env({ items: [apiOrder], totalCount: 3, nextTimestamp: 1712346300001 })))).toMatchObject({ next: '1712346300001' });
    const last = open(res(200, env({ items: [apiOrder], totalCount: 1, nextTimestamp: null })));
    expect(last).not.toHaveProperty('next');
    expect(last).not.toHaveProperty('more');
    expect(open(res(200, env({ items: [apiOrder], totalCount: 3, nextTimestamp: null })))).toMatchObject({ more: true });
  });

  it('maps an Order to an OrderView', () => {
    expect(only(lookup(res(200, env(apiOrder))))).toEqual([
      {
        key: 'myLimitOrder456', state: 'open', venueStatus: 'new', symbol: 'BTCUSDT', side: 'SELL', orderType: 'LIMIT', price: 66000, quantity: 0.1,
        remaining: 0.1, createdAtMs: 1712346300000, cancelFields: { clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT' },
      },
    ]);
  });

  it('reads numeric strings and leaves out what is missing', () => {
    const [view] = only(lookup(res(200, env({ clientOrderId: 'z', price: '101.5', amount: '2', remaining: '1', status: 'open' }))));
    expect(view).toEqual({ key: 'z', state: 'open', venueStatus: 'open', price: 101.5, quantity: 2, remaining: 1, cancelFields: { clientOrderId: 'z' } });
  });

  it('keeps a symbol the cancel would refuse out of cancelFields', () => {
    const [view] = only(lookup(res(200, env({ ...apiOrder, symbol: 'BTC/USDT:USDT' }))));
    expect(view!.symbol).toBe('BTC/USDT:USDT');
    expect(view!.cancelFields).toEqual({ clientOrderId: 'myLimitOrder456' });
  });

  it('falls back to the id it asked for when the order omits it', () => {
    expect(only(lookup(res(200, env({ status: 'new' }))))[0]!.key).toBe('myLimitOrder456');
  });

  it.each([
    ['new', undefined, 'open'], ['open', 0, 'open'], ['filled', 0, 'closed'], ['canceled', 0.1, 'closed'], ['CANCELED', 0.1, 'closed'],
    ['cancelled', undefined, 'closed'], ['expired', 1, 'closed'], ['rejected', 1, 'closed'], ['closed', 1, 'closed'],
    ['PARTIALLY_FILLED', 0.5, 'open'], ['mystery', 0.5, 'open'], ['mystery', 0, 'closed'], ['', undefined, 'open'],
  ] as const)('status %j with remaining %j → %s', (status, remaining, state) => {
    const [view] = only(lookup(res(200, env({ ...apiOrder, status, remaining }))));
    expect(view!.state).toBe(state);
  });

  it('reads the raw info.status when the unified one is missing', () => {
    const [view] = only(lookup(res(200, env({ clientOrderId: 'c', info: { status: 'CANCELED' } }))));
    expect(view).toMatchObject({ venueStatus: 'CANCELED', state: 'closed' });
  });

  it.each([
    ['400 3013', res(400, env({}, 3013, 'Order not found'))],
    ['404 not found', res(404, env({}, 404, 'order not found'))],
    ['200 with data null', res(200, env(null))],
  ])('lookup: %s → zero orders (not found)', (_what, response) => {
    expect(lookup(response)).toEqual({ orders: [] });
  });

  it.each([
    ['401', res(401, ''), { kind: 'auth-failed', clockSkew: true }],
    ['403', res(403, ''), { kind: 'auth-failed' }],
    ['429', res(429, '', { 'retry-after': '2' }), { kind: 'rate-limited', retryAfterMs: 2000 }],
    ['500', res(500, ''), { kind: 'unknown' }],
    ['timeout', { status: 0, headers: {}, body: '', transportError: 'timeout' as const }, { kind: 'unknown' }],
    ['non-JSON 200', res(200, '<html>'), { kind: 'unknown' }],
    ['400 other', res(400, env({}, 400, 'id is required')), { kind: 'rejected', code: '400' }],
    ['200 with a scalar data', res(200, env(42)), { kind: 'unknown' }],
  ])('lookup: %s', (_what, response, expected) => {
    expect(lookup(response)).toMatchObject(expected);
  });

  it('open-orders: items are open, terminal words still close, entries without an id are skipped', () => {
    const items = [apiOrder, { ...apiOrder, clientOrderId: 'b', status: 'mystery', remaining: 0 }, { ...apiOrder, clientOrderId: 'c', status: 'filled' }, { status: 'new' }, 'junk', null];
    const orders = only(open(res(200, env({ items, totalCount: 3, nextTimestamp: null }))));
    expect(orders.map((o) => [o.key, o.state])).toEqual([['myLimitOrder456', 'open'], ['b', 'open'], ['c', 'closed']]);
  });

  it('open-orders: data as a bare array, empty items and null data', () => {
    expect(only(open(res(200, env([apiOrder])))).map((o) => o.key)).toEqual(['myLimitOrder456']);
    expect(open(res(200, env({ items: [], totalCount: 0, nextTimestamp: null })))).toEqual({ orders: [] });
    expect(open(res(200, env(null)))).toEqual({ orders: [] });
  });

  it.each([
    ['401', res(401, ''), { kind: 'auth-failed', clockSkew: true }],
    ['400 symbol required', res(400, env({}, 400, 'symbol is required')), { kind: 'rejected', code: '400', message: 'symbol is required' }],
    ['503', res(503, ''), { kind: 'unknown' }],
    ['200 object without items', res(200, env({ odd: 1 })), { kind: 'unknown' }],
    ['truncated JSON', res(200, '{"data":{"items":['), { kind: 'unknown' }],
  ])('open-orders: %s', (_what, response, expected) => {
    expect(open(response)).toMatchObject(expected);
  });
});

describe('parsers never throw', () => {
  const KINDS = ['cancelled', 'pending', 'already-closed', 'rejected', 'auth-failed', 'rate-limited', 'unknown'];
  const wellFormedOutcome = (o: CancelOutcome) => {
    expect(KINDS).toContain(o.kind);
    if (o.kind === 'rejected') expect(o.code.length).toBeGreaterThan(0);
    if (['rejected', 'auth-failed', 'rate-limited', 'unknown'].includes(o.kind)) expect((o as { message: string }).message.trim().length).toBeGreaterThan(0);
    if (o.kind === 'rate-limited' && o.retryAfterMs !== undefined) expect(o.retryAfterMs).toBeGreaterThanOrEqual(0);
  };
  const wellFormedOrders = (r: OrdersResult) => {
    if (!('orders' in r)) return wellFormedOutcome(r);
    expect(Array.isArray(r.orders)).toBe(true);
    for (const o of r.orders) {
      expect(typeof o.key).toBe('string');
      expect(o.key.length).toBeGreaterThan(0);
      expect(['open', 'in-flight', 'closed']).toContain(o.state);
      expect(typeof o.venueStatus).toBe('string');
      expect(o.cancelFields.clientOrderId).toBe(o.key);
      for (const n of [o.price, o.quantity, o.remaining, o.createdAtMs]) if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
    }
  };

  const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e400), fc.bigInt().map(String));
  const order = fc.record(
    { clientOrderId: scalar, symbol: scalar, side: scalar, price: scalar, amount: scalar, remaining: scalar, timestamp: scalar, status: fc.oneof(fc.constantFrom('new', 'open', 'canceled', 'CANCELED', 'filled'), scalar), info: fc.oneof(fc.record({ status: scalar, success: fc.oneof(fc.boolean(), scalar) }, { requiredKeys: [] }), scalar) },
    { requiredKeys: [] },
  );
  const data = fc.oneof(scalar, order, fc.array(fc.oneof(order, scalar)), fc.record({ items: fc.oneof(fc.array(fc.oneof(order, scalar)), scalar), totalCount: scalar }, { requiredKeys: [] }), fc.anything());
  const envelopeBody = fc
    .record({ statusDescription: scalar, data, statusCode: fc.oneof(fc.constant(3013), fc.constant('3013'), scalar), customMessage: fc.oneof(fc.array(scalar), scalar) }, { requiredKeys: [] })
    .map((v) => JSON.stringify(v));
  const body = fc.oneof(
    fc.string(),
    fc.constant(''),
    fc.constantFrom('<html><body>502 Bad Gateway</body></html>', 'null', '[]', '42', '"x"', '{}'),
    envelopeBody,
    envelopeBody.chain((b) => fc.nat({ max: Math.max(0, b.length - 1) }).map((n) => b.slice(0, n))),
    fc.json(),
  );
  const response = fc.record({
    status: fc.oneof(fc.integer({ min: 0, max: 599 }), fc.constantFrom(0, 200, 400, 401, 403, 404, 429, 500, 503)),
    headers: fc.oneof(fc.constant({}), fc.record({ 'retry-after': fc.oneof(fc.string(), fc.nat().map(String), fc.constant('Wed, 21 Oct 2015 07:28:00 GMT')) })),
    body,
    transportError: fc.option(fc.constantFrom('timeout', 'network', 'aborted'), { nil: undefined }),
  }) as fc.Arbitrary<HttpResponse>;
  const credentials = fc.constantFrom<unknown>(API, JWT, undefined, null, { authKind: 7 });

  it('cancel, cancel-all, lookup, open-orders and server-time parse any response', () => {
    fc.assert(
      fc.property(response, credentials, (r, c) => {
        const input = { order: { clientOrderId: 'q1', symbol: 'BTCUSDT' }, credentials: c as never, nowMs: NOW };
        wellFormedOutcome(zebpayFutures.cancel.parse(r, input));
        wellFormedOutcome(zebpayFutures.cancelAll!.parse(r, { ...input, order: {} }));
        wellFormedOrders(zebpayFutures.lookup.parse(r, input));
        wellFormedOrders(zebpayFutures.openOrders.parse(r, input));
        const t = zebpayFutures.serverTime!.parse(r);
        if (t !== undefined) expect(Number.isFinite(t)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('400s that ZebPay\'s newer error page documents for auth', () => {
  const input = { order: { clientOrderId: 'myLimitOrder456' }, credentials: API, nowMs: NOW };
  it.each<[string, string, Partial<CancelOutcome>]>([
    ['a stale timestamp is a clock problem: resync and retry once', 'Invalid or expired timestamp', { kind: 'auth-failed', clockSkew: true }],
    ['a bad signature is a key problem', 'Invalid signature', { kind: 'auth-failed' }],
  ])('%s', (_, description, expected) => {
    const outcome = zebpayFutures.cancel.parse(res(400, env({}, 400, description)), input);
    expect(outcome).toMatchObject(expected);
    if (!('clockSkew' in expected)) expect(outcome).not.toHaveProperty('clockSkew');
  });
});
