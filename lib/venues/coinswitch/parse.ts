// CoinSwitch PRO (Spot) response parsing: shared/venues/coinswitch.md sections 5–7. Pure; never throws.
import { describeResponse, firstRules, isRecord, num, otherIds, parseJson, str } from '../common';
import type { Fill } from '../../model';
import type { CancelOutcome, HttpResponse, OrderView, OrdersResult } from '../types';

const VENUE = 'CoinSwitch PRO';

const IN_FLIGHT = new Set(['CANCELLATION_RAISED', 'EXPIRATION_RAISED']);
const CLOSED = new Set(['EXECUTED', 'CANCELLED', 'EXPIRED', 'DISCARDED']);
// CANCELLED is handled on its own row: the cancel outcome is 'cancelled', not 'already-closed'.
const CLOSED_BY_OTHERS = new Set(['EXECUTED', 'EXPIRED', 'DISCARDED']);

const SKEW_WORDS = /epoch|time|expired/i;
const IN_FLIGHT_WORDS = /CANCELLATION_RAISED|EXPIRATION_RAISED|processing|in progress/i;
const CLOSED_WORDS = /not found|already|executed|expired|filled|cancel+ed|closed/i;
const NOT_FOUND_WORDS = /not found|does not exist|no such|invalid order/i;

/** The venue's `{"message": …}` text, trimmed to something a tooltip can show. */
function venueMessage(json: unknown): string {
  if (!isRecord(json)) return '';
  const text = str(json.message) || (isRecord(json.data) ? str(json.data.message) : '');
  // Control characters would garble the tooltip; the length cap keeps a stray page dump out of it.
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 197)}…` : clean;
}

const said = (message: string) => (message ? ` (CoinSwitch said: ${message})` : '');

/** Rows shared by every operation: no answer, 5xx, 401, 429. */
function commonRows(res: HttpResponse, json: unknown, nowMs: number, noAnswer: string): CancelOutcome | undefined {
  return firstRules(res, nowMs, { noAnswer, auth: () => (res.status === 401 ? authFailed(json) : undefined) });
}

/** A 401: a clock the venue refuses (its words say so) or a key pair it does not accept. */
function authFailed(json: unknown): CancelOutcome {
  const message = venueMessage(json);
  if (SKEW_WORDS.test(message)) {
    return {
      kind: 'auth-failed',
      clockSkew: true,
      message: `${VENUE} rejected the request time — this computer's clock is off; QuickCancel resyncs and retries once${said(message)}`,
    };
  }
  return {
    kind: 'auth-failed',
    message: `${VENUE} rejected the API key or signature — check the key pair in Settings, or generate a new pair${said(message)}`,
  };
}

/** JSON-looking 2xx bodies only; anything else is 'unknown'. */
function jsonOrUnknown(res: HttpResponse, json: unknown, noAnswer: string): CancelOutcome | undefined {
  if (res.status < 200 || res.status >= 300 || !isRecord(json)) {
    return { kind: 'unknown', message: `${describeResponse(res)}; ${noAnswer}` };
  }
  return undefined;
}

export function parseCancel(res: HttpResponse, nowMs: number): CancelOutcome {
  const noAnswer = 'the cancel may or may not have happened — checking the order';
  const json = parseJson(res.body);
  const shared = commonRows(res, json, nowMs, noAnswer);
  if (shared) return shared;

  if (res.status >= 200 && res.status < 300) {
    const bad = jsonOrUnknown(res, json, noAnswer);
    if (bad) return bad;
    const data = (json as Record<string, unknown>).data;
    const status = isRecord(data) ? str(data.status).toUpperCase() : '';
    if (!status) return { kind: 'unknown', message: `${describeResponse(res)}; ${noAnswer}` };
    const filled = fillOfRow(data);
    if (status === 'CANCELLED') return { kind: 'cancelled', venueStatus: status, message: 'Cancelled', ...filled };
    if (status === 'CANCELLATION_RAISED') {
      return { kind: 'pending', venueStatus: status, message: 'Cancel requested; waiting for the exchange to confirm (the order may still fill)', ...filled };
    }
    if (CLOSED_BY_OTHERS.has(status)) {
      return { kind: 'already-closed', venueStatus: status, message: `The order is already ${status.toLowerCase()}`, ...filled };
    }
    return { kind: 'pending', venueStatus: status, message: `CoinSwitch answered with status ${status}; checking the order` };
  }

  if (res.status >= 400 && res.status < 500) {
    // Section 6: whatever the refusal says, the document's answer is "retry after a few hundred
    // milliseconds and check the order's current status with Get Order": nothing here is final.
    // The words only say what to expect, for the message and the engine's first guess.
    const message = venueMessage(json);
    const reason = IN_FLIGHT_WORDS.test(message) ? 'busy' : CLOSED_WORDS.test(message) ? 'gone' : 'refused';
    return {
      kind: 'unknown',
      message: message ? `${VENUE} refused the cancel${said(message)}` : `${VENUE} refused the cancel (${describeResponse(res)})`,
      refusal: { reason, code: `HTTP_${res.status}` },
    };
  }
  // 1xx/3xx: the service worker never follows redirects, so nothing is known about the cancel.
  return { kind: 'unknown', message: `${describeResponse(res)}; ${noAnswer}` };
}

function stateOf(status: string): OrderView['state'] {
  if (IN_FLIGHT.has(status)) return 'in-flight';
  if (CLOSED.has(status)) return 'closed';
  // OPEN, PARTIALLY_EXECUTED and anything new: offering a cancel is harmless, the venue decides.
  return 'open';
}

/** Subtraction of decimal quantities without binary noise (0.3 − 0.1 → 0.2). */
const difference = (a: number, b: number): number => Number.parseFloat((a - b).toPrecision(15));

export function orderView(raw: unknown): OrderView | undefined {
  if (!isRecord(raw)) return undefined;
  const key = str(raw.order_id);
  if (!key) return undefined;
  const venueStatus = str(raw.status).toUpperCase();
  const quantity = num(raw.orig_qty);
  const executed = num(raw.executed_qty);
  const cancelFields: Record<string, unknown> = { orderId: key };
  const exchange = str(raw.exchange);
  const symbol = str(raw.symbol);
  const clientOrderId = str(raw.client_order_id);
  if (exchange) cancelFields.exchange = exchange;
  if (symbol) cancelFields.symbol = symbol;
  if (clientOrderId) cancelFields.clientOrderId = clientOrderId;
  const view: OrderView = { key, state: stateOf(venueStatus), venueStatus: venueStatus || 'UNKNOWN', cancelFields, ...otherIds(key, clientOrderId) };
  if (symbol) view.symbol = symbol;
  const side = str(raw.side).toUpperCase();
  if (side) view.side = side;
  const price = num(raw.price);
  if (price !== undefined) view.price = price;
  if (quantity !== undefined) view.quantity = quantity;
  const remaining = quantity !== undefined && executed !== undefined ? difference(quantity, executed) : undefined;
  if (remaining !== undefined && Number.isFinite(remaining)) view.remaining = remaining;
  const created = num(raw.created_time);
  if (created !== undefined) view.createdAtMs = created;
  return view;
}

/** The cancel answer is the order itself (the seed: "the same as Create Order"): what it says is filled. */
function fillOfRow(raw: unknown): { filled?: Fill } {
  const view = orderView(raw);
  const quantity = view?.quantity;
  if (quantity === undefined || view?.remaining === undefined || quantity <= 0) return {};
  return { filled: { qty: difference(quantity, view.remaining), of: quantity } };
}

const views = (list: unknown[]): OrderView[] => list.map(orderView).filter((v): v is OrderView => v !== undefined);

export function parseLookup(res: HttpResponse, nowMs: number): OrdersResult {
  const noAnswer = 'could not read the order from CoinSwitch PRO';
  const json = parseJson(res.body);
  const shared = commonRows(res, json, nowMs, noAnswer);
  if (shared) return shared;
  if (res.status >= 400 && res.status < 500) {
    const message = venueMessage(json);
    if (NOT_FOUND_WORDS.test(message) || res.status === 404) return { orders: [] };
    return { kind: 'rejected', code: `HTTP_${res.status}`, message: message || `${VENUE} refused the order lookup (${describeResponse(res)})` };
  }
  const bad = jsonOrUnknown(res, json, noAnswer);
  if (bad) return bad;
  const data = (json as Record<string, unknown>).data;
  // Get Order answers {"data":{order}}; tolerate a list-shaped answer too.
  if (data === null || (isRecord(data) && Object.keys(data).length === 0)) return { orders: [] };
  if (Array.isArray(data)) return { orders: views(data) };
  if (isRecord(data) && Array.isArray(data.orders)) return { orders: views(data.orders) };
  const view = orderView(data);
  if (view) return { orders: [view] };
  return { kind: 'unknown', message: `${describeResponse(res)}; ${noAnswer}` };
}

export function parseOpenOrders(res: HttpResponse, nowMs: number): OrdersResult {
  const noAnswer = 'could not list open orders from CoinSwitch PRO';
  const json = parseJson(res.body);
  const shared = commonRows(res, json, nowMs, noAnswer);
  if (shared) return shared;
  if (res.status >= 400 && res.status < 500) {
    const message = venueMessage(json);
    return { kind: 'rejected', code: `HTTP_${res.status}`, message: message || `${VENUE} refused to list orders (${describeResponse(res)})` };
  }
  const bad = jsonOrUnknown(res, json, noAnswer);
  if (bad) return bad;
  const data = (json as Record<string, unknown>).data;
  if (isRecord(data) && Array.isArray(data.orders)) return paged(data.orders);
  if (Array.isArray(data)) return paged(data);
  // A missing list is not "no open orders": saying so could hide orders that are still live.
  return { kind: 'unknown', message: `${describeResponse(res)}; ${noAnswer}` };
}

/** List Orders answers this many open orders when no `count` is sent (its reference: "Default 25 for open"). */
export const OPEN_ORDERS_PAGE = 25;

/**
 * A full page may have older orders behind it: the next page is asked with `to_time` ("created at
 * or before") at this page's oldest creation time, so an order sharing that time is not skipped.
 */
function paged(list: unknown[]): OrdersResult {
  const orders = views(list);
  if (list.length < OPEN_ORDERS_PAGE) return { orders };
  const oldest = Math.min(...orders.map((o) => o.createdAtMs ?? Number.POSITIVE_INFINITY));
  return Number.isFinite(oldest) ? { orders, next: String(oldest) } : { orders, more: true };
}

export function parseServerTime(res: HttpResponse): number | undefined {
  if (res.status >= 200 && res.status < 300) {
    const json = parseJson(res.body);
    const value = isRecord(json) ? num(json.serverTime) : undefined;
    // Seconds would shift the clock by decades; accept them only as an obvious unit slip.
    if (value !== undefined && value > 1e11 && value < 1e14) return Math.round(value);
    if (value !== undefined && value > 1e9 && value < 1e11) return Math.round(value * 1000);
  }
  if (res.status === 0) return undefined;
  // Fallback from section 8: any CoinSwitch response's Date header (1 s resolution).
  const date = res.headers.date ? Date.parse(res.headers.date) : Number.NaN;
  return Number.isFinite(date) && date > 0 ? date : undefined;
}
