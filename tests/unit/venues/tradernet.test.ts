// @vitest-environment node
// Tradernet / Freedom24 adapter, as specified in shared/venues/tradernet.md.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import vectorFile from '../../fixtures/venues/vectors.json';
import { hmacSha256Hex } from '../../../lib/crypto/hmac';
import { preSign, tradernet, tradernetCredentialsSchema, tradernetOrderSchema, type TradernetCredentials } from '../../../lib/venues/tradernet/adapter';
import { parseVenueDate } from '../../../lib/venues/tradernet/parse';
import type { Built, CancelOutcome, HttpRequest, HttpResponse, OrdersResult } from '../../../lib/venues/types';

const CREDS = { publicKey: 'TEST_PUBLIC_KEY', privateKey: 'TEST_SECRET_KEY', domain: 'tradernet.com', scheme: 'v2' } as const;
const V3 = { ...CREDS, scheme: 'v3' } as const;
const sig = (secret: string, text: string) => createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex');

const requestOf = (built: Built): HttpRequest => {
  if (!('request' in built)) throw new Error(`refused: ${JSON.stringify(built.refused)}`);
  return built.request;
};
const refusalOf = (built: Built): CancelOutcome => {
  if (!('refused' in built)) throw new Error('expected a refusal');
  return built.refused;
};
const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const input = (orderId?: unknown) => ({ order: orderId === undefined ? {} : { orderId }, credentials: CREDS, nowMs: 1_700_000_000_000 }) as never;

describe('identity', () => {
  it('is the tradernet venue with the README table’s origins', () => {
    expect(tradernet.id).toBe('tradernet');
    expect(tradernet.name).toBe('Tradernet / Freedom24');
    expect(tradernet.pageMatches).toEqual([
      'https://tradernet.com/*', 'https://freedom24.com/*', 'https://tradernet.global/*', 'https://tradernet.kz/*',
    ]);
    expect(tradernet.apiOrigins).toEqual(['https://tradernet.com/*']);
    expect(tradernet.idField).toBe('orderId');
    expect(tradernet.idHint).toBe('a whole number');
    expect(tradernet.resolveWith).toBe('openOrders');
    expect(tradernet.rateLimit).toEqual({ burst: 2, perSecond: 2 });
    expect(tradernet.serverTime).toBeUndefined();
    expect(tradernet.cancelAll).toBeUndefined();
  });

  it.each([['2929292929', true], ['1', true], ['', false], ['12a', false], ['-5', false], ['1.5', false], [' 12', false]])(
    'idPattern %j → %s',
    (id, ok) => expect(tradernet.idPattern.test(id)).toBe(ok),
  );

  it('schemas: digit strings become numbers; domain and scheme default to tradernet.com / v2', () => {
    expect(tradernetOrderSchema.parse({ orderId: '2929292929' })).toEqual({ orderId: 2929292929 });
    expect(tradernetOrderSchema.safeParse({ orderId: 2 ** 53 }).success).toBe(false);
    expect(tradernetCredentialsSchema.parse({ publicKey: 'k', privateKey: 's' })).toEqual({
      publicKey: 'k', privateKey: 's', domain: 'tradernet.com', scheme: 'v2',
    });
  });
});

describe('signing', () => {
  const tn = vectorFile.vectors.filter((v) => v.venue === 'tradernet');

  it.each(tn.map((v) => [v.id, v] as const))('%s is byte-exact', async (_id, vector) => {
    const request = requestOf(await tradernet.cancel.build(vector.input as never));
    expect(request.method).toBe(vector.expected.method);
    expect(request.url).toBe(vector.expected.url);
    expect(request.body).toBe(vector.expected.body);
    expect(request.headers).toEqual(vector.expected.headers);
    expect(sig((vector.input.credentials as { privateKey: string }).privateKey, vector.expected.signedString!)).toBe(vector.expected.headers['X-NtApi-Sig']);
  });

  it('A-TV1 pre-sign string is the vector’s signedString', () => {
    const a = tn.find((v) => v.id === 'A-TV1')!;
    expect(preSign({ apiKey: 'TEST_PUBLIC_KEY', cmd: 'delTradeOrder', nonce: '17000000000000', params: { order_id: 2929292929 } })).toBe(
      a.expected.signedString,
    );
  });

  it('TN-DOC: the docs’ pre-sign and HMAC example', async () => {
    const note = vectorFile.notes.find((n) => n.id === 'TN-DOC')!;
    expect(preSign(note.data)).toBe(note.preSign);
    expect(await hmacSha256Hex(note.secret, preSign(note.data))).toBe(note.signature);
  });

  it.each([
    ['sorts keys of every level', { b: 1, a: { d: 'x', c: 'y' } }, 'a=c=y&d=x&b=1'],
    ['sorts by UTF-16 code unit (upper case first)', { b: 1, B: 2, a: 3, é: 4, _: 5 }, 'B=2&_=5&a=3&b=1&é=4'],
    ['nests more than one level', { z: { y: { x: 1 } }, a: '' }, 'a=&z=y=x=1'],
    ['writes values raw, never URL-encoded', { q: 'a b&c=d/ü' }, 'q=a b&c=d/ü'],
    ['writes an empty object as key=', { p: {} }, 'p='],
  ])('pre-sign %s', (_what, data, expected) => expect(preSign(data)).toBe(expected));
});

describe('build', () => {
  const NOW = 1_700_000_000_123;
  const NONCE = '17000000001230000'; // NOW × 10000, above 2^53

  it.each([
    ['cancel', 'delTradeOrder', { orderId: 2929292929 }, 'params%5Border_id%5D=2929292929', 'params=order_id=2929292929'],
    ['lookup', 'getNotifyOrderJson', { orderId: 77 }, 'params%5Bactive_only%5D=0', 'params=active_only=0'],
    ['openOrders', 'getNotifyOrderJson', {}, 'params%5Bactive_only%5D=1', 'params=active_only=1'],
  ] as const)('v2 %s: form body in jQuery order, pre-sign over sorted values', async (op, cmd, order, params, signedParams) => {
    const request = requestOf(await tradernet[op].build({ order, credentials: CREDS, nowMs: NOW } as never));
    const signed = `apiKey=TEST_PUBLIC_KEY&cmd=${cmd}&nonce=${NONCE}&${signedParams}`;
    expect(request).toEqual({
      method: 'POST',
      url: `https://tradernet.com/api/v2/cmd/${cmd}`,
      // Nt-Jqp and X-Requested-With as the document's browser example sends them; unsigned.
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-NtApi-Sig': sig('TEST_SECRET_KEY', signed), 'Nt-Jqp': 'true', 'X-Requested-With': 'XMLHttpRequest' },
      body: `cmd=${cmd}&apiKey=TEST_PUBLIC_KEY&nonce=${NONCE}&${params}`,
    });
  });

  it.each([
    ['cancel', 'delTradeOrder', { orderId: '2929292929' }, '{"order_id":2929292929}'],
    ['lookup', 'getNotifyOrderJson', { orderId: '77' }, '{"active_only":0}'],
    ['openOrders', 'getNotifyOrderJson', {}, '{"active_only":1}'],
  ] as const)('v3 %s: JSON body, timestamp in whole seconds, signature over body + ts', async (op, cmd, order, body) => {
    const request = requestOf(await tradernet[op].build({ order, credentials: V3, nowMs: 1_700_000_000_999 } as never));
    expect(request).toEqual({
      method: 'POST',
      url: `https://tradernet.com/api/${cmd}`,
      headers: {
        'Content-Type': 'application/json',
        'X-NtApi-PublicKey': 'TEST_PUBLIC_KEY',
        'X-NtApi-Timestamp': '1700000000',
        'X-NtApi-Sig': sig('TEST_SECRET_KEY', body + '1700000000'),
      },
      body,
    });
  });

  it.each(['freedom24.com', 'tradernet.global', 'tradernet.kz'] as const)('sends to the chosen domain %s', async (domain) => {
    const v2 = requestOf(await tradernet.cancel.build({ order: { orderId: 5 }, credentials: { ...CREDS, domain }, nowMs: NOW }));
    const v3 = requestOf(await tradernet.cancel.build({ order: { orderId: 5 }, credentials: { ...V3, domain }, nowMs: NOW }));
    expect(v2.url).toBe(`https://${domain}/api/v2/cmd/delTradeOrder`);
    expect(v3.url).toBe(`https://${domain}/api/delTradeOrder`);
  });

  it('defaults to tradernet.com and v2 when domain and scheme are not set', async () => {
    const request = requestOf(await tradernet.cancel.build({ order: { orderId: 5 }, credentials: { publicKey: 'k', privateKey: 's' }, nowMs: NOW }));
    expect(request.url).toBe('https://tradernet.com/api/v2/cmd/delTradeOrder');
  });

  it('a digit string id signs exactly like the number', async () => {
    const a = requestOf(await tradernet.cancel.build({ order: { orderId: '2929292929' }, credentials: CREDS, nowMs: NOW }));
    const b = requestOf(await tradernet.cancel.build({ order: { orderId: 2929292929 }, credentials: CREDS, nowMs: NOW }));
    expect(a).toEqual(b);
  });

  it('hashes a Unicode private key as UTF-8 and form-encodes a public key with symbols', async () => {
    const credentials = { ...CREDS, publicKey: 'a!b~c*(d)', privateKey: 'секрет-🔑' };
    const request = requestOf(await tradernet.cancel.build({ order: { orderId: 9 }, credentials, nowMs: 1 }));
    expect(request.body).toBe('cmd=delTradeOrder&apiKey=a%21b%7Ec*%28d%29&nonce=10000&params%5Border_id%5D=9');
    expect(request.headers['X-NtApi-Sig']).toBe(sig('секрет-🔑', 'apiKey=a!b~c*(d)&cmd=delTradeOrder&nonce=10000&params=order_id=9'));
  });

  it('floors a fractional clock', async () => {
    const request = requestOf(await tradernet.cancel.build({ order: { orderId: 9 }, credentials: CREDS, nowMs: 1000.9 }));
    expect(request.body).toContain('&nonce=10000000&');
  });

  it('never puts a key in the URL and never sends a cookie', async () => {
    for (const credentials of [CREDS, V3]) {
      const request = requestOf(await tradernet.cancel.build({ order: { orderId: 9 }, credentials, nowMs: NOW }));
      expect(request.url).not.toContain('?');
      expect(request.url).not.toContain('TEST_');
      expect(Object.keys(request.headers).map((h) => h.toLowerCase())).not.toContain('cookie');
      expect(JSON.stringify(request)).not.toContain('TEST_SECRET_KEY');
    }
  });
});

describe('build-time refusals', () => {
  const SECRET = 'TOP-SECRET-do-not-leak';
  it.each<[string, unknown]>([
    ['no credentials', undefined],
    ['empty public key', { publicKey: '', privateKey: SECRET }],
    ['public key with a space', { publicKey: 'a b', privateKey: SECRET }],
    ['non-ASCII public key', { publicKey: 'ключ', privateKey: SECRET }],
    ['public key over 256 chars', { publicKey: 'k'.repeat(257), privateKey: SECRET }],
    ['empty private key', { publicKey: 'k', privateKey: '' }],
    ['an unsupported domain', { publicKey: 'k', privateKey: SECRET, domain: 'tradernet.ru' }],
    ['an unknown scheme', { publicKey: 'k', privateKey: SECRET, scheme: 'v1' }],
  ])('%s → auth-failed', async (_what, credentials) => {
    for (const op of ['cancel', 'lookup', 'openOrders'] as const) {
      const refused = refusalOf(await tradernet[op].build({ order: { orderId: 5 }, credentials, nowMs: 1 } as never));
      expect(refused.kind).toBe('auth-failed');
      expect(refused.message).toMatch(/Settings/);
      expect(refused.message).not.toContain(SECRET);
    }
  });

  it.each<[string, unknown, string]>([
    ['missing', undefined, 'QC_MISSING_FIELD'],
    ['null', null, 'QC_MISSING_FIELD'],
    ['empty', '', 'QC_MISSING_FIELD'],
    ['zero', 0, 'QC_BAD_ORDER_ID'],
    ['negative', -1, 'QC_BAD_ORDER_ID'],
    ['fractional', 1.5, 'QC_BAD_ORDER_ID'],
    ['NaN', Number.NaN, 'QC_BAD_ORDER_ID'],
    ['2^53', 2 ** 53, 'QC_BAD_ORDER_ID'],
    ['a digit string above 2^53 − 1', '9007199254740993', 'QC_BAD_ORDER_ID'],
    ['a string with letters', '12a', 'QC_BAD_ORDER_ID'],
    ['a signed string', '-12', 'QC_BAD_ORDER_ID'],
    ['an exponent string', '1e5', 'QC_BAD_ORDER_ID'],
    ['an object', { id: 1 }, 'QC_BAD_ORDER_ID'],
    ['a boolean', true, 'QC_BAD_ORDER_ID'],
  ])('orderId %s → rejected %s (cancel and lookup)', async (_what, orderId, code) => {
    for (const op of ['cancel', 'lookup'] as const) {
      const refused = refusalOf(await tradernet[op].build({ order: { orderId }, credentials: CREDS, nowMs: 1 } as never));
      expect(refused).toMatchObject({ kind: 'rejected', code });
      expect((refused as { message: string }).message).toBeTruthy();
    }
  });

  it('open-orders needs no id, but refuses a malformed id filter', async () => {
    expect('request' in (await tradernet.openOrders.build({ order: {}, credentials: CREDS, nowMs: 1 }))).toBe(true);
    expect(refusalOf(await tradernet.openOrders.build({ order: { orderId: 'x' }, credentials: CREDS, nowMs: 1 }))).toMatchObject({
      kind: 'rejected', code: 'QC_BAD_ORDER_ID',
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1])('a clock of %s is refused, not signed', async (nowMs) => {
    expect(refusalOf(await tradernet.cancel.build({ order: { orderId: 5 }, credentials: CREDS, nowMs }))).toMatchObject({
      kind: 'rejected', code: 'QC_BAD_CLOCK',
    });
  });
});

describe('cancel response → outcome (section 6, top to bottom)', () => {
  const HTTP_DATE = new Date(1_700_000_000_000 + 7000).toUTCString();
  const c12 = 'This order may only be cancelled by a Cancellation Order or through traders';
  it.each<[string, HttpResponse, Partial<CancelOutcome> & { kind: CancelOutcome['kind'] }]>([
    ['network failure', { status: 0, headers: {}, body: '', transportError: 'network' }, { kind: 'unknown' }],
    ['timeout', { status: 0, headers: {}, body: '', transportError: 'timeout' }, { kind: 'unknown' }],
    ['500 even with a success body', res(500, { order_id: 1 }), { kind: 'unknown' }],
    ['502 HTML', res(502, '<html><h1>502 Bad Gateway</h1></html>'), { kind: 'unknown' }],
    ['503 with a JSON error', res(503, { error: 'Invalid api key provided' }), { kind: 'unknown' }],
    ['200 HTML', res(200, '<!doctype html><p>login</p>'), { kind: 'unknown' }],
    ['200 empty', res(200, ''), { kind: 'unknown' }],
    ['200 truncated JSON', res(200, '{"order_id":29'), { kind: 'unknown' }],
    ['404 HTML', res(404, '<h1>Not found</h1>'), { kind: 'unknown' }],
    ['429 with Retry-After seconds', res(429, '', { 'retry-after': '3' }), { kind: 'rate-limited', retryAfterMs: 3000 }],
    ['429 with Retry-After date', res(429, '<html/>', { 'retry-after': HTTP_DATE }), { kind: 'rate-limited', retryAfterMs: 7000 }],
    ['429 without Retry-After', res(429, { error: 'Too many requests' }), { kind: 'rate-limited' }],
    ['401 any body', res(401, '<html/>'), { kind: 'auth-failed' }],
    ['403 Invalid api key provided', res(403, { error: 'Invalid api key provided', code: null }), { kind: 'auth-failed' }],
    ['code 4', res(200, { error: 'Bad sign', code: 4 }), { kind: 'auth-failed' }],
    ['code "4" as a string, HTTP 400', res(400, { errMsg: 'bad', code: '4' }), { kind: 'auth-failed' }],
    ['"Invalid api key" text without a code', res(200, { errMsg: 'Invalid API key provided' }), { kind: 'auth-failed' }],
    ['"signature" text', res(400, { error: 'Wrong signature' }), { kind: 'auth-failed' }],
    ['code 12 (its text says cancelled)', res(200, { error: c12, code: 12 }), { kind: 'rejected', code: '12', message: c12 }],
    ['code 12 as the document answers it (errorMsg and error, same text: said once)', res(200, { code: 12, errorMsg: c12, error: c12 }), { kind: 'rejected', code: '12', message: c12 }],
    ['code 12 with errorMsg only', res(200, { code: 12, errorMsg: c12 }), { kind: 'rejected', code: '12', message: c12 }],
    ['errorMsg only, no code, "not found" → verified by a lookup, never final from the words', res(200, { errorMsg: 'Order 5 not found' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['errorMsg only, other text → rejected', res(200, { errorMsg: 'Market is closed' }), { kind: 'rejected', code: 'TN_ERROR', message: 'Market is closed' }],
    ['errorMsg with order_id is still an error', res(200, { errorMsg: 'Market is closed', order_id: 1 }), { kind: 'rejected' }],
    ['errorMsg "" and error "" + order_id → pending', res(200, { error: '', errorMsg: '', order_id: 1 }), { kind: 'pending' }],
    ['errMsg and errorMsg that differ: both said', res(200, { errMsg: 'First', errorMsg: 'Second', code: 2 }), { kind: 'rejected', code: '2', message: 'First — Second' }],
    ['code "12" as a string', res(200, { error: c12, code: '12' }), { kind: 'rejected', code: '12' }],
    ['code 2', res(400, { errMsg: 'Unsupported query method', code: 2 }), { kind: 'rejected', code: '2', message: 'Unsupported query method' }],
    ['"not found"', res(200, { error: 'Order 5 not found', code: 0 }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['"already"', res(200, { error: 'Order is already closed' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['"executed"', res(200, { error: 'Order executed' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['"filled"', res(200, { error: 'Order has been filled' }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['"cancelled"', res(200, { error: 'Order cancelled earlier', code: 7 }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['"canceled"', res(400, { error: ['Order was canceled'] }), { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['a session refusal (UNCONFIRMED words): open one, retry once', res(200, { errMsg: 'Session is not opened', code: 0 }), { kind: 'unknown', refusal: { reason: 'no-session' } }],
    ['other error, code 0', res(200, { error: 'Type of security not identified', code: 0 }), { kind: 'rejected', code: '0', message: 'Type of security not identified' }],
    ['other error without a code', res(200, { errMsg: 'Market is closed' }), { kind: 'rejected', code: 'TN_ERROR', message: 'Market is closed' }],
    ['error array', res(200, { error: ['Bad price', { f: 1 }], code: 5 }), { kind: 'rejected', code: '5', message: 'Bad price; {"f":1}' }],
    ['whitespace error text', res(200, { error: '  ' }), { kind: 'rejected', code: 'TN_ERROR' }],
    ['200 {order_id: n}', res(200, { order_id: 2929292929 }), { kind: 'pending' }],
    ['200 {order_id: "n"}', res(200, { order_id: '2929292929' }), { kind: 'pending' }],
    ['error false + order_id', res(200, { error: false, order_id: 1 }), { kind: 'pending' }],
    ['error null + order_id', res(200, { error: null, order_id: 1 }), { kind: 'pending' }],
    ['error "" + order_id', res(200, { error: '', errMsg: '', order_id: 1 }), { kind: 'pending' }],
    ['error 0 + order_id', res(200, { error: 0, order_id: 1 }), { kind: 'pending' }],
    ['error "0" + order_id', res(200, { error: '0', code: 0, order_id: 1 }), { kind: 'pending' }],
    ['error [] + order_id', res(200, { error: [], order_id: 1 }), { kind: 'pending' }],
    ['200 {} (neither)', res(200, {}), { kind: 'unknown' }],
    ['200 {order_id: null}', res(200, { order_id: null }), { kind: 'unknown' }],
    ['200 array', res(200, []), { kind: 'unknown' }],
    ['200 null', res(200, 'null'), { kind: 'unknown' }],
    ['400 {order_id} without error', res(400, { order_id: 1 }), { kind: 'unknown' }],
  ])('%s', (_what, response, expected) => {
    const outcome = tradernet.cancel.parse(response, input(5));
    expect(outcome).toMatchObject(expected);
    if ('message' in outcome) expect(outcome.message).toBeTruthy();
  });

  it('tells the user where to fix a rejected key', () => {
    const outcome = tradernet.cancel.parse(res(403, { error: 'Invalid api key provided', code: null }), input(5));
    expect(outcome).toMatchObject({ kind: 'auth-failed', message: expect.stringMatching(/Invalid api key provided.*Settings/) });
  });
});

describe('lookup and open-orders', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    id: 2929292929, order_id: 2929292929, date: '2026-08-19T14:30:00.250', stat: 10, instr: 'AAPL.US', oper: 1, type: 2,
    p: 190.5, q: 5, leaves_qty: 3, order_nb: '998877', ...over,
  });
  const envelope = (order: unknown) => ({ result: { orders: { key: '%user', ...(order === undefined ? {} : { order }) } } });
  const orders = (r: OrdersResult) => {
    if (!('orders' in r)) throw new Error(`not orders: ${JSON.stringify(r)}`);
    return r.orders;
  };

  it('maps a row to an OrderView', () => {
    expect(orders(tradernet.openOrders.parse(res(200, envelope([row()])), input()))).toEqual([
      {
        key: '2929292929', state: 'open', venueStatus: '10', symbol: 'AAPL.US', side: 'buy', orderType: 'limit', price: 190.5, quantity: 5,
        remaining: 3, createdAtMs: Date.UTC(2026, 7, 19, 14, 30, 0, 250), cancelFields: { orderId: 2929292929 },
      },
    ]);
  });

  it.each([[1, 'buy'], [2, 'buy'], [3, 'sell'], [4, 'sell'], ['3', 'sell'], [9, undefined], [null, undefined]])('oper %j → side %s', (oper, side) => {
    expect(orders(tradernet.openOrders.parse(res(200, envelope(row({ oper }))), input()))[0]!.side).toBe(side);
  });

  it.each([
    ['an array', envelope([row({ id: 1 }), row({ id: 2 })]), ['1', '2']],
    ['a single object', envelope(row({ id: 3 })), ['3']],
    ['no order key', envelope(undefined), []],
    ['order null', envelope(null), []],
    ['orders null', { result: { orders: null } }, []],
    ['orders an empty array', { result: { orders: [] } }, []],
    ['rows that are not objects or have no usable id', envelope([1, 'x', null, row({ id: 'abc', order_id: undefined }), row({ id: 0, order_id: 0 })]), []],
    ['a row with only order_id', envelope([row({ id: undefined, order_id: '44' })]), ['44']],
  ])('open-orders: %s', (_what, body, keys) => {
    expect(orders(tradernet.openOrders.parse(res(200, body), input())).map((o) => o.key)).toEqual(keys);
  });

  it('open-orders: every listed order is open (listed by active_only=1 is what open means)', () => {
    const list = orders(tradernet.openOrders.parse(res(200, envelope([row({ id: 1, stat: 31 }), row({ id: 2, stat: 2 })])), input()));
    expect(list.map((o) => [o.state, o.venueStatus])).toEqual([['open', '31'], ['open', '2']]);
  });

  it('open-orders: an optional orderId filter keeps that order only', () => {
    const body = res(200, envelope([row({ id: 1 }), row({ id: 2 })]));
    expect(orders(tradernet.openOrders.parse(body, input('2'))).map((o) => o.key)).toEqual(['2']);
  });

  it('lookup: filters the active_only=0 list to the asked id (number or digit string)', () => {
    const body = res(200, envelope([row({ id: 1 }), row({ id: 2, stat: 31 }), row({ id: 3 })]));
    expect(orders(tradernet.lookup.parse(body, input(2))).map((o) => o.key)).toEqual(['2']);
    expect(orders(tradernet.lookup.parse(body, input('3'))).map((o) => o.key)).toEqual(['3']);
  });

  it('lookup: a listed row is reported open with its raw stat (stat is not interpreted)', () => {
    const [view] = orders(tradernet.lookup.parse(res(200, envelope(row({ stat: 31 }))), input(2929292929)));
    expect(view).toMatchObject({ state: 'open', venueStatus: '31' });
  });

  it('lookup: not listed → no orders (not found)', () => {
    expect(tradernet.lookup.parse(res(200, envelope([row({ id: 1 })])), input(2))).toEqual({ orders: [] });
    expect(tradernet.lookup.parse(res(200, envelope([row({ id: 1 })])), input('bad'))).toEqual({ orders: [] });
  });

  it.each<[string, HttpResponse, CancelOutcome['kind']]>([
    ['network', { status: 0, headers: {}, body: '', transportError: 'network' }, 'unknown'],
    ['500', res(500, envelope([row()])), 'unknown'],
    ['429', res(429, '', { 'retry-after': '2' }), 'rate-limited'],
    ['401', res(401, ''), 'auth-failed'],
    ['403', res(403, { error: 'Invalid api key provided' }), 'auth-failed'],
    ['code 4', res(200, { error: 'x', code: 4 }), 'auth-failed'],
    ['code 12', res(200, { error: 'Access denied', code: 12 }), 'rejected'],
    ['"not found" text is not already-closed for a list', res(200, { error: 'Order list not found' }), 'rejected'],
    ['a session refusal on a list: the engine opens one and asks again', res(200, { error: 'Session not found' }), 'unknown'],
    ['HTML', res(200, '<html/>'), 'unknown'],
    ['no result', res(200, {}), 'unknown'],
    ['result not an object', res(200, { result: [] }), 'unknown'],
    ['orders a string', res(200, { result: { orders: 'x' } }), 'unknown'],
    ['order a number', res(200, envelope(5)), 'unknown'],
    ['valid body on HTTP 400', res(400, envelope([row()])), 'unknown'],
  ])('%s → %s', (_what, response, kind) => {
    for (const op of ['lookup', 'openOrders'] as const) {
      const result = tradernet[op].parse(response, input(2929292929));
      expect(result).toMatchObject({ kind });
      expect((result as { message?: string }).message).toBeTruthy();
    }
  });

  it.each<[string, number | undefined]>([
    ['2026-08-19T14:30:00', Date.UTC(2026, 7, 19, 14, 30)],
    ['2026-08-19 14:30:00.5', Date.UTC(2026, 7, 19, 14, 30, 0, 500)],
    ['2026-08-19T14:30:00.123456', Date.UTC(2026, 7, 19, 14, 30, 0, 123)],
    ['2026-08-19T14:30', Date.UTC(2026, 7, 19, 14, 30)],
    ['2026-08-19T14:30:00Z', Date.UTC(2026, 7, 19, 14, 30)],
    ['2026-08-19T14:30:00+03:00', Date.UTC(2026, 7, 19, 11, 30)],
    ['2026-08-19T14:30:00-0130', Date.UTC(2026, 7, 19, 16, 0)],
    ['19.08.2026 14:30', undefined],
    ['', undefined],
  ])('date %j (no zone = UTC)', (text, expected) => expect(parseVenueDate(text)).toBe(expected));
});

describe('parsers never throw', () => {
  const KINDS = new Set(['cancelled', 'pending', 'already-closed', 'rejected', 'auth-failed', 'rate-limited', 'unknown']);
  const outcomeOk = (o: CancelOutcome): boolean => {
    if (!KINDS.has(o.kind)) return false;
    if (['rejected', 'auth-failed', 'rate-limited', 'unknown'].includes(o.kind) && !(typeof o.message === 'string' && o.message.trim())) return false;
    if (o.kind === 'rejected' && !(typeof o.code === 'string' && o.code)) return false;
    if (o.kind === 'rate-limited' && o.retryAfterMs !== undefined && !(Number.isFinite(o.retryAfterMs) && o.retryAfterMs >= 0)) return false;
    return true;
  };
  const ordersOk = (r: OrdersResult): boolean => {
    if (!('orders' in r)) return outcomeOk(r);
    return r.orders.every(
      (o) =>
        /^[1-9]\d*$/.test(o.key) && o.state === 'open' && typeof o.venueStatus === 'string' &&
        o.cancelFields.orderId === Number(o.key) && Number.isSafeInteger(o.cancelFields.orderId),
    );
  };

  const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e308), fc.constant(2 ** 60));
  const errorField = fc.oneof(scalar, fc.array(fc.jsonValue(), { maxLength: 3 }), fc.constantFrom('Invalid api key provided', 'Order not found', 'already cancelled', '0', ''));
  const row = fc.dictionary(
    fc.constantFrom('id', 'order_id', 'instr', 'oper', 'p', 'q', 'leaves_qty', 'date', 'stat', 'x'),
    fc.oneof(scalar, fc.jsonValue(), fc.constantFrom('2026-08-19T14:30:00', '2026-13-45T99:99:99', '123')),
  );
  const envelope = fc.record(
    {
      error: errorField,
      errMsg: errorField,
      code: fc.oneof(scalar, fc.constantFrom(2, 4, 12, '4', '12', 0)),
      order_id: scalar,
      result: fc.oneof(
        fc.jsonValue(),
        fc.record({ orders: fc.oneof(fc.jsonValue(), fc.record({ key: fc.string(), order: fc.oneof(row, fc.array(fc.oneof(row, fc.jsonValue()), { maxLength: 4 })) }, { requiredKeys: [] })) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ).map((v) => JSON.stringify(v));
  const body = fc.oneof(
    fc.string(),
    fc.constantFrom('', '<html><body>502</body></html>', 'null', '[]', '{"order_id":1e400}', '{"order_id":-0}', '{"error":{}}'),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.tuple(envelope, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    envelope,
  );
  const response = fc.record({
    status: fc.oneof(fc.constantFrom(0, 200, 400, 401, 403, 404, 429, 500, 502), fc.integer({ min: 100, max: 599 })),
    headers: fc.oneof(fc.constant({}), fc.record({ 'retry-after': fc.oneof(fc.string(), fc.constantFrom('5', '0.5', 'Wed, 21 Oct 2015 07:28:00 GMT')) })),
    body,
    transportError: fc.option(fc.constantFrom('timeout' as const, 'network' as const, 'aborted' as const), { nil: undefined }),
  });
  const orderId = fc.oneof(fc.integer(), fc.string(), fc.constant(undefined), fc.double());

  it('cancel, lookup and openOrders parse any response into a well-formed result', () => {
    fc.assert(
      fc.property(response, orderId, fc.integer({ min: 0, max: 4e12 }), (r, id, nowMs) => {
        const httpResponse = (r.transportError === undefined ? { ...r, transportError: undefined } : r) as HttpResponse;
        const input = { order: { orderId: id }, credentials: CREDS as TradernetCredentials, nowMs } as never;
        expect(outcomeOk(tradernet.cancel.parse(httpResponse, input))).toBe(true);
        expect(ordersOk(tradernet.lookup.parse(httpResponse, input))).toBe(true);
        expect(ordersOk(tradernet.openOrders.parse(httpResponse, input))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('getAuthInfo: the session the document opens before delTradeOrder', () => {
  it('v2 sends the document example\'s fields, no params, signed over apiKey, cmd and nonce only', async () => {
    const req = requestOf(await tradernet.openSession!.build({ order: {}, credentials: CREDS, nowMs: 1_700_000_000 }));
    expect(req.url).toBe('https://tradernet.com/api/v2/cmd/getAuthInfo');
    expect(req.body).toBe('cmd=getAuthInfo&apiKey=TEST_PUBLIC_KEY&nonce=17000000000000');
    expect(req.headers['X-NtApi-Sig']).toBe(sig('TEST_SECRET_KEY', 'apiKey=TEST_PUBLIC_KEY&cmd=getAuthInfo&nonce=17000000000000'));
    expect(req.headers).toMatchObject({ 'Nt-Jqp': 'true', 'X-Requested-With': 'XMLHttpRequest' });
  });

  it.each<[string, HttpResponse, unknown]>([
    ['sess_id: opened', res(200, { sess_id: 'abc123' }), { session: true }],
    ['no sess_id', res(200, {}), { kind: 'unknown' }],
    ['an error', res(200, { error: 'Invalid api key provided', code: null }), { kind: 'auth-failed' }],
    ['5xx', res(502, '<html/>'), { kind: 'unknown' }],
  ])('%s', (_what, response, expected) => {
    expect(tradernet.openSession!.parse(response, input())).toMatchObject(expected as object);
  });
});
