// ZebPay Futures: response → result (shared/venues/zebpay-futures.md sections 6 and 7).
// Pure and total: every function here returns a result for any status and any body.
import { describeResponse, firstRules, isRecord, num, otherIds, parseJson, str } from '../common';
import type { CancelOutcome, HttpResponse, OrderView, OrdersResult } from '../types';

const NAME = 'ZebPay Futures';
const NOT_FOUND_CODE = 3013;
const SYMBOL = /^[A-Za-z0-9]{2,32}$/;
// ccxt's unified terminal words plus the raw CANCELED; compared in lower case.
const TERMINAL = new Set(['filled', 'canceled', 'cancelled', 'closed', 'rejected', 'expired']);
const OPEN = new Set(['new', 'open']);

interface Envelope {
  data: unknown;
  description: string;
  statusCode: string;
  texts: string[];
}

/** The { statusDescription, data, statusCode, customMessage[] } envelope, or undefined for non-JSON / non-objects. */
function envelope(body: string): Envelope | undefined {
  const json = parseJson(body);
  if (!isRecord(json)) return undefined;
  const custom = Array.isArray(json.customMessage) ? json.customMessage.map(str).filter(Boolean) : [str(json.customMessage)];
  const description = str(json.statusDescription).slice(0, 200);
  const texts = [description, str(json.message), str(json.error), ...custom].filter(Boolean);
  return { data: json.data, description, statusCode: str(json.statusCode), texts };
}

const authKindOf = (credentials: unknown): string =>
  isRecord(credentials) && typeof credentials.authKind === 'string' ? credentials.authKind : 'apiKey';

/** "Not found / already closed": statusCode 3013 or the wording ccxt maps to OrderNotFound (UNCONFIRMED). */
function isGone(env: Envelope | undefined): boolean {
  if (!env) return false;
  if (env.statusCode === String(NOT_FOUND_CODE)) return true;
  return env.texts.some((t) => /not\s*found|does\s*not\s*exist|already/i.test(t));
}

/**
 * The rows every operation shares: no answer / 5xx, 401, 403, 429 and unexpected statuses.
 * Returns undefined for 2xx, 400 and 404, which each operation reads itself.
 */
function commonFailure(res: HttpResponse, credentials: unknown, nowMs: number, what: string): CancelOutcome | undefined {
  const first = firstRules(res, nowMs, {
    noAnswer: what,
    auth: () => authFailed(res, credentials),
    rateLimitMessage: `${NAME} is rate-limiting requests; waiting before retrying`,
  });
  if (first) return first;
  if (res.status >= 200 && res.status < 300) return undefined;
  if (res.status === 400 || res.status === 404) return undefined;
  if (res.status >= 400) {
    const env = envelope(res.body);
    return { kind: 'rejected', code: `HTTP_${res.status}`, message: env?.description || `${NAME} refused the request (${describeResponse(res)})` };
  }
  return { kind: 'unknown', message: `${describeResponse(res)}; ${what}` };
}

/** 401 and 403: the key, the token or what the key may do. */
function authFailed(res: HttpResponse, credentials: unknown): CancelOutcome | undefined {
  if (res.status === 401) {
    // The skew window is undocumented, so any 401 may be a clock problem: the engine resyncs and retries once.
    const message =
      authKindOf(credentials) === 'jwt'
        ? `${NAME} rejected the login token (JWT) — it may have expired; paste a new one in Settings`
        : `${NAME} rejected the API key or signature — check the key and secret in Settings (a wrong clock can also cause this)`;
    return { kind: 'auth-failed', message, clockSkew: true };
  }
  if (res.status === 403) {
    // 403 covers a missing scope, an IP binding and account gates; the venue's words tell them apart.
    const said = envelope(res.body)?.description;
    return {
      kind: 'auth-failed',
      message: `${NAME} refused the request${said ? ` ("${said}")` : ''}: the key may lack the futures:trading permission or be bound to another IP address — check it in Settings`,
    };
  }
  return undefined;
}

/** 400/404 that is not "gone". */
function refusal(res: HttpResponse, env: Envelope | undefined): CancelOutcome {
  // ZebPay's newer error-handling page answers a bad signature or a stale timestamp with 400, not
  // 401 as the spec's table says: read either as what it is, so a skewed clock still gets a resync.
  const said = env?.texts.join(' ') ?? '';
  if (res.status === 400 && /timestamp/i.test(said)) {
    return { kind: 'auth-failed', clockSkew: true, message: `${NAME} rejected the request's timestamp (${env?.description || 'stale'}) — resyncing the clock` };
  }
  if (res.status === 400 && /signature/i.test(said)) {
    return { kind: 'auth-failed', message: `${NAME} rejected the signature — check the API key and secret in Settings` };
  }
  if (res.status === 400) {
    return {
      kind: 'rejected',
      code: env?.statusCode || 'HTTP_400',
      message: env?.description || `${NAME} refused the request (${describeResponse(res)})`,
    };
  }
  return { kind: 'rejected', code: 'HTTP_404', message: env?.description || `${NAME} does not know this request (${describeResponse(res)})` };
}

const MAYBE = 'the cancel may or may not have happened — checking the order';

/**
 * The reply to judge by. The document's own examples call a cancel done only when the body's
 * statusCode is 200 or 201, whatever the HTTP status: a 2xx whose body carries another code is
 * read as if that code were the HTTP status (3013, the not-found code, as a 400). Undefined when
 * the body's code is neither a success nor an HTTP error: nothing final can be read from it.
 */
function judged(res: HttpResponse): HttpResponse | undefined {
  if (res.transportError || res.status < 200 || res.status >= 300) return res;
  const json = parseJson(res.body);
  const raw = isRecord(json) ? json.statusCode : undefined;
  if (raw === undefined || raw === null) return res;
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  const code = typeof raw === 'number' ? raw : /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (code === 200 || code === 201) return res;
  if (code === NOT_FOUND_CODE) return { ...res, status: 400 };
  if (Number.isInteger(code) && code >= 400 && code <= 599) return { ...res, status: code };
  return undefined;
}

/** A 2xx whose body's statusCode says neither success nor an HTTP error: never final, the engine looks. */
function unreadableCode(res: HttpResponse, what: string): CancelOutcome {
  const env = envelope(res.body);
  const json = parseJson(res.body);
  const code = isRecord(json) ? String(json.statusCode).slice(0, 20) : '';
  const said = env?.description ? ` ("${env.description}")` : '';
  return { kind: 'unknown', message: `${NAME} answered HTTP ${res.status} with statusCode ${code}${said}; ${what}` };
}

/** Cancel: section 6, top to bottom. */
export function parseCancel(reply: HttpResponse, credentials: unknown, nowMs: number): CancelOutcome {
  const res = judged(reply);
  if (!res) return unreadableCode(reply, MAYBE);
  const failure = commonFailure(res, credentials, nowMs, MAYBE);
  if (failure) return failure;
  const env = envelope(res.body);
  if (res.status === 400 || res.status === 404) {
    // 3013 and these words are a ccxt hint (UNCONFIRMED), never final: the engine looks the order up.
    if (isGone(env)) return { kind: 'unknown', message: `${NAME}: the order is already closed or was not found`, refusal: { reason: 'gone', code: env?.statusCode.slice(0, 20) || `HTTP_${res.status}` } };
    return refusal(res, env);
  }
  if (!env) return { kind: 'unknown', message: `${describeResponse(res)}; ${MAYBE}` };
  const data = isRecord(env.data) ? env.data : {};
  const info = isRecord(data.info) ? data.info : {};
  if (info.success === false) {
    return { kind: 'rejected', code: 'ZEBPAY_CANCEL_FAILED', message: env.description || `${NAME} could not cancel the order` };
  }
  const status = str(data.status);
  const infoStatus = str(info.status);
  if (/^cancell?ed$/i.test(status) || infoStatus.toUpperCase() === 'CANCELED') {
    return { kind: 'cancelled', message: `${NAME} cancelled the order`, venueStatus: status || infoStatus };
  }
  return {
    kind: 'pending',
    message: `${NAME} accepted the cancel${status ? ` (status "${status.slice(0, 40)}")` : ''}; checking the order`,
    ...(status ? { venueStatus: status } : {}),
  };
}

/** Cancel-all: the list of cancelled orders; an empty list means nothing was open. */
export function parseCancelAll(reply: HttpResponse, credentials: unknown, nowMs: number): CancelOutcome {
  const res = judged(reply);
  if (!res) return unreadableCode(reply, 'some orders may or may not have been cancelled — checking open orders');
  const failure = commonFailure(res, credentials, nowMs, 'some orders may or may not have been cancelled — checking open orders');
  if (failure) return failure;
  const env = envelope(res.body);
  if (res.status === 400 || res.status === 404) {
    if (isGone(env)) return { kind: 'already-closed', message: `${NAME}: there were no open orders to cancel` };
    return refusal(res, env);
  }
  if (!env) return { kind: 'unknown', message: `${describeResponse(res)}; some orders may or may not have been cancelled — checking open orders` };
  if (!Array.isArray(env.data)) return { kind: 'pending', message: `${NAME} accepted cancel-all; checking open orders` };
  if (env.data.length === 0) return { kind: 'already-closed', message: `${NAME}: there were no open orders to cancel` };
  const n = env.data.length;
  return { kind: 'cancelled', message: `${NAME} cancelled ${n} open order${n === 1 ? '' : 's'}` };
}

/** Section 7: terminal words close; "new"/"open" and anything with quantity left stay open. */
function stateOf(status: string, remaining: number | undefined, listedAsOpen: boolean): OrderView['state'] {
  const s = status.toLowerCase();
  if (TERMINAL.has(s)) return 'closed';
  if (listedAsOpen || OPEN.has(s)) return 'open';
  return remaining === 0 ? 'closed' : 'open';
}

/**
 * Section 5's `filled` is what the exchange executed; `remaining` alone may be 0 on an order that
 * was cancelled with nothing filled (as in ccxt's unified order), so `amount − filled` comes first.
 */
function remainingOf(amount: number | undefined, filled: number | undefined, remaining: number | undefined): number | undefined {
  if (amount !== undefined && filled !== undefined && filled >= 0 && filled <= amount) return Number.parseFloat((amount - filled).toPrecision(15));
  return remaining;
}

function toView(raw: unknown, listedAsOpen: boolean, fallbackKey?: string): OrderView | undefined {
  if (!isRecord(raw)) return undefined;
  const key = str(raw.clientOrderId) || fallbackKey || '';
  if (!key) return undefined;
  const info = isRecord(raw.info) ? raw.info : {};
  const venueStatus = str(raw.status) || str(info.status);
  const symbol = str(raw.symbol);
  const remaining = remainingOf(num(raw.amount), num(raw.filled), num(raw.remaining));
  const view: OrderView = {
    key,
    state: stateOf(venueStatus, num(raw.remaining), listedAsOpen),
    venueStatus,
    // A symbol the cancel would refuse is left out of cancelFields: it is optional there.
    cancelFields: { clientOrderId: key, ...(SYMBOL.test(symbol) ? { symbol: symbol.toUpperCase() } : {}) },
    ...otherIds(key, str(raw.id)),
  };
  if (symbol) view.symbol = symbol;
  const side = str(raw.side);
  if (side) view.side = side.toUpperCase();
  const orderType = str(raw.type);
  if (orderType) view.orderType = orderType.toUpperCase();
  const price = num(raw.price);
  if (price !== undefined) view.price = price;
  const quantity = num(raw.amount);
  if (quantity !== undefined) view.quantity = quantity;
  if (remaining !== undefined) view.remaining = remaining;
  const created = num(raw.timestamp);
  if (created !== undefined) view.createdAtMs = created;
  return view;
}

const views = (items: unknown[], listedAsOpen: boolean): OrderView[] =>
  items.map((item) => toView(item, listedAsOpen)).filter((v): v is OrderView => v !== undefined);

/** Lookup by clientOrderId: data is one Order; "not found" is zero orders. */
export function parseLookup(reply: HttpResponse, credentials: unknown, nowMs: number, clientOrderId: string): OrdersResult {
  const res = judged(reply);
  if (!res) return unreadableCode(reply, 'could not read the order');
  const failure = commonFailure(res, credentials, nowMs, 'could not read the order');
  if (failure) return failure;
  const env = envelope(res.body);
  if (res.status === 400 || res.status === 404) return isGone(env) ? { orders: [] } : refusal(res, env);
  if (!env) return { kind: 'unknown', message: `${describeResponse(res)}; could not read the order` };
  const data = env.data;
  if (data === null || data === undefined) return { orders: [] };
  if (Array.isArray(data)) return { orders: views(data, false) };
  if (isRecord(data) && Array.isArray(data.items)) return { orders: views(data.items, false) };
  const view = toView(data, false, clientOrderId || undefined);
  return view ? { orders: [view] } : { kind: 'unknown', message: `${NAME} answered the lookup without an order` };
}

/**
 * Where the list goes on: `nextTimestamp`, asked for as the next page's `since`; a `totalCount`
 * beyond what was listed, with no way on, says there are more.
 */
function pageAfter(data: Record<string, unknown>, listed: number): { next?: string; more?: true } {
  const next = num(data.nextTimestamp);
  if (next !== undefined && next > 0) return { next: String(Math.round(next)) };
  const total = num(data.totalCount);
  return total !== undefined && total > listed ? { more: true } : {};
}

/** Open orders: data is { items, totalCount, nextTimestamp }; presence in the list means open. */
export function parseOpenOrders(reply: HttpResponse, credentials: unknown, nowMs: number): OrdersResult {
  const res = judged(reply);
  if (!res) return unreadableCode(reply, 'could not read the open orders');
  const failure = commonFailure(res, credentials, nowMs, 'could not read the open orders');
  if (failure) return failure;
  const env = envelope(res.body);
  if (res.status === 400 || res.status === 404) return isGone(env) ? { orders: [] } : refusal(res, env);
  if (!env) return { kind: 'unknown', message: `${describeResponse(res)}; could not read the open orders` };
  const data = env.data;
  if (data === null || data === undefined) return { orders: [] };
  if (Array.isArray(data)) return { orders: views(data, true) };
  if (isRecord(data) && Array.isArray(data.items)) return { orders: views(data.items, true), ...pageAfter(data, data.items.length) };
  return { kind: 'unknown', message: `${NAME} answered open orders in an unexpected shape` };
}

/** System time: data.timestamp in ms. */
export function parseServerTime(res: HttpResponse): number | undefined {
  if (res.status < 200 || res.status >= 300 || res.transportError) return undefined;
  const env = envelope(res.body);
  const data = env && isRecord(env.data) ? env.data : undefined;
  const t = num(data?.timestamp);
  return t !== undefined && t > 0 ? Math.round(t) : undefined;
}
