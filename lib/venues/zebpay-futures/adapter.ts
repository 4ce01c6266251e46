// ZebPay Futures (shared/venues/zebpay-futures.md). Orders are cancelled by clientOrderId, with
// either an HMAC-signed API key (timestamp inside the signed body or query) or a JWT bearer token.
import { clockTime } from '../../token-expiry';
import { z } from 'zod';
import { hmacSha256Hex } from '../../crypto/hmac';
import { asciiToken, badPage, firstIssue, isExpired, jwtExpiryMs, jwtPayload, keyPrefix, missingField, query, refuse, str } from '../common';
import { zebpayFutures as descriptor } from './descriptor';
import type { BuildInput, Built, HttpRequest, ListInput, VenueAdapter } from '../types';
import { parseCancel, parseCancelAll, parseLookup, parseOpenOrders, parseServerTime } from './parse';

const ORIGIN = 'https://futuresbe.zebpay.com';
const NAME = descriptor.name;
const SYMBOL = /^[A-Za-z0-9]{2,32}$/;
// encodeURIComponent throws on these, and they cannot be an id anyone typed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const zebpayFuturesCredentialsSchema = z.discriminatedUnion('authKind', [
  z.object({
    authKind: z.literal('apiKey'),
    apiKey: asciiToken(1, 256),
    // Any Unicode: it is only ever the HMAC key, as UTF-8 bytes.
    secretKey: z.string().min(1),
  }),
  z.object({
    authKind: z.literal('jwt'),
    jwt: z
      .string()
      .max(16_384)
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'three base64url parts separated by dots'),
  }),
]);
export type ZebpayFuturesCredentials = z.infer<typeof zebpayFuturesCredentialsSchema>;

export const zebpayFuturesOrderSchema = z.object({
  clientOrderId: z.string().min(1).max(128),
  symbol: z.string().regex(SYMBOL, '2–32 letters or digits').optional(),
});
export type ZebpayFuturesOrder = z.infer<typeof zebpayFuturesOrderSchema>;

type Input<O> = BuildInput<O, ZebpayFuturesCredentials>;
type Auth = { ok: ZebpayFuturesCredentials } | { refused: Built };

function checkCredentials(credentials: unknown, nowMs: number): Auth {
  const parsed = zebpayFuturesCredentialsSchema.safeParse(credentials);
  if (!parsed.success) {
    return {
      refused: refuse({ kind: 'auth-failed', message: `${NAME} credentials are incomplete (${firstIssue(parsed.error)}) — fix them in Settings` }),
    };
  }
  const jwtExpiry = parsed.data.authKind === 'jwt' ? jwtExpiryMs(jwtPayload(parsed.data.jwt)) : undefined;
  if (isExpired(jwtExpiry, nowMs)) {
    return { refused: refuse({ kind: 'auth-failed', message: `${NAME} login token (JWT) expired at ${clockTime(jwtExpiry!)} — paste a new one in Settings` }) };
  }
  return { ok: parsed.data };
}

type Field<T> = { ok: T } | { refused: Built };

function checkClientOrderId(value: unknown): Field<string> {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) return { refused: missingField('clientOrderId') };
  if (LONE_SURROGATE.test(value)) {
    return { refused: refuse({ kind: 'rejected', code: 'QC_BAD_ORDER_ID', message: 'The client order id contains invalid characters' }) };
  }
  return { ok: value };
}

/** Optional symbol: absent (undefined, null or '') is fine; anything else must look like BTCUSDT. */
function checkSymbol(value: unknown): Field<string | undefined> {
  if (value === undefined || value === null || value === '') return { ok: undefined };
  if (typeof value !== 'string' || !SYMBOL.test(value)) {
    return { refused: refuse({ kind: 'rejected', code: 'QC_BAD_SYMBOL', message: 'The symbol must be 2–32 letters or digits, like BTCUSDT' }) };
  }
  // The official clients upper-case it before signing.
  return { ok: value.toUpperCase() };
}

const ms = (nowMs: number) => Math.floor(nowMs);
const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** API-key mode signs exactly the body it sends; JWT mode signs nothing. */
async function withBody(
  credentials: ZebpayFuturesCredentials,
  path: string,
  fields: Record<string, string | number>,
  nowMs: number,
  emptyBodyForJwt: boolean,
): Promise<HttpRequest> {
  const url = `${ORIGIN}${path}`;
  if (credentials.authKind === 'jwt') {
    const body = emptyBodyForJwt ? null : JSON.stringify(fields);
    return { method: 'DELETE', url, headers: { Authorization: `Bearer ${credentials.jwt}`, ...jsonHeaders }, body };
  }
  // timestamp goes last, as a JSON number, inside the signed body (section 4, Variant A).
  const body = JSON.stringify({ ...fields, timestamp: ms(nowMs) });
  const signature = await hmacSha256Hex(credentials.secretKey, body);
  return {
    method: 'DELETE',
    url,
    headers: { 'x-auth-apikey': credentials.apiKey, 'x-auth-signature': signature, ...jsonHeaders },
    body,
  };
}

/** GET: the query string is both the signed message and the URL's query, timestamp last (section 5). */
async function withQuery(credentials: ZebpayFuturesCredentials, path: string, pairs: Array<[string, string]>, nowMs: number): Promise<HttpRequest> {
  if (credentials.authKind === 'jwt') {
    return { method: 'GET', url: `${ORIGIN}${path}?${query(pairs)}`, headers: { Authorization: `Bearer ${credentials.jwt}`, ...jsonHeaders }, body: null };
  }
  const qs = query([...pairs, ['timestamp', ms(nowMs)]]);
  const signature = await hmacSha256Hex(credentials.secretKey, qs);
  return {
    method: 'GET',
    url: `${ORIGIN}${path}?${qs}`,
    headers: { 'x-auth-apikey': credentials.apiKey, 'x-auth-signature': signature, ...jsonHeaders },
    body: null,
  };
}

const orderOf = (order: unknown): Record<string, unknown> =>
  typeof order === 'object' && order !== null ? (order as Record<string, unknown>) : {};

export const zebpayFutures: VenueAdapter<ZebpayFuturesOrder, ZebpayFuturesCredentials> = {
  id: descriptor.id,
  name: NAME,
  idField: 'clientOrderId',
  idPattern: descriptor.ids.pattern,
  idHint: descriptor.ids.hint,
  resolveWith: 'lookup',
  // Any symbol proves the keys; BTCUSDT is the one ZebPay's own examples use.
  connectionCheck: { order: { symbol: 'BTCUSDT' }, scope: 'on BTCUSDT (ZebPay lists open orders one symbol at a time)' },
  // The venue allows 3/s per key across all endpoints; staying at 2/s leaves room for the web app.
  rateLimit: { burst: 2, perSecond: 2 },
  serverTime: {
    build: () => ({ method: 'GET', url: `${ORIGIN}/api/v1/system/time`, headers: { Accept: 'application/json' }, body: null }),
    parse: parseServerTime,
  },
  pageMatches: descriptor.pageMatches,
  apiOrigins: descriptor.apiOrigins,
  credentialsSchema: zebpayFuturesCredentialsSchema,
  describeCredentials(c) {
    if (c.authKind !== 'jwt') return { label: `API key ${keyPrefix(str(c.apiKey))}` };
    const expiresAtMs = jwtExpiryMs(jwtPayload(str(c.jwt)));
    return expiresAtMs === undefined ? { label: 'JWT' } : { label: 'JWT', expiresAtMs };
  },

  cancel: {
    async build({ order, credentials, nowMs }: Input<ZebpayFuturesOrder>): Promise<Built> {
      const auth = checkCredentials(credentials, nowMs);
      if ('refused' in auth) return auth.refused;
      const fields = orderOf(order);
      const id = checkClientOrderId(fields.clientOrderId);
      if ('refused' in id) return id.refused;
      const symbol = checkSymbol(fields.symbol);
      if ('refused' in symbol) return symbol.refused;
      const body: Record<string, string> = { clientOrderId: id.ok };
      if (symbol.ok !== undefined) body.symbol = symbol.ok;
      return { request: await withBody(auth.ok, '/api/v1/trade/order', body, nowMs, false) };
    },
    parse: (res, input) => parseCancel(res, input?.credentials, input?.nowMs ?? 0),
  },

  lookup: {
    async build({ order, credentials, nowMs }: Input<Partial<ZebpayFuturesOrder>>): Promise<Built> {
      const auth = checkCredentials(credentials, nowMs);
      if ('refused' in auth) return auth.refused;
      const id = checkClientOrderId(orderOf(order).clientOrderId);
      if ('refused' in id) return id.refused;
      return { request: await withQuery(auth.ok, '/api/v1/trade/order', [['id', id.ok]], nowMs) };
    },
    parse: (res, input) => {
      const id = orderOf(input?.order).clientOrderId;
      return parseLookup(res, input?.credentials, input?.nowMs ?? 0, typeof id === 'string' ? id : '');
    },
  },

  openOrders: {
    async build({ order, credentials, nowMs }: Input<ListInput<ZebpayFuturesOrder>>): Promise<Built> {
      const auth = checkCredentials(credentials, nowMs);
      if ('refused' in auth) return auth.refused;
      const symbol = checkSymbol(orderOf(order).symbol);
      if ('refused' in symbol) return symbol.refused;
      // The venue lists open orders per symbol only.
      if (symbol.ok === undefined) return missingField('symbol');
      const pairs: Array<[string, string]> = [['symbol', symbol.ok]];
      // A page after the first: `since`, the nextTimestamp the page before gave (parse.ts).
      const page = order?.page;
      if (page !== undefined) {
        const bad = badPage(page);
        if (bad) return bad;
        pairs.push(['since', page]);
      }
      return { request: await withQuery(auth.ok, '/api/v1/trade/order/open-orders', pairs, nowMs) };
    },
    parse: (res, input) => parseOpenOrders(res, input?.credentials, input?.nowMs ?? 0),
  },

  cancelAll: {
    async build({ credentials, nowMs }: Input<Record<string, never>>): Promise<Built> {
      const auth = checkCredentials(credentials, nowMs);
      if ('refused' in auth) return auth.refused;
      // API key: {"timestamp":n} signed, never empty; JWT: no body at all.
      return { request: await withBody(auth.ok, '/api/v1/trade/order/all', {}, nowMs, true) };
    },
    parse: (res, input) => parseCancelAll(res, input?.credentials, input?.nowMs ?? 0),
  },
};

export const adapters = [zebpayFutures];
