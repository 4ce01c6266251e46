// CoinSwitch PRO Spot v2, as shared/venues/coinswitch.md describes it. Independent of the adapter:
// node:crypto verifies the Ed25519 signature over METHOD + URL-decoded path+query + X-AUTH-EPOCH,
// recomputed from the bytes received. The simulator holds only the public key.
import { createHash, createPrivateKey, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { fieldOrder, wording } from './fuzz';
import type { SimOrder, SimRequest, SimResponse, VenueContext, VenueSim } from '../types';

const BASE = '/trade/api/v2';
// The venue rejects beyond 60 s of drift (spec section 8); the simulator uses the same window.
const EPOCH_WINDOW_MS = 60_000;
// "Wait a few hundred ms" (spec section 6): how long CANCELLATION_RAISED lasts before CANCELLED.
const CANCEL_SETTLE_MS = 300;
const PAGE_SIZE = 25;

// A made-up seed, derived from a label so nothing here resembles a real key.
const TEST_SEED = createHash('sha256').update('quickcancel coinswitch simulator test seed').digest();
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const TEST_PUBLIC_KEY = createPublicKey(createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, TEST_SEED]), format: 'der', type: 'pkcs8' }));
const TEST_PUBLIC_HEX = Buffer.from(TEST_PUBLIC_KEY.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

/** Made-up credentials the simulator accepts (the tests sign with the seed; the sim never uses it). */
export const COINSWITCH_TEST_CREDENTIALS = {
  apiKey: TEST_PUBLIC_HEX,
  secretKey: TEST_SEED.toString('hex'),
} as const;

const json = (status: number, value: unknown): SimResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(fieldOrder(value)),
});
const error = (status: number, message: string) => json(status, { message });
const invalidAccess = () => error(401, 'Invalid Access');

function wireStatus(order: SimOrder): string {
  switch (order.status) {
    case 'open':
      return order.filled > 0 ? 'PARTIALLY_EXECUTED' : 'OPEN';
    case 'cancelling':
      return 'CANCELLATION_RAISED';
    case 'cancelled':
      return 'CANCELLED';
    case 'filled':
      return 'EXECUTED';
    case 'rejected':
      return 'DISCARDED';
    case 'expired':
      return 'EXPIRED';
  }
}

function wireOrder(order: SimOrder) {
  return {
    order_id: order.id,
    ...(order.extra.clientOrderId !== undefined ? { client_order_id: String(order.extra.clientOrderId) } : {}),
    symbol: order.symbol,
    price: order.price,
    average_price: order.filled > 0 ? order.price : 0,
    orig_qty: order.quantity,
    executed_qty: order.filled,
    status: wireStatus(order),
    side: order.side,
    exchange: String(order.extra.exchange ?? 'coinswitchx'),
    order_source: 'API_TRADING',
    created_time: order.createdAtMs,
    updated_time: Number(order.extra.updatedTime ?? order.createdAtMs),
  };
}

// The cancel document names the case ("a brief processing state (e.g. just placed but not yet
// acknowledged by the exchange)") but not its words: several plausible ones, in turn.
const PROCESSING_TEXTS = [
  'Order is being processed, please retry after some time',
  'Order not yet acknowledged by the exchange',
  'Unable to cancel order at this moment',
];
let processingCount = 0;

/**
 * Whether the order is still "just placed": until `forMs` after the first request that names it
 * under the mode — so a test's own pace does not decide whether the case happens.
 */
function justPlaced(order: SimOrder, ctx: VenueContext, answer: 'processing' | 'not-found'): boolean {
  const mode = ctx.modes().justPlaced;
  if (mode?.answer !== answer) return false;
  const seen = (firstSeen.get(order) ?? firstSeen.set(order, ctx.now()).get(order))!;
  return ctx.now() - seen < mode.forMs;
}
const firstSeen = new WeakMap<SimOrder, number>();

/** The `justPlaced: not-found` mode: a just-placed order the API does not know yet. */
const notYetKnown = (order: SimOrder, ctx: VenueContext) => justPlaced(order, ctx, 'not-found');

/** The `justPlaced: processing` mode: the cancel of a just-placed, open order is refused for now. */
function processing(order: SimOrder, ctx: VenueContext): SimResponse | undefined {
  if (order.status !== 'open' || !justPlaced(order, ctx, 'processing')) return undefined;
  return error(400, PROCESSING_TEXTS[processingCount++ % PROCESSING_TEXTS.length]!);
}

/** The venue decodes `+` as a space and %XX escapes before checking the signature. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function decodedParams(query: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  if (!query) return out;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) return undefined;
    out.set(key, value);
  }
  return out;
}

/** undefined when the request is authentic; otherwise the venue's 401. */
function authenticate(req: SimRequest, ctx: VenueContext, publicKey: KeyObject, publicHex: string): SimResponse | undefined {
  const apiKey = req.headers['x-auth-apikey'];
  const signature = req.headers['x-auth-signature'];
  const epoch = req.headers['x-auth-epoch'];
  // A missing header gets the plain answer: naming the epoch here would read as clock skew.
  if (!apiKey || !signature || !epoch) return invalidAccess();
  if (!/^\d{1,16}$/.test(epoch) || Math.abs(ctx.now() - Number(epoch)) > EPOCH_WINDOW_MS) {
    return error(401, 'Request expired: X-AUTH-EPOCH is outside the allowed time window');
  }
  // One pair is active at a time; an "expired token" here means the pair was replaced.
  if (ctx.tokenExpired() || apiKey.toLowerCase() !== publicHex) return invalidAccess();
  if (!/^[0-9a-fA-F]{128}$/.test(signature)) return invalidAccess();
  const decodedPath = decode(req.path);
  if (decodedPath === undefined) return invalidAccess();
  const message = Buffer.from(req.method + decodedPath + epoch, 'utf8');
  if (!verify(null, message, publicKey, Buffer.from(signature, 'hex'))) return invalidAccess();
  return undefined;
}

function cancel(req: SimRequest, ctx: VenueContext): SimResponse {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return error(400, 'Content-Type must be application/json');
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return error(400, 'Invalid JSON body');
  }
  const orderId = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).order_id : undefined;
  if (typeof orderId !== 'string' || orderId === '') return error(400, 'order_id is required');
  const order = ctx.orders.get(orderId);
  // The document lists when a cancel is refused but gives no wording for any of it.
  if (!order || notYetKnown(order, ctx)) return error(400, wording(['Order not found', 'Order does not exist', 'Invalid order_id']));
  const busy = processing(order, ctx);
  if (busy) return busy;
  if (order.status === 'cancelling') return error(400, wording(['Order is in CANCELLATION_RAISED state; wait for it to complete', 'Cancellation already raised for this order', 'Order cannot be cancelled at this moment']));
  if (order.status !== 'open') return error(400, wording([`Order is already ${wireStatus(order)}`, 'Order cannot be cancelled', `Order cannot be cancelled in status ${wireStatus(order)}`]));
  order.status = 'cancelling';
  order.extra.updatedTime = ctx.now();
  ctx.later(CANCEL_SETTLE_MS, () => {
    // The exchange may have filled it meanwhile; only a still-raised cancel completes.
    if (order.status !== 'cancelling') return;
    order.status = 'cancelled';
    order.extra.updatedTime = ctx.now();
  });
  return json(200, { data: wireOrder(order) });
}

function getOrder(params: Map<string, string>, ctx: VenueContext): SimResponse {
  const orderId = params.get('order_id');
  const clientOrderId = params.get('client_order_id');
  if (!orderId && !clientOrderId) return error(400, 'order_id or client_order_id is required');
  const order = orderId
    ? ctx.orders.get(orderId)
    : [...ctx.orders.values()].find((o) => o.extra.clientOrderId !== undefined && String(o.extra.clientOrderId) === clientOrderId);
  if (!order || notYetKnown(order, ctx)) return error(400, 'Order not found');
  return json(200, { data: wireOrder(order) });
}

function listOrders(params: Map<string, string>, ctx: VenueContext): SimResponse {
  const open = params.get('open');
  if (open !== undefined && open !== 'true' && open !== 'false') return error(400, 'open must be true or false');
  const list = (name: string) => params.get(name)?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const exchanges = list('exchanges');
  const symbols = list('symbols');
  const count = params.has('count') ? Number(params.get('count')) : PAGE_SIZE;
  if (!Number.isInteger(count) || count < 1) return error(400, 'count must be a positive integer');
  // List Orders' time filters: created at or after from_time, at or before to_time (Unix ms).
  const time = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const fromTime = time('from_time');
  const toTime = time('to_time');
  if ([fromTime, toTime].some((t) => t !== undefined && !Number.isInteger(t))) return error(400, 'from_time and to_time must be integers');
  const live = (o: SimOrder) => o.status === 'open' || o.status === 'cancelling';
  const orders = [...ctx.orders.values()]
    .filter((o) => !ctx.modes().justPlaced || !notYetKnown(o, ctx))
    .filter((o) => (open === 'true' ? live(o) : open === 'false' ? !live(o) : true))
    .filter((o) => !exchanges || exchanges.includes(String(o.extra.exchange ?? 'coinswitchx').toLowerCase()))
    .filter((o) => !symbols || symbols.includes(o.symbol.toLowerCase()))
    .filter((o) => (fromTime === undefined || o.createdAtMs >= fromTime) && (toTime === undefined || o.createdAtMs <= toTime))
    .sort((a, b) => b.createdAtMs - a.createdAtMs)
    .slice(0, count)
    .map(wireOrder);
  return json(200, { data: { orders } });
}

export function createCoinswitchSim(): VenueSim {
  return {
    id: 'coinswitch',
    apiHosts: ['coinswitch.co'],
    isApiPath: (path) => path.startsWith(`${BASE}/`),
    handle(req, ctx) {
      const q = req.path.indexOf('?');
      const pathname = q < 0 ? req.path : req.path.slice(0, q);
      const query = q < 0 ? '' : req.path.slice(q + 1);
      const route = `${req.method} ${pathname}`;
      const known = [`DELETE ${BASE}/order`, `GET ${BASE}/order`, `GET ${BASE}/orders`, `GET ${BASE}/time`];
      if (!known.includes(route)) {
        return [`${BASE}/order`, `${BASE}/orders`, `${BASE}/time`].includes(pathname) ? error(405, 'Method not allowed') : error(404, 'Resource not found');
      }
      // The time endpoint answers without auth (spec section 8).
      if (route === `GET ${BASE}/time`) return json(200, { serverTime: ctx.now() });

      const denied = authenticate(req, ctx, TEST_PUBLIC_KEY, TEST_PUBLIC_HEX);
      if (denied) return denied;
      if (req.method === 'DELETE') return cancel(req, ctx);
      if (req.body !== '') return error(400, 'GET requests take no body');
      const params = decodedParams(query);
      if (!params) return error(400, 'Malformed query string');
      return pathname === `${BASE}/order` ? getOrder(params, ctx) : listOrders(params, ctx);
    },
  };
}
