// Tradelab's OMS as run by PaceTrader and Pocketful: one module, the origin is a parameter.
// Spec: shared/venues/pace-oms.md. Nothing is signed; auth is a bearer token.
import { clockTime } from '../../token-expiry';
import { z } from 'zod';
import {
  asciiToken, firstIssue, isExpired, isRecord, jwtExpiryMs, jwtPayload, missingField, num, parseJson,
  firstRules, otherIds, query, refuse, str,
} from '../common';
import type { VenueDescriptor } from '../descriptor';
import { pacetrader as pacetraderDescriptor, pocketful as pocketfulDescriptor } from './descriptor';
import { isMissingRoute, KART_CANCEL_FORMS } from './kart';
import type { Built, BuildInput, CancelOutcome, HttpRequest, HttpResponse, OrderView, OrdersResult, VenueAdapter } from '../types';

export const paceCredentialsSchema = z.object({
  accessToken: asciiToken(16, 4096),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ or -').optional(),
  expiresAtMs: z.number().int().optional(),
});
export type PaceCredentials = z.infer<typeof paceCredentialsSchema>;

export const EXECUTION_TYPES = ['REGULAR', 'AMO', 'BO', 'CO', 'SPD'] as const;
export const paceOrderSchema = z.object({
  omsOrderId: z.string().min(1),
  executionType: z.string(),
  exchangeOrderId: z.string().optional(),
  legOrderIndicator: z.string().optional(),
  orderStatus: z.string().optional(),
});
export type PaceOrder = z.infer<typeof paceOrderSchema>;

const TERMINAL_STATUSES = new Set(['COMPLETE', 'REJECTED', 'CANCELLED', 'AMO_CANCEL_CONFIRMED']);
const isKart = (executionType: string) => executionType === 'BO' || executionType === 'CO' || executionType === 'SPD';

type Auth = { headers: Record<string, string>; clientId: string } | { refused: CancelOutcome };

export function createPaceOmsAdapter(descriptor: VenueDescriptor<'pacetrader' | 'pocketful'>): VenueAdapter<PaceOrder, PaceCredentials> {
  const { name } = descriptor;
  // The OMS API is served from the terminal's own origin.
  const origin = descriptor.apiOrigins[0]!.replace(/\/\*$/, '');

  /** Headers and client id; `needClientId: false` only for trading_info, which tells the client id. */
  function authenticate(credentials: unknown, nowMs: number, needClientId = true): Auth {
    const parsed = paceCredentialsSchema.safeParse(credentials);
    if (!parsed.success) return { refused: { kind: 'auth-failed', message: `${name} credentials are incomplete (${firstIssue(parsed.error)}) — fix them in Settings` } };
    const { accessToken, clientId, expiresAtMs } = parsed.data;
    const claims = jwtPayload(accessToken);
    const expired = [jwtExpiryMs(claims), expiresAtMs].find((ms) => isExpired(ms, nowMs));
    if (expired !== undefined) {
      return { refused: { kind: 'auth-failed', message: `${name} token expired at ${clockTime(expired)} — paste a new one in Settings` } };
    }
    const claimed = str(claims?.client_id) || undefined;
    if (clientId && claimed && clientId !== claimed) {
      return { refused: { kind: 'rejected', code: 'QC_CLIENT_ID_MISMATCH', message: `The client id in Settings (${clientId}) is not the one in the ${name} token (${claimed})` } };
    }
    const effective = clientId ?? claimed ?? '';
    if (!effective && needClientId) return { refused: { kind: 'auth-failed', message: `${name} client id unknown — add it in Settings` } };
    return {
      clientId: effective,
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'x-authorization-token': accessToken,
        // The PaceTrader document's header table names x-auth-token while its examples send
        // x-authorization-token: both carry the token, so either check passes.
        'x-auth-token': accessToken,
        'x-device-type': 'WEB',
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
    };
  }

  const get = (auth: { headers: Record<string, string> }, path: string): Built => ({
    request: { method: 'GET', url: `${origin}${path}`, headers: auth.headers, body: null },
  });

  async function buildCancel({ order, credentials, nowMs, form }: BuildInput<PaceOrder, PaceCredentials>): Promise<Built> {
    const auth = authenticate(credentials, nowMs);
    if ('refused' in auth) return refuse(auth.refused);
    const omsOrderId = str(order?.omsOrderId);
    if (!omsOrderId) return missingField('omsOrderId');
    const executionType = str(order.executionType);
    if (!(EXECUTION_TYPES as readonly string[]).includes(executionType)) {
      return refuse({ kind: 'rejected', code: 'QC_UNSUPPORTED_EXECUTION_TYPE', message: `Execution type "${executionType}" is not one QuickCancel can cancel` });
    }
    const id = encodeURIComponent(omsOrderId);
    if (!isKart(executionType)) {
      const q = query([['client_id', auth.clientId], ['execution_type', executionType]]);
      const request: HttpRequest = { method: 'DELETE', url: `${origin}/api/v1/orders/${id}?${q}`, headers: auth.headers, body: null };
      return { request };
    }
    if (!order.exchangeOrderId) return missingField('exchangeOrderId');
    if (!order.legOrderIndicator) return missingField('legOrderIndicator');
    if (executionType !== 'CO' && !order.orderStatus) return missingField('orderStatus');
    // Key order is fixed so the bytes are reproducible; CO carries no status.
    const body: Record<string, string> = {
      client_id: auth.clientId,
      exchange_order_id: order.exchangeOrderId,
      execution_type: executionType,
      leg_order_indicator: order.legOrderIndicator,
      oms_order_id: omsOrderId,
    };
    if (executionType !== 'CO') body.status = order.orderStatus!;
    const path = form === KART_CANCEL_FORMS[1] ? '' : id;
    return { request: { method: 'DELETE', url: `${origin}/api/v1/orders/kart/${path}`, headers: auth.headers, body: JSON.stringify(body) } };
  }

  return {
    id: descriptor.id,
    name,
    pageMatches: descriptor.pageMatches,
    apiOrigins: descriptor.apiOrigins,
    idField: 'omsOrderId',
    idPattern: descriptor.ids.pattern,
    idHint: descriptor.ids.hint,
    resolveWith: 'openOrders',
    // Order APIs allow 25/s; the order book is a data API (10/s): stay under the smaller.
    rateLimit: { burst: 10, perSecond: 10 },
    credentialsSchema: paceCredentialsSchema,
    describeCredentials,
    cancel: {
      build: buildCancel,
      parse: (res, input) => parseCancel(res, input, name),
      forms: KART_CANCEL_FORMS,
      formMissing: (res, input) => isKart(str(input.order?.executionType)) && isMissingRoute(res),
    },
    lookup: {
      async build({ order, credentials, nowMs }) {
        const auth = authenticate(credentials, nowMs);
        if ('refused' in auth) return refuse(auth.refused);
        const id = str(order?.omsOrderId);
        if (!id) return missingField('omsOrderId');
        return get(auth, `/api/v1/order/${encodeURIComponent(id)}/history?${query([['client_id', auth.clientId]])}`);
      },
      parse: (res, input) => parseHistory(res, input, name),
    },
    openOrders: {
      async build({ credentials, nowMs }) {
        const auth = authenticate(credentials, nowMs);
        if ('refused' in auth) return refuse(auth.refused);
        return get(auth, `/api/v1/orders?${query([['type', 'pending'], ['client_id', auth.clientId]])}`);
      },
      parse: (res, input) => parseOrderBook(res, input, name),
    },
    completeCredentials: {
      learns: 'the client id',
      needed: (credentials) => !credentials.clientId && !str(jwtPayload(credentials.accessToken)?.client_id),
      async build({ credentials, nowMs }) {
        const auth = authenticate(credentials, nowMs, false);
        if ('refused' in auth) return refuse(auth.refused);
        return get(auth, '/api/v1/user/trading_info');
      },
      parse: (res, input) => parseTradingInfo(res, input.nowMs, name),
    },
  };
}

/** trading_info's `data.client_id`, checked as a client id must look. */
function parseTradingInfo(res: HttpResponse, nowMs: number, name: string): Partial<PaceCredentials> | CancelOutcome {
  const json = parseJson(res.body);
  const failure = parseFailure(res, nowMs, name, json);
  if (failure) return failure;
  const data = isRecord(json) && isRecord(json.data) ? json.data : undefined;
  const clientId = paceCredentialsSchema.shape.clientId.safeParse(str(data?.client_id));
  if (!clientId.success || !clientId.data) return { kind: 'unknown', message: `${name} did not say which client id the token belongs to` };
  return { clientId: clientId.data };
}

/** Outcomes shared by every Pace reply that is not a success. */
function parseFailure(res: HttpResponse, nowMs: number, name: string, json: unknown): CancelOutcome | undefined {
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

function parseCancel(res: HttpResponse, input: BuildInput<PaceOrder, PaceCredentials>, name: string): CancelOutcome {
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

function parseOrderBook(res: HttpResponse, input: BuildInput<Partial<PaceOrder>, PaceCredentials>, name: string): OrdersResult {
  const json = parseJson(res.body);
  const failure = parseFailure(res, input.nowMs, name, json);
  if (failure) return failure;
  const data = isRecord(json) && isRecord(json.data) ? json.data : undefined;
  if (!data || !Array.isArray(data.orders)) return { kind: 'unknown', message: `${name} order book reply was not understood` };
  // Present in the pending list means open, whatever the status string says.
  const orders = data.orders.filter(isRecord).map((row) => rowToView(row, 'open')).filter((v): v is OrderView => !!v);
  return { orders };
}

function parseHistory(res: HttpResponse, input: BuildInput<Partial<PaceOrder>, PaceCredentials>, name: string): OrdersResult {
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

/** The token's client and expiry: never the token. */
function describeCredentials(c: Record<string, unknown>) {
  const expiresAtMs = jwtExpiryMs(jwtPayload(str(c.accessToken))) ?? num(c.expiresAtMs);
  const client = str(c.clientId) || str(jwtPayload(str(c.accessToken))?.client_id);
  const label = `Access token${client ? ` for client ${client}` : ''}`;
  return expiresAtMs === undefined ? { label } : { label, expiresAtMs };
}

export const pacetrader = createPaceOmsAdapter(pacetraderDescriptor);
export const pocketful = createPaceOmsAdapter(pocketfulDescriptor);
export const adapters = [pacetrader, pocketful];
