// Tradernet responses → outcomes (shared/venues/tradernet.md, sections 5–7). Never throws.
import { describeResponse, firstRules, isRecord, num, parseJson, str } from '../common';
import type { CancelOutcome, HttpResponse, OrderView, OrdersResult } from '../types';

const clip = (text: string, max = 300): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A positive safe integer from a number or a digit string (what a page shows), else 'missing'
 * (nothing given) or 'bad'.
 */
export function toOrderId(value: unknown): number | 'missing' | 'bad' {
  if (value === undefined || value === null || value === '') return 'missing';
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) n = Number(value.trim());
  else return 'bad';
  // A digit string above 2^53 − 1 rounds to an unsafe number, so this also catches it.
  return Number.isSafeInteger(n) && n > 0 ? n : 'bad';
}

export interface TradernetError {
  text: string;
  code: string;
}

/**
 * The error in a Tradernet body: `error` (non-empty string or array), `errMsg` or `errorMsg` (the
 * document's code-12 answer carries `errorMsg`); falsy `error` is success.
 */
export function tradernetError(body: unknown): TradernetError | undefined {
  if (!isRecord(body)) return undefined;
  const parts: string[] = [];
  const { error } = body;
  if (typeof error === 'string' && error !== '' && error !== '0') parts.push(error.trim());
  else if (Array.isArray(error) && error.length > 0) {
    parts.push(error.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; '));
  }
  for (const said of [body.errMsg, body.errorMsg]) {
    // The same sentence in two fields (code 12 repeats it in error and errorMsg) is said once.
    if (typeof said === 'string' && said.trim() !== '' && !parts.includes(said.trim())) parts.push(said.trim());
  }
  if (parts.length === 0) return undefined;
  const rawCode = typeof body.code === 'number' || typeof body.code === 'string' ? String(body.code).trim() : '';
  // "04" and 4 are the same code.
  const code = /^\d+$/.test(rawCode) ? rawCode.replace(/^0+(?=\d)/, '') : rawCode;
  const text = parts.filter(Boolean).join(' — ');
  return { text: clip(text || 'Tradernet reported an error without a description'), code: clip(code, 40) };
}

const authFailed = (venueText?: string): CancelOutcome => ({
  kind: 'auth-failed',
  message:
    `Tradernet rejected the API key${venueText ? ` ("${clip(venueText, 120)}")` : ''} — check the public/private key ` +
    'pair, and that the domain in Settings is the one that issued it',
});

const SESSION_WORDS = /\bsession\b|sess_id|getAuthInfo/i;

/** The error rows of section 6, top to bottom; `alreadyClosed` applies to a cancel only. */
function classify(err: TradernetError, alreadyClosed: boolean): CancelOutcome {
  if (err.code === '4' || /invalid api key|signature/i.test(err.text)) return authFailed(err.text);
  // Code 12's text says "cancelled", so it must be caught before the already-closed row.
  if (err.code === '12' || err.code === '2') return { kind: 'rejected', code: err.code, message: err.text };
  // No code says "no session" (UNCONFIRMED); the words only make the engine open one and retry
  // once (section 4, getAuthInfo), never a final outcome.
  if (SESSION_WORDS.test(err.text)) {
    return { kind: 'unknown', message: `Tradernet wants a session opened first ("${clip(err.text, 120)}")`, refusal: { reason: 'no-session', code: err.code || 'TN_ERROR' } };
  }
  // The already-closed wordings are UNCONFIRMED and text-only: the engine looks the order up.
  if (alreadyClosed && /not found|already|executed|filled|cancel+ed/i.test(err.text)) {
    return { kind: 'unknown', message: `Tradernet: ${err.text}`, refusal: { reason: 'gone', code: err.code || 'TN_ERROR' } };
  }
  return { kind: 'rejected', code: err.code || 'TN_ERROR', message: err.text };
}

/** The status rows every Tradernet reply shares; undefined when the body decides. */
function byStatus(res: HttpResponse, nowMs: number, what: string): CancelOutcome | undefined {
  return firstRules(res, nowMs, {
    noAnswer: what === 'cancel' ? 'the cancel may or may not have happened' : `${what} failed`,
    auth: () => (res.status === 401 || res.status === 403 ? authFailed(tradernetError(parseJson(res.body))?.text) : undefined),
  });
}

export function parseCancel(res: HttpResponse, nowMs: number): CancelOutcome {
  try {
    const early = byStatus(res, nowMs, 'cancel');
    if (early) return early;
    const body = parseJson(res.body);
    if (body === undefined) {
      return { kind: 'unknown', message: `${describeResponse(res)}; the cancel may or may not have happened` };
    }
    const err = tradernetError(body);
    if (err) return classify(err, true);
    if (res.status === 200 && isRecord(body) && num(body.order_id) !== undefined) {
      return { kind: 'pending', message: `Tradernet accepted the cancel of order ${str(body.order_id)}; confirming` };
    }
    return {
      kind: 'unknown',
      message: `${describeResponse(res)} (neither an order id nor an error); the cancel may or may not have happened`,
    };
  } catch {
    return { kind: 'unknown', message: 'Could not read the Tradernet reply; the cancel may or may not have happened' };
  }
}

/** getAuthInfo: the document's example goes on when the answer carries `sess_id`. */
export function parseSession(res: HttpResponse, nowMs: number): { session: true } | CancelOutcome {
  const early = byStatus(res, nowMs, 'opening a session');
  if (early) return early;
  const body = parseJson(res.body);
  const err = tradernetError(body);
  if (err) return classify(err, false);
  if (res.status === 200 && isRecord(body) && str(body.sess_id) !== '') return { session: true };
  return { kind: 'unknown', message: `${describeResponse(res)}; Tradernet did not open a session` };
}

/** `result.orders.order`: an array, a single row, or missing (= no orders); undefined for other shapes. */
function rowsOf(body: unknown): Record<string, unknown>[] | undefined {
  if (!isRecord(body) || !isRecord(body.result)) return undefined;
  const orders = body.result.orders;
  if (orders === undefined || orders === null || (Array.isArray(orders) && orders.length === 0)) return [];
  if (!isRecord(orders)) return undefined;
  const order = orders.order;
  if (order === undefined || order === null) return [];
  if (Array.isArray(order)) return order.filter(isRecord);
  return isRecord(order) ? [order] : undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Tradernet's `date`, e.g. "2026-08-19T14:30:00.000". Its timezone is UNCONFIRMED; a string
 * without an offset is read as UTC so the result never depends on the user's machine.
 */
export function parseVenueDate(value: string): number | undefined {
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(t) ? t : undefined;
}

const SIDES: Record<string, string> = { '1': 'buy', '2': 'buy', '3': 'sell', '4': 'sell' };
const TYPES: Record<string, string> = { '1': 'market', '2': 'limit', '3': 'stop', '4': 'stop-limit', '5': 'stop-loss', '6': 'take-profit' };

/**
 * `leaves_qty` is what is left open. Only the active list (open-orders) says the row is open; in a
 * lookup, a closed order may report 0 left whatever it filled, so there it is not read at all.
 */
function toView(row: Record<string, unknown>, active: boolean): OrderView | undefined {
  let id = toOrderId(row.id);
  if (typeof id !== 'number') id = toOrderId(row.order_id);
  if (typeof id !== 'number') return undefined;
  const view: OrderView = { key: String(id), state: 'open', venueStatus: str(row.stat), cancelFields: { orderId: id } };
  const symbol = str(row.instr);
  if (symbol) view.symbol = symbol;
  const side = SIDES[str(row.oper)];
  if (side) view.side = side;
  const orderType = TYPES[str(row.type)];
  if (orderType) view.orderType = orderType;
  const price = num(row.p);
  if (price !== undefined) view.price = price;
  const quantity = num(row.q);
  if (quantity !== undefined) view.quantity = quantity;
  const remaining = active ? num(row.leaves_qty) : undefined;
  if (remaining !== undefined) view.remaining = remaining;
  const created = typeof row.date === 'string' ? parseVenueDate(row.date) : undefined;
  if (created !== undefined) view.createdAtMs = created;
  return view;
}

/**
 * getNotifyOrderJson → orders. Every row is reported `open`: for open-orders (active_only=1) being
 * listed is what open means; for lookup (active_only=0) the spec forbids reading `stat`, so a listed
 * row is treated as open — a needless cancel then comes back already-closed, while a wrong "closed"
 * would skip a cancel the user wanted. Closed is learnt from the active list (section 7).
 */
export function parseOrders(
  res: HttpResponse,
  nowMs: number,
  operation: 'lookup' | 'open-orders',
  onlyId?: number,
): OrdersResult {
  try {
    const what = operation === 'lookup' ? 'looking the order up' : 'listing open orders';
    const early = byStatus(res, nowMs, what);
    if (early) return early;
    const body = parseJson(res.body);
    if (body === undefined) return { kind: 'unknown', message: `${describeResponse(res)}; ${what} failed` };
    const err = tradernetError(body);
    if (err) return classify(err, false);
    const rows = res.status === 200 ? rowsOf(body) : undefined;
    if (!rows) return { kind: 'unknown', message: `${describeResponse(res)}; ${what} failed` };
    const orders = rows.map((row) => toView(row, operation === 'open-orders')).filter((v): v is OrderView => v !== undefined);
    return { orders: onlyId === undefined ? orders : orders.filter((o) => o.key === String(onlyId)) };
  } catch {
    return { kind: 'unknown', message: 'Could not read the Tradernet order list' };
  }
}
