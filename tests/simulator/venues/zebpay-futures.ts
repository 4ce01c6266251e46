// ZebPay Futures API simulator (shared/venues/zebpay-futures.md). An independent implementation:
// node:crypto only, nothing from lib/, so a signing bug in the adapter cannot hide here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fieldOrder, wording } from './fuzz';
import type { SimOrder, SimRequest, SimResponse, VenueContext, VenueSim } from '../types';

/** Made-up API-key credentials (the secret has non-ASCII on purpose: it is HMAC'd as UTF-8). */
export const ZEBPAY_TEST_CREDENTIALS = {
  authKind: 'apiKey',
  apiKey: 'zbp-sim-api-key-0001',
  secretKey: 'zbp-sim-secret-ключ-0123456789abcdef',
} as const;

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A made-up HS256-shaped token, exp in 2100. The sim only checks that it equals this string. */
export const ZEBPAY_TEST_JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'qc-sim-user', exp: 4_102_444_800 })}.c2ltLW5vdC1hLXJlYWwtc2lnbmF0dXJl`;

export const ZEBPAY_HOST = 'futuresbe.zebpay.com';

// ZebPay does not document its timestamp window. ±30 s is our choice: wide enough for a
// synced clock, narrow enough that the tests can show a stale timestamp being refused.
const SKEW_WINDOW_MS = 30_000;
const NOT_FOUND_CODE = 3013;

type Pairs = Array<[string, string]>;

function reply(status: number, description: string, data: unknown = {}, statusCode: number = status, customMessage: string[] = [description]): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(fieldOrder({ statusDescription: description, data, statusCode, customMessage })),
  };
}
// The document's success example: "statusDescription": "Success" with "customMessage": ["OK"].
const ok = (data: unknown) => reply(200, 'Success', data, 200, ['OK']);
// Code 3013 is a ccxt hint; no ZebPay document gives its words (zebpay-futures.md section 6).
const notFound = () => wording(['Order not found', 'Order does not exist', 'order not found', 'No order found for the given clientOrderId']);
const unauthorized = (why: string) => reply(401, why);
const badRequest = (why: string) => reply(400, why);

/** The venue's two lifecycle words: the unified lower-case status and the raw upper-case one. */
function wireStatus(order: SimOrder): { status: string; raw: string } {
  switch (order.status) {
    case 'open':
    case 'cancelling': // ZebPay documents no in-flight state: a cancel lands at once.
      return order.filled > 0 ? { status: 'open', raw: 'PARTIALLY_FILLED' } : { status: 'new', raw: 'NEW' };
    case 'cancelled':
      return { status: 'canceled', raw: 'CANCELED' };
    case 'filled':
      return { status: 'filled', raw: 'FILLED' };
    case 'rejected':
      return { status: 'rejected', raw: 'REJECTED' };
    case 'expired':
      return { status: 'expired', raw: 'EXPIRED' };
  }
}

const isOpen = (order: SimOrder) => order.status === 'open' || order.status === 'cancelling';

function orderJson(order: SimOrder) {
  const { status, raw } = wireStatus(order);
  return {
    clientOrderId: order.id,
    datetime: new Date(order.createdAtMs).toISOString(),
    timestamp: order.createdAtMs,
    symbol: order.symbol,
    type: String(order.extra.type ?? 'LIMIT'),
    timeInForce: 'GTC',
    side: order.side,
    price: order.price,
    amount: order.quantity,
    filled: order.filled,
    // Rounded the way a decimal-quantity venue would print it (0.2 - 0.05 is 0.15, not 0.15000000000000002).
    remaining: Math.max(0, Number((order.quantity - order.filled).toFixed(12))),
    status,
    reduceOnly: false,
    postOnly: false,
    info: { orderId: order.extra.orderId ?? 900_000_000 + order.createdAtMs % 1_000_000, status: raw },
  };
}

/** Splits a raw query string into ordered pairs; undefined when it is not valid percent-encoding. */
function parsePairs(raw: string): Pairs | undefined {
  if (raw === '') return [];
  try {
    return raw.split('&').map((part) => {
      const eq = part.indexOf('=');
      const k = eq < 0 ? part : part.slice(0, eq);
      const v = eq < 0 ? '' : part.slice(eq + 1);
      return [decodeURIComponent(k), decodeURIComponent(v)] as [string, string];
    });
  } catch {
    return undefined;
  }
}

function sameHex(given: string, expected: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'utf8'), Buffer.from(expected, 'utf8'));
}

type Auth = { mode: 'apiKey' | 'jwt' } | { fail: SimResponse };

/**
 * API key: x-auth-apikey must be ours, x-auth-signature the HMAC-SHA256 (UTF-8 secret, lower-case
 * hex) of exactly `signed` (the received body or query), and the timestamp, which must be the last
 * signed field, within the skew window. JWT: the bearer token must be ours.
 */
function authenticate(req: SimRequest, ctx: VenueContext, signed: string, timestamp: { last: boolean; value: unknown }): Auth {
  const apiKey = req.headers['x-auth-apikey'];
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (apiKey === undefined) {
    if (!bearer) return { fail: unauthorized('Unauthorized: missing authentication') };
    if (bearer[1] !== ZEBPAY_TEST_JWT || ctx.tokenExpired()) return { fail: unauthorized('Invalid or expired token') };
    return { mode: 'jwt' };
  }
  if (apiKey !== ZEBPAY_TEST_CREDENTIALS.apiKey) return { fail: unauthorized('Invalid API key') };
  if (ctx.tokenExpired()) return { fail: unauthorized('API key expired or revoked') };
  const signature = req.headers['x-auth-signature'];
  if (!signature) return { fail: unauthorized('Missing signature') };
  const expected = createHmac('sha256', Buffer.from(ZEBPAY_TEST_CREDENTIALS.secretKey, 'utf8'))
    .update(Buffer.from(signed, 'utf8'))
    .digest('hex');
  if (!sameHex(signature, expected)) return { fail: unauthorized('Invalid signature') };
  if (!timestamp.last) return { fail: unauthorized('Invalid or expired timestamp: timestamp must be the last signed field') };
  const ts = timestamp.value;
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) return { fail: unauthorized('Invalid or expired timestamp') };
  if (Math.abs(ts - ctx.now()) > SKEW_WINDOW_MS) return { fail: unauthorized('Invalid or expired timestamp') };
  return { mode: 'apiKey' };
}

function jsonContentType(req: SimRequest): boolean {
  return /^application\/json\b/i.test(req.headers['content-type'] ?? '');
}

/** DELETE: the JSON body is the signed message. */
function authBody(req: SimRequest, ctx: VenueContext): { auth: Auth; body: Record<string, unknown> | undefined } {
  let body: Record<string, unknown> | undefined;
  if (req.body !== '') {
    try {
      const parsed: unknown = JSON.parse(req.body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  }
  const keys = Object.keys(body ?? {});
  const auth = authenticate(req, ctx, req.body, { last: keys[keys.length - 1] === 'timestamp', value: body?.timestamp });
  return { auth, body };
}

/** GET: the raw query string is the signed message; the timestamp is its last pair. */
function authQuery(req: SimRequest, ctx: VenueContext, rawQuery: string, pairs: Pairs): Auth {
  const last = pairs[pairs.length - 1];
  const value = last?.[0] === 'timestamp' && /^\d{1,16}$/.test(last[1]) ? Number(last[1]) : undefined;
  return authenticate(req, ctx, rawQuery, { last: last?.[0] === 'timestamp', value });
}

/**
 * An order seeded with extra.cancelStatusCode refuses its cancel the way the document's examples
 * guard against: HTTP 200, the usual envelope, a failing statusCode and the reason in
 * statusDescription (extra.cancelRefusal). The document gives no refusal wording; ours is a stand-in.
 */
function refusalOf(order: SimOrder): SimResponse | undefined {
  const code = order.extra.cancelStatusCode;
  if (code === undefined) return undefined;
  const description = String(order.extra.cancelRefusal ?? 'Order cannot be cancelled');
  return reply(200, description, {}, Number(code));
}

function cancelOne(ctx: VenueContext, clientOrderId: string, symbol: string | undefined): SimResponse {
  const order = ctx.orders.get(clientOrderId);
  if (!order || (symbol !== undefined && order.symbol !== symbol)) {
    return reply(400, notFound(), {}, NOT_FOUND_CODE);
  }
  if (!isOpen(order)) {
    const { status, raw } = wireStatus(order);
    return reply(400, wording([`Order is already ${status}`, 'Order already closed', `Cannot cancel an order in status ${raw}`, 'Order is not open']), {}, NOT_FOUND_CODE);
  }
  const refused = refusalOf(order);
  if (refused) return refused;
  order.status = 'cancelled';
  return ok({
    clientOrderId: order.id,
    status: 'canceled',
    symbol: order.symbol,
    info: { clientOrderId: order.id, orderId: orderJson(order).info.orderId, status: 'CANCELED', success: true },
  });
}

export function createZebpayFuturesSim(): VenueSim {
  return {
    id: 'zebpay-futures',
    apiHosts: [ZEBPAY_HOST],
    isApiPath: (path) => path.startsWith('/api/v1/'),
    handle(req, ctx) {
      const q = req.path.indexOf('?');
      const pathname = q < 0 ? req.path : req.path.slice(0, q);
      const rawQuery = q < 0 ? '' : req.path.slice(q + 1);
      const route = `${req.method} ${pathname}`;

      if (route === 'GET /api/v1/system/time') return ok({ timestamp: ctx.now() });

      const known = ['/api/v1/trade/order', '/api/v1/trade/order/all', '/api/v1/trade/order/open-orders'];
      if (!known.includes(pathname)) return reply(404, 'Not Found');
      if (!['DELETE /api/v1/trade/order', 'GET /api/v1/trade/order', 'GET /api/v1/trade/order/open-orders', 'DELETE /api/v1/trade/order/all'].includes(route)) {
        return reply(405, 'Method Not Allowed');
      }
      // The docs list Content-Type: application/json as required on every private call, GET included.
      if (!jsonContentType(req)) return badRequest('Content-Type must be application/json');

      if (req.method === 'DELETE') {
        const { auth, body } = authBody(req, ctx);
        if ('fail' in auth) return auth.fail;
        if (pathname === '/api/v1/trade/order/all') {
          const extra = Object.keys(body ?? {}).filter((k) => k !== 'timestamp');
          if (extra.length > 0 || (auth.mode === 'jwt' && req.body !== '' && req.body !== '{}')) return badRequest('Unexpected body fields');
          const cancelled = [...ctx.orders.values()].filter(isOpen);
          // One order that refuses refuses the whole call: nothing is cancelled.
          const refused = cancelled.map(refusalOf).find((r) => r !== undefined);
          if (refused) return refused;
          for (const order of cancelled) order.status = 'cancelled';
          return ok(cancelled.map((o) => ({ clientOrderId: o.id, status: 'canceled', symbol: o.symbol })));
        }
        if (!body) return badRequest('Request body must be a JSON object');
        const unexpected = Object.keys(body).filter((k) => !['clientOrderId', 'symbol', 'timestamp'].includes(k));
        if (unexpected.length > 0) return badRequest(`Unexpected field ${unexpected[0]}`);
        if (typeof body.clientOrderId !== 'string' || body.clientOrderId === '') return badRequest('clientOrderId is required');
        if (body.symbol !== undefined && typeof body.symbol !== 'string') return badRequest('Invalid symbol parameter provided.');
        return cancelOne(ctx, body.clientOrderId, body.symbol as string | undefined);
      }

      const pairs = parsePairs(rawQuery);
      if (!pairs) return badRequest('Malformed query string');
      const auth = authQuery(req, ctx, rawQuery, pairs);
      if ('fail' in auth) return auth.fail;
      const params = new Map(pairs);

      if (pathname === '/api/v1/trade/order') {
        const id = params.get('id');
        if (!id) return badRequest('id is required');
        const order = ctx.orders.get(id);
        return order ? ok(orderJson(order)) : reply(400, notFound(), {}, NOT_FOUND_CODE);
      }

      const symbol = params.get('symbol');
      if (!symbol) return badRequest('symbol is required');
      const since = Number(params.get('since') ?? 0);
      const limit = Number(params.get('limit') ?? 100);
      if (!Number.isFinite(since) || !Number.isInteger(limit) || limit < 1) return badRequest('Invalid limit or since');
      const open = [...ctx.orders.values()]
        .filter((o) => isOpen(o) && o.symbol === symbol && o.createdAtMs >= since)
        .sort((a, b) => a.createdAtMs - b.createdAtMs);
      const items = open.slice(0, limit).map(orderJson);
      const lastItem = items[items.length - 1];
      return ok({ items, totalCount: open.length, nextTimestamp: open.length > limit && lastItem ? lastItem.timestamp + 1 : null });
    },
  };
}
