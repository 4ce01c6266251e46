// Tradernet / Freedom24 (shared/venues/tradernet.md). Cancel = the `delTradeOrder` command; lookup
// and open orders = `getNotifyOrderJson`. Two signing schemes per account: v2 (form + pre-sign +
// nonce, the default) and v3 (JSON + timestamp).
import { z } from 'zod';
import { asciiToken, firstIssue, isRecord, keyPrefix, missingField, refuse, str } from '../common';
import { parseCancel, parseOrders, parseSession, toOrderId } from './parse';
import { signedRequest, type TradernetParams } from './sign';
import { tradernet as descriptor } from './descriptor';
import { TRADERNET_DOMAINS } from './descriptor';
import type { BuildInput, Built, VenueAdapter } from '../types';

export { preSign } from './sign';

export { TRADERNET_DOMAINS };
export type TradernetDomain = (typeof TRADERNET_DOMAINS)[number];

export const tradernetCredentialsSchema = z.object({
  publicKey: asciiToken(1, 256),
  // Only ever an HMAC key (its UTF-8 bytes), never a header, so any Unicode is fine.
  privateKey: z.string().min(1),
  // Keys work only on the domain that issued them.
  domain: z.enum(TRADERNET_DOMAINS).default('tradernet.com'),
  scheme: z.enum(['v2', 'v3']).default('v2'),
});
export type TradernetCredentials = z.input<typeof tradernetCredentialsSchema>;

const orderIdSchema = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^\s*\d+\s*$/, 'a whole number')
    .transform((s) => Number(s.trim()))
    .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
]);
export const tradernetOrderSchema = z.object({ orderId: orderIdSchema });
/** What a page or a user gives (a number or a digit string); the schema's output is always a number. */
export type TradernetOrder = z.input<typeof tradernetOrderSchema>;

type Input = BuildInput<Partial<TradernetOrder>, TradernetCredentials>;

/** orderId as a number, or the refusal; `required: false` lets a missing id through as undefined. */
function orderIdOf(order: unknown, required: boolean): number | undefined | Built {
  const id = toOrderId(isRecord(order) ? order.orderId : undefined);
  if (typeof id === 'number') return id;
  if (id === 'missing') return required ? missingField('orderId') : undefined;
  return refuse({
    kind: 'rejected',
    code: 'QC_BAD_ORDER_ID',
    message: 'The Tradernet order id must be a whole number (the "id" of the order in the terminal)',
  });
}

async function build(input: BuildInput<unknown, TradernetCredentials>, cmd: string, params?: TradernetParams): Promise<Built> {
  const creds = tradernetCredentialsSchema.safeParse(input.credentials);
  if (!creds.success) {
    return refuse({
      kind: 'auth-failed',
      message: `The Tradernet API key settings are incomplete (${firstIssue(creds.error)}) — fix them in Settings`,
    });
  }
  if (typeof input.nowMs !== 'number' || !Number.isFinite(input.nowMs) || input.nowMs < 0) {
    return refuse({ kind: 'rejected', code: 'QC_BAD_CLOCK', message: 'No valid clock time to sign the Tradernet request with' });
  }
  const { request } = await signedRequest({ cmd, params, nowMs: input.nowMs, ...creds.data });
  return { request };
}

const parseOrderId = (input: Input | undefined): number | undefined => {
  const id = toOrderId(isRecord(input?.order) ? input.order.orderId : undefined);
  return typeof id === 'number' ? id : undefined;
};

export const tradernet: VenueAdapter<TradernetOrder, TradernetCredentials> = {
  id: descriptor.id,
  name: descriptor.name,
  idField: 'orderId',
  idPattern: descriptor.ids.pattern,
  idHint: descriptor.ids.hint,
  // Only the active list says whether an order is open (stat is not interpreted), so orders are
  // resolved and verified there; lookup (active_only=0) then tells "gone" from "never existed".
  resolveWith: 'openOrders',
  // No published limit; ≤ 2 req/s per key is QuickCancel's own cap (spec section 8, INFERENCE).
  rateLimit: { burst: 2, perSecond: 2 },
  // No server-time command: the engine reads the HTTP Date header of any Tradernet reply.
  pageMatches: descriptor.pageMatches,
  apiOrigins: descriptor.apiOrigins,
  credentialsSchema: tradernetCredentialsSchema,
  describeCredentials: (c) => ({
    label: `Public key ${keyPrefix(str(c.publicKey))} on ${str(c.domain) || TRADERNET_DOMAINS[0]} (${str(c.scheme) || 'v2'})`,
  }),

  cancel: {
    async build(input) {
      const id = orderIdOf(input.order, true);
      if (typeof id !== 'number') return id as Built;
      return build(input, 'delTradeOrder', { order_id: id });
    },
    parse: (res, input) => parseCancel(res, input?.nowMs ?? 0),
  },

  lookup: {
    async build(input) {
      const id = orderIdOf(input.order, true);
      if (typeof id !== 'number') return id as Built;
      return build(input, 'getNotifyOrderJson', { active_only: 0 });
    },
    // active_only=0 lists every order of the current period; keep the one asked for.
    parse: (res, input) => parseOrders(res, input?.nowMs ?? 0, 'lookup', parseOrderId(input) ?? -1),
  },

  // The document's browser example opens a session with getAuthInfo (no params) before
  // delTradeOrder; the engine does so only when a command is refused for want of one.
  openSession: {
    build: (input) => build(input, 'getAuthInfo'),
    parse: (res, input) => parseSession(res, input?.nowMs ?? 0),
  },

  openOrders: {
    async build(input) {
      const id = orderIdOf(input.order, false);
      if (id !== undefined && typeof id !== 'number') return id;
      return build(input, 'getNotifyOrderJson', { active_only: 1 });
    },
    parse: (res, input) => parseOrders(res, input?.nowMs ?? 0, 'open-orders', parseOrderId(input)),
  },
};

export const adapters = [tradernet];
