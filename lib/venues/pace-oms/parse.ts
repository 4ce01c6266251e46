// Tradelab OMS answers, as PaceTrader and Pocketful give them: envelopes, refusals, the order book
// and order history, read into outcomes and orders (shared/venues/pace-oms.md sections 5–7). Pure; never throws.
import { firstRules, isRecord, num, otherIds, parseJson, str } from '../common';
import type { PaceCredentials, PaceOrder } from './adapter';
import { isKart } from './kart';
import type { BuildInput, CancelOutcome, HttpResponse, OrderView, OrdersResult } from '../types';

const TERMINAL_STATUSES = new Set(['COMPLETE', 'REJECTED', 'CANCELLED', 'AMO_CANCEL_CONFIRMED']);

/** Outcomes shared by every Pace reply that is not a success. */
export function parseFailure(res: HttpResponse, nowMs: number, name: string, json: unknown): CancelOutcome | undefined {
  const env = isRecord(json) ? json : {};
  const errorCode = num(env.error_code);
  const message = envelopeMessage(env);
  const first = firstRules(res, nowMs, {
    noAnswer: 'the cancel may or may not have happened',
    auth: () =>
      res.status === 401 || errorCode === 40000 || (res.status === 403 && env.error_type === 'TokenException')
        ? { kind: 'auth-failed', message: `${name} token expired or invalid — paste a new one in Settings${message ? ` (${message})` : ''}` }
        : undefined,
  });
  if (first) return first;
  const failed = env.status === 'error' || env.status === 'failed';
  // UNCONFIRMED wording, so never final: the engine looks the order up (pace-oms.md section 6).
  if (failed && /not found|no data found|already (cancel|complet|execut|reject)/i.test(message)) {
    return { kind: 'unknown', message, refusal: { reason: 'gone', code: errorCode !== undefined ? String(errorCode) : `HTTP_${res.status}` } };
  }
  if (failed && errorCode === 44000) return { kind: 'rejected', code: '44000', message };
  if (failed && errorCode === 45000) {
    const inner = /\((\d+)\)/.exec(message)?.[1];
    // "cancel already in progress": a cancel — perhaps ours, re-sent by the browser after a dropped
    // connection — is under way. Only the words say so: the engine looks the order up.
    if (/in progress/i.test(message)) return { kind: 'unknown', message, refusal: { reason: 'busy', code: inner ? `45000:${inner}` : '45000' } };
    return { kind: 'rejected', code: inner ? `45000:${inner}` : '45000', message };
  }
  if (failed) return { kind: 'rejected', code: errorCode !== undefined ? String(errorCode) : `HTTP_${res.status}`, message: message || `${name} refused the request` };
  if (res.status >= 400) return { kind: 'rejected', code: `HTTP_${res.status}`, message: message || `${name} answered HTTP ${res.status}` };
  return undefined;
}

function envelopeMessage(env: Record<string, unknown>): string {
  const data = isRecord(env.data) ? env.data : {};
  const text = str(env.message) || str(data.message);
  if (text) return text;
  return isRecord(env.error) ? str(env.error.message) : '';
}

/** The refusal codes pace-oms.md documents (44000 validation, 45000 backend errors): final as they are. */
const DOCUMENTED_REFUSAL = /^(44000|45000(:\d+)?)$/;

export function parseCancel(res: HttpResponse, input: BuildInput<PaceOrder, PaceCredentials>, name: string): CancelOutcome {
  const json = parseJson(res.body);
  if (res.status >= 200 && res.status < 300 && json === undefined && !res.transportError) {
    return { kind: 'unknown', message: `${name} answered HTTP ${res.status} with a reply that is not JSON; the cancel may or may not have happened` };
  }
  const failure = parseFailure(res, input.nowMs, name, json);
  // A refusal under a code pace-oms.md does not document (45010 and the rest of the catalogue) is
  // known only by its words: never final — the engine looks the order up first (truth before finality).
  const envelopeError = isRecord(json) && (json.status === 'error' || json.status === 'failed');
  if (failure?.kind === 'rejected' && envelopeError && !DOCUMENTED_REFUSAL.test(failure.code)) return { kind: 'unknown', message: failure.message, refusal: { reason: 'refused', code: failure.code } };
  if (failure) return failure;
  const env = isRecord(json) ? json : {};
  if (res.status === 200 && env.status === 'success') {
    const message = envelopeMessage(env) || undefined;
    return isKart(str(input.order?.executionType))
      ? { kind: 'cancelled', message: message ?? 'Order cancelled' }
      : { kind: 'pending', message: message ?? 'Cancellation requested' };
  }
  return { kind: 'unknown', message: `${name} gave a reply QuickCancel does not recognise; checking the order` };
}

function classify(status: string): OrderView['state'] {
  if (TERMINAL_STATUSES.has(status)) return 'closed';
  return 'open';
}

/**
 * `filled_quantity` is what the exchange traded; an OMS may zero `remaining_quantity` once an order
 * is cancelled, which would read as fully filled, so the fill is taken first where it is given.
 */
function remainingOf(quantity: number | undefined, filled: number | undefined, remaining: number | undefined): number | undefined {
  if (quantity !== undefined && filled !== undefined && filled >= 0 && filled <= quantity) return Number.parseFloat((quantity - filled).toPrecision(15));
  return remaining;
}

function rowToView(row: Record<string, unknown>, state?: OrderView['state']): OrderView | undefined {
  const omsOrderId = str(row.oms_order_id);
  if (!omsOrderId) return undefined;
  const status = str(row.order_status) || str(row.status);
  const quantity = num(row.quantity);
  const remaining = remainingOf(quantity, num(row.filled_quantity), num(row.remaining_quantity));
  const entry = num(row.order_entry_time);
  const view: OrderView = {
    key: omsOrderId,
    state: state ?? classify(status),
    venueStatus: status,
    cancelFields: {
      omsOrderId,
      executionType: str(row.execution_type),
      exchangeOrderId: str(row.exchange_order_id),
      legOrderIndicator: str(row.leg_order_indicator),
      orderStatus: status,
    },
    ...otherIds(omsOrderId, str(row.exchange_order_id)),
  };
  const symbol = str(row.trading_symbol);
  const side = str(row.order_side);
  const price = num(row.price);
  if (symbol) view.symbol = symbol;
  if (side) view.side = side;
  if (price !== undefined) view.price = price;
  if (quantity !== undefined) view.quantity = quantity;
  if (remaining !== undefined) view.remaining = remaining;
  if (entry !== undefined) view.createdAtMs = entry * 1000;
  return view;
}

export function parseOrderBook(res: HttpResponse, input: BuildInput<Partial<PaceOrder>, PaceCredentials>, name: string): OrdersResult {
  const json = parseJson(res.body);
  const failure = parseFailure(res, input.nowMs, name, json);
  if (failure) return failure;
  const data = isRecord(json) && isRecord(json.data) ? json.data : undefined;
  if (!data || !Array.isArray(data.orders)) return { kind: 'unknown', message: `${name} order book reply was not understood` };
  // Present in the pending list means open, whatever the status string says.
  const orders = data.orders.filter(isRecord).map((row) => rowToView(row, 'open')).filter((v): v is OrderView => !!v);
  return { orders };
}

export function parseHistory(res: HttpResponse, input: BuildInput<Partial<PaceOrder>, PaceCredentials>, name: string): OrdersResult {
  const json = parseJson(res.body);
  const failure = parseFailure(res, input.nowMs, name, json);
  if (failure) return failure.kind === 'unknown' && failure.refusal?.reason === 'gone' ? { orders: [] } : failure;
  const data = isRecord(json) && isRecord(json.data) ? json.data : undefined;
  const events = data?.['order history'];
  if (!Array.isArray(events)) return { kind: 'unknown', message: `${name} order history reply was not understood` };
  const stamp = (e: Record<string, unknown>) => num(e.modified_at) ?? num(e.last_modified) ?? 0;
  const latest = events.filter(isRecord).reduce<Record<string, unknown> | undefined>(
    (best, e) => (!best || stamp(e) >= stamp(best) ? e : best), undefined);
  if (!latest) return { orders: [] };
  // An event's own `status` is the state at that moment; `order_status` may be a stale copy.
  const view = rowToView({ oms_order_id: input.order?.omsOrderId, ...latest, order_status: str(latest.status) || str(latest.order_status) });
  return { orders: view ? [view] : [] };
}
