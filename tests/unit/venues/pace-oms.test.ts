// @vitest-environment node
// The Tradelab OMS adapter (PaceTrader, Pocketful), as specified in shared/venues/pace-oms.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pacetrader, pocketful } from '../../../lib/venues/pace-oms/adapter';
import type { Built, CancelOutcome, HttpRequest, HttpResponse } from '../../../lib/venues/types';

const NOW = 1_710_403_200_000;
const CREDS = { accessToken: 'fakePocketfulAccessToken-0001.notARealSignature', clientId: 'YG1234' };
const b64url = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (payload: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.c2ln`;

const requestOf = (b: Built): HttpRequest => {
  if (!('request' in b)) throw new Error(`refused: ${JSON.stringify(b.refused)}`);
  return b.request;
};
const refusalOf = (b: Built): CancelOutcome => {
  if (!('refused' in b)) throw new Error(`built: ${JSON.stringify(b.request)}`);
  return b.refused;
};
const res = (status: number, body: unknown = '', headers: Record<string, string> = {}): HttpResponse =>
  ({ status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const cancel = (order: object, credentials: object = CREDS) => pocketful.cancel.build({ order: order as never, credentials: credentials as never, nowMs: NOW });

describe('cancel requests', () => {
  it.each([
    ['REGULAR', 'https://trade.pocketful.in/api/v1/orders/2024-1?client_id=YG1234&execution_type=REGULAR'],
    ['AMO', 'https://trade.pocketful.in/api/v1/orders/2024-1?client_id=YG1234&execution_type=AMO'],
  ])('%s: DELETE with the fields in the query and no body', async (executionType, url) => {
    const request = requestOf(await cancel({ omsOrderId: '2024-1', executionType }));
    expect(request).toMatchObject({ method: 'DELETE', url, body: null });
  });

  it.each([
    ['BO', '{"client_id":"YG1234","exchange_order_id":"E1","execution_type":"BO","leg_order_indicator":"ENTRY","oms_order_id":"7","status":"CONFIRMED"}'],
    ['CO', '{"client_id":"YG1234","exchange_order_id":"E1","execution_type":"CO","leg_order_indicator":"ENTRY","oms_order_id":"7"}'],
    ['SPD', '{"client_id":"YG1234","exchange_order_id":"E1","execution_type":"SPD","leg_order_indicator":"ENTRY","oms_order_id":"7","status":"CONFIRMED"}'],
  ])('%s: DELETE to the kart route with the body keys in their fixed order', async (executionType, body) => {
    const request = requestOf(await cancel({ omsOrderId: '7', executionType, exchangeOrderId: 'E1', legOrderIndicator: 'ENTRY', orderStatus: 'CONFIRMED' }));
    expect(request.url).toBe('https://trade.pocketful.in/api/v1/orders/kart/7');
    expect(request.body).toBe(body);
  });

  it('sends the token in every auth header the documents name and the device type, never a cookie', async () => {
    const { headers } = requestOf(await cancel({ omsOrderId: '1', executionType: 'REGULAR' }));
    expect(headers).toEqual({
      Authorization: `Bearer ${CREDS.accessToken}`,
      'x-authorization-token': CREDS.accessToken,
      // The PaceTrader header table's name for it.
      'x-auth-token': CREDS.accessToken,
      'x-device-type': 'WEB',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
  });

  it('encodes path segments and query values', async () => {
    const request = requestOf(await cancel({ omsOrderId: 'a/b c', executionType: 'REGULAR' }));
    expect(request.url).toBe('https://trade.pocketful.in/api/v1/orders/a%2Fb%20c?client_id=YG1234&execution_type=REGULAR');
  });

  it('takes the client id from the JWT when Settings has none, and PaceTrader uses its own origin', async () => {
    const token = jwt({ client_id: 'CLIENT1', exp: NOW + 3_600_000 });
    const request = requestOf(await pacetrader.cancel.build({ order: { omsOrderId: '9', executionType: 'REGULAR' }, credentials: { accessToken: token }, nowMs: NOW }));
    expect(request.url).toBe('https://pacetrader.pacefin.in/api/v1/orders/9?client_id=CLIENT1&execution_type=REGULAR');
  });
});

describe('the kart cancel\'s two documented routes (pace-oms.md §4)', () => {
  const spd = { omsOrderId: '20210226-92', executionType: 'SPD', exchangeOrderId: '10095', legOrderIndicator: 'ENTRY', orderStatus: 'CONFIRMED' };
  const co = { omsOrderId: '7', executionType: 'CO', exchangeOrderId: 'E7', legOrderIndicator: 'ENTRY' };
  const build = (order: object, form?: string) => pacetrader.cancel.build({ order: order as never, credentials: CREDS, nowMs: NOW, ...(form ? { form } : {}) });

  it('declares the id-in-path form first (the default) and the document\'s body-only form second', () => {
    expect(pacetrader.cancel.forms).toEqual(['id-in-path', 'body-only']);
    expect(pocketful.cancel.forms).toEqual(['id-in-path', 'body-only']);
  });

  it.each([
    ['SPD, default', spd, undefined, 'https://pacetrader.pacefin.in/api/v1/orders/kart/20210226-92'],
    ['SPD, id-in-path', spd, 'id-in-path', 'https://pacetrader.pacefin.in/api/v1/orders/kart/20210226-92'],
    ['SPD, body-only (the PaceTrader spread page)', spd, 'body-only', 'https://pacetrader.pacefin.in/api/v1/orders/kart/'],
    ['CO, body-only', co, 'body-only', 'https://pacetrader.pacefin.in/api/v1/orders/kart/'],
    ['REGULAR ignores the form', { omsOrderId: '9', executionType: 'REGULAR' }, 'body-only', 'https://pacetrader.pacefin.in/api/v1/orders/9?client_id=YG1234&execution_type=REGULAR'],
  ] as const)('%s → %s', async (_what, order, form, url) => {
    const request = requestOf(await build(order, form));
    expect(request.url).toBe(url);
  });

  it('both forms carry the same body bytes', async () => {
    expect(requestOf(await build(spd, 'body-only')).body).toBe(requestOf(await build(spd)).body);
  });

  const missing = (r: HttpResponse, order: object) => pacetrader.cancel.formMissing!(r, { order: order as never, credentials: CREDS, nowMs: NOW });
  it.each([
    ['kart 404 that is not the OMS envelope', res(404, { error: { code: 404, message: 'route not found' } }), spd, true],
    ['kart 404 with an HTML page', res(404, '<html>Not Found</html>'), co, true],
    ['kart 404 with an empty body', res(404, ''), spd, true],
    ['kart 405', res(405, ''), spd, true],
    ['kart 404 in the OMS envelope (the order, not the route)', res(404, { status: 'failed', message: 'Order not found', data: {} }), spd, false],
    ['kart 400', res(400, { status: 'error', error_code: 44000, message: 'bad' }), spd, false],
    ['kart 200', res(200, { status: 'success', message: 'Order cancelled successfully' }), spd, false],
    ['kart 500', res(500, ''), spd, false],
    ['REGULAR 404', res(404, ''), { omsOrderId: '9', executionType: 'REGULAR' }, false],
    ['no order at all', res(404, ''), undefined as never, false],
  ] as const)('%s → missing route: %s', (_what, response, order, expected) => {
    expect(missing(response, order)).toBe(expected);
  });
});

describe('build-time refusals: nothing is sent', () => {
  it.each<[string, object, object, Partial<CancelOutcome>]>([
    ['no order id', { executionType: 'REGULAR' }, CREDS, { kind: 'rejected', code: 'QC_MISSING_FIELD' }],
    ['unknown execution type', { omsOrderId: '1', executionType: 'GTT' }, CREDS, { kind: 'rejected', code: 'QC_UNSUPPORTED_EXECUTION_TYPE' }],
    ['kart without exchange order id', { omsOrderId: '1', executionType: 'CO', legOrderIndicator: 'ENTRY' }, CREDS, { kind: 'rejected', code: 'QC_MISSING_FIELD' }],
    ['kart without leg', { omsOrderId: '1', executionType: 'BO', exchangeOrderId: 'E', orderStatus: 'CONFIRMED' }, CREDS, { kind: 'rejected', code: 'QC_MISSING_FIELD' }],
    ['BO without status', { omsOrderId: '1', executionType: 'BO', exchangeOrderId: 'E', legOrderIndicator: 'ENTRY' }, CREDS, { kind: 'rejected', code: 'QC_MISSING_FIELD' }],
    ['no token', { omsOrderId: '1', executionType: 'REGULAR' }, { clientId: 'YG1234' }, { kind: 'auth-failed' }],
    ['token with spaces', { omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: 'has spaces in it, sixteen+', clientId: 'X' }, { kind: 'auth-failed' }],
    ['expired JWT (exp in ms)', { omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: jwt({ client_id: 'C', exp: NOW - 60_000 }) }, { kind: 'auth-failed' }],
    ['expired JWT (exp in s)', { omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: jwt({ client_id: 'C', exp: Math.floor(NOW / 1000) - 120 }) }, { kind: 'auth-failed' }],
    ['expiresAtMs passed', { omsOrderId: '1', executionType: 'REGULAR' }, { ...CREDS, expiresAtMs: NOW - 61_000 }, { kind: 'auth-failed' }],
    ['client id differs from the token', { omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: jwt({ client_id: 'OTHER', exp: NOW + 1e6 }), clientId: 'YG1234' }, { kind: 'rejected', code: 'QC_CLIENT_ID_MISMATCH' }],
    ['no client id anywhere', { omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: CREDS.accessToken }, { kind: 'auth-failed' }],
  ])('%s', async (_, order, credentials, expected) => {
    expect(refusalOf(await cancel(order, credentials))).toMatchObject(expected);
  });

  it('a token within 60 s of expiry still goes (clock slack)', async () => {
    const token = jwt({ client_id: 'C', exp: NOW - 30_000 });
    expect('request' in (await cancel({ omsOrderId: '1', executionType: 'REGULAR' }, { accessToken: token }))).toBe(true);
  });
});

describe('cancel response → outcome (pace-oms.md §6, top to bottom)', () => {
  const regular = { order: { omsOrderId: '1', executionType: 'REGULAR' }, credentials: CREDS, nowMs: NOW };
  const kart = { order: { omsOrderId: '1', executionType: 'CO' }, credentials: CREDS, nowMs: NOW };
  it.each<[string, HttpResponse, typeof regular, Partial<CancelOutcome>]>([
    ['502 HTML page', res(502, '<html>Bad gateway</html>'), regular, { kind: 'unknown' }],
    ['timeout', { status: 0, headers: {}, body: '', transportError: 'timeout' }, regular, { kind: 'unknown' }],
    ['network error', { status: 0, headers: {}, body: '', transportError: 'network' }, regular, { kind: 'unknown' }],
    ['200 that is not JSON', res(200, 'OK'), regular, { kind: 'unknown' }],
    ['200 success, REGULAR → only acknowledged', res(200, { status: 'success', message: 'Order cancellation request submitted for OMS Order: 1', data: {} }), regular, { kind: 'pending' }],
    ['200 success, kart → confirmed', res(200, { status: 'success', data: { message: 'Order Cancelled Successfully' } }), kart, { kind: 'cancelled', message: 'Order Cancelled Successfully' }],
    ['401 any body', res(401, 'nope'), regular, { kind: 'auth-failed' }],
    ['error_code 40000', res(400, { status: 'error', error_code: 40000, message: 'Request forbidden' }), regular, { kind: 'auth-failed' }],
    ['403 TokenException', res(403, { error_type: 'TokenException', message: 'bad' }), regular, { kind: 'auth-failed' }],
    ['429 with Retry-After', res(429, '', { 'retry-after': '2' }), regular, { kind: 'rate-limited', retryAfterMs: 2000 }],
    // Wording only (UNCONFIRMED): verified by a lookup, never final as it stands.
    ['already cancelled', res(400, { status: 'error', message: 'Order already cancelled', error_code: 45010 }), regular, { kind: 'unknown', refusal: { reason: 'gone', code: '45010' } }],
    ['not found (old draft)', res(200, { status: 'failed', message: 'Order not found' }), regular, { kind: 'unknown', refusal: { reason: 'gone' } }],
    ['44000 validation', res(400, { status: 'error', error_code: 44000, message: "exchange_order_id can't be blank" }), kart, { kind: 'rejected', code: '44000' }],
    ['45000 "cancel already in progress": words only, looked up', res(400, { status: 'error', error_code: 45000, message: 'Error from backend: (16387)-cancel already in progress' }), kart, { kind: 'unknown', refusal: { reason: 'busy', code: '45000:16387' } }],
    ['45000 backend', res(400, { status: 'error', error_code: 45000, message: 'Error from backend: (16273)-Order does not exist' }), kart, { kind: 'rejected', code: '45000:16273' }],
    // Codes pace-oms.md does not document say what they mean only in words: looked up, never final.
    ['other error: an undocumented code', res(400, { status: 'error', error_code: 45010, message: 'Order is not in a cancellable state for OMS Order: 7' }), kart, { kind: 'unknown', refusal: { reason: 'refused', code: '45010' } }],
    ['other error without a code', res(200, { status: 'error', message: 'Something' }), kart, { kind: 'unknown', refusal: { reason: 'refused', code: 'HTTP_200' } }],
    ['404 not the envelope', res(404, { error: { code: 404, message: 'route not found' } }), kart, { kind: 'rejected', code: 'HTTP_404' }],
    ['200 JSON of no known shape', res(200, { hello: 'world' }), kart, { kind: 'unknown' }],
  ])('%s', (_, response, input, expected) => {
    expect(pocketful.cancel.parse(response, input as never)).toMatchObject(expected);
  });
});

describe('order book and history', () => {
  const row = { oms_order_id: '7', execution_type: 'BO', exchange_order_id: 'E1', leg_order_indicator: null, order_status: 'CONFIRMED', trading_symbol: 'TCS', order_side: 'SELL', quantity: 5, remaining_quantity: 5, price: 4120, order_entry_time: 1_700_000_000 };
  const input = { order: {}, credentials: CREDS, nowMs: NOW };

  it('builds the pending list and the history requests', async () => {
    expect(requestOf(await pocketful.openOrders.build(input)).url).toBe('https://trade.pocketful.in/api/v1/orders?type=pending&client_id=YG1234');
    expect(requestOf(await pocketful.lookup.build({ ...input, order: { omsOrderId: '7' } })).url).toBe('https://trade.pocketful.in/api/v1/order/7/history?client_id=YG1234');
  });

  it('maps a pending row to an open order with every cancel field (null leg becomes "")', () => {
    const result = pocketful.openOrders.parse(res(200, { data: { orders: [row] }, status: 'success', message: '' }), input);
    expect(result).toEqual({
      orders: [{
        key: '7', state: 'open', venueStatus: 'CONFIRMED', symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, remaining: 5, createdAtMs: 1_700_000_000_000,
        cancelFields: { omsOrderId: '7', executionType: 'BO', exchangeOrderId: 'E1', legOrderIndicator: '', orderStatus: 'CONFIRMED' },
        otherIds: ['E1'],
      }],
    });
  });

  it('reads the newest history event as the current state', () => {
    const events = [{ ...row, status: 'CANCELLED', modified_at: 20 }, { ...row, status: 'CONFIRMED', modified_at: 10 }];
    const result = pocketful.lookup.parse(res(200, { data: { 'order history': events }, status: 'success' }), { ...input, order: { omsOrderId: '7' } });
    expect(result).toMatchObject({ orders: [{ key: '7', state: 'closed', venueStatus: 'CANCELLED' }] });
  });

  it('a history "not found" means no order; a list that is not a list is unknown', () => {
    expect(pocketful.lookup.parse(res(400, { status: 'failed', message: 'Order not found' }), { ...input, order: { omsOrderId: '7' } })).toEqual({ orders: [] });
    expect(pocketful.openOrders.parse(res(200, { data: { orders: 'x' } }), input)).toMatchObject({ kind: 'unknown' });
  });
});

describe('the client id, from trading_info when neither Settings nor the token has it (pace-oms.md §2)', () => {
  const opaque = { accessToken: CREDS.accessToken };
  const complete = pacetrader.completeCredentials!;
  const input = { order: {}, credentials: opaque, nowMs: NOW };

  it('is needed only when neither Settings nor the token carries one', () => {
    expect(complete.needed(opaque)).toBe(true);
    expect(complete.needed(CREDS)).toBe(false);
    expect(complete.needed({ accessToken: jwt({ client_id: 'CLIENT1', exp: NOW + 1e6 }) })).toBe(false);
  });

  it('asks GET /api/v1/user/trading_info with the same headers as every request', async () => {
    const request = requestOf(await complete.build(input));
    expect(request).toMatchObject({ method: 'GET', url: 'https://pacetrader.pacefin.in/api/v1/user/trading_info', body: null });
    expect(request.headers).toMatchObject({ Authorization: `Bearer ${CREDS.accessToken}`, 'x-authorization-token': CREDS.accessToken, 'x-auth-token': CREDS.accessToken });
  });

  it('an expired token is refused before anything is sent', async () => {
    expect(refusalOf(await complete.build({ ...input, credentials: { ...opaque, expiresAtMs: NOW - 61_000 } }))).toMatchObject({ kind: 'auth-failed' });
  });

  it.each<[string, HttpResponse, object]>([
    ['data.client_id', res(200, { status: 'success', message: '', data: { client_id: 'YG1234' } }), { clientId: 'YG1234' }],
    ['an expired token', res(401, { status: 'error', error_code: 40000, message: 'Invalid token' }), { kind: 'auth-failed' }],
    ['no client_id in the reply', res(200, { status: 'success', data: {} }), { kind: 'unknown' }],
    ['a client_id no client id looks like', res(200, { status: 'success', data: { client_id: 'has spaces; and more' } }), { kind: 'unknown' }],
    ['an HTML error page', res(502, '<!doctype html><title>502</title>', { 'content-type': 'text/html' }), { kind: 'unknown' }],
    ['no answer', { status: 0, headers: {}, body: '', transportError: 'network' }, { kind: 'unknown' }],
  ])('%s', (_, response, expected) => {
    expect(complete.parse(response, input)).toMatchObject(expected);
  });
});

describe('parsers never throw', () => {
  const bodies = fc.oneof(
    fc.string(),
    fc.constant(''),
    fc.constant('<!doctype html><title>502</title>'),
    fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
    fc.json(),
    fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } }),
    fc.record({ status: fc.constantFrom('success', 'error', 'failed', 1), error_code: fc.anything(), message: fc.anything(), data: fc.anything() }).map((v) => JSON.stringify(v)),
  );
  it('on any status and body, cancel/lookup/openOrders return a well-formed result', () => {
    const input = { order: { omsOrderId: '1', executionType: 'CO' }, credentials: CREDS, nowMs: NOW };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 599 }), bodies, fc.dictionary(fc.constantFrom('retry-after', 'date'), fc.string()), (status, body, headers) => {
        const response = { status, headers, body };
        const outcome = pocketful.cancel.parse(response, input as never);
        expect(typeof outcome.kind).toBe('string');
        if (!['cancelled', 'pending', 'already-closed'].includes(outcome.kind)) expect((outcome as { message: string }).message).toBeTruthy();
        for (const op of [pocketful.lookup, pocketful.openOrders]) {
          const result = op.parse(response, input as never);
          expect('orders' in result ? Array.isArray(result.orders) : typeof result.kind === 'string').toBe(true);
        }
        const learned = pocketful.completeCredentials!.parse(response, input as never);
        expect('clientId' in learned ? typeof learned.clientId : typeof (learned as CancelOutcome).kind).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });
});
