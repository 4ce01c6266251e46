// Tradelab's OMS as run by PaceTrader and Pocketful: one module, the origin is a parameter.
// Spec: shared/venues/pace-oms.md. Nothing is signed; auth is a bearer token.
import { clockTime } from '../../token-expiry';
import { z } from 'zod';
import {
  asciiToken, firstIssue, isExpired, isRecord, jwtExpiryMs, jwtPayload, missingField, num, parseJson,
  query, refuse, str,
} from '../common';
import type { VenueDescriptor } from '../descriptor';
import { pacetrader as pacetraderDescriptor, pocketful as pocketfulDescriptor } from './descriptor';
import { isKart, isMissingRoute, KART_CANCEL_FORMS } from './kart';
import { parseCancel, parseFailure, parseHistory, parseOrderBook } from './parse';
import type { Built, BuildInput, CancelOutcome, HttpRequest, HttpResponse, VenueAdapter } from '../types';

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
