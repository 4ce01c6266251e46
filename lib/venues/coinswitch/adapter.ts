// CoinSwitch PRO (Spot) v2: shared/venues/coinswitch.md. Every request is signed with Ed25519 over
// METHOD + decoded path-with-query + epoch; the body is not part of the signature.
import { z } from 'zod';
import { ed25519PublicKeyHex, ed25519SignHex } from '../../crypto/ed25519';
import { parseCancel, parseLookup, parseOpenOrders, parseServerTime } from './parse';
import { badPage, firstIssue, keyPrefix, missingField, refuse, str } from '../common';
import { coinswitch as descriptor } from './descriptor';
import type { Built, HttpRequest, VenueAdapter } from '../types';

const ORIGIN = 'https://coinswitch.co';
const BASE = '/trade/api/v2';
const HEX64 = /^[0-9a-fA-F]{64}$/;
const ORDER_ID = /^[0-9a-fA-F-]{8,64}$/;
const ID_HINT = descriptor.ids.hint;

// Printable ASCII keeps every filter value representable both percent-encoded (in the URL) and
// decoded (in the signed string) without any Unicode normalisation question.
const printable = (max: number) =>
  z.string().min(1, 'is empty').max(max, `is longer than ${max} characters`).regex(/^[\x20-\x7e]+$/, 'must be printable ASCII');

export const coinswitchCredentialsSchema = z.object({
  apiKey: z
    .string({ error: 'is missing' })
    .trim()
    .regex(HEX64, 'must be the 64-hex-character API key (the Ed25519 public key)')
    // The header carries the key as stored; lower-case makes the key-pair check a plain compare.
    .transform((key) => key.toLowerCase()),
  secretKey: z
    .string({ error: 'is missing' })
    .trim()
    .refine((key) => !/^[0-9a-fA-F]{128}$/.test(key), 'is the 128-hex seed+public-key form; paste only the first 64 hex characters (the seed)')
    .regex(HEX64, 'must be the 64-hex-character secret key (the Ed25519 seed)'),
});

export const coinswitchOrderSchema = z.object({
  orderId: z.string().regex(ORDER_ID, `must be ${ID_HINT}`),
  clientOrderId: printable(128).optional(),
  exchange: printable(32).optional(),
  symbol: printable(32).optional(),
});

export type CoinswitchCredentials = z.infer<typeof coinswitchCredentialsSchema>;
export type CoinswitchOrder = z.infer<typeof coinswitchOrderSchema>;

const RAW_CHAR = /^[A-Za-z0-9\-._~,/:]$/;

/** Section 5's query rule: characters of [A-Za-z0-9-._~,/:] go raw, every other one is %XX. */
export function encodeQueryValue(value: string): string {
  let out = '';
  for (const ch of value) {
    out += RAW_CHAR.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

/** The URL path+query as sent and the decoded form the venue re-derives and verifies. */
function pathWithQuery(path: string, pairs: Array<[string, string]>): { sent: string; signed: string } {
  if (pairs.length === 0) return { sent: path, signed: path };
  return {
    sent: `${path}?${pairs.map(([k, v]) => `${k}=${encodeQueryValue(v)}`).join('&')}`,
    signed: `${path}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`,
  };
}

type Credentials = { ok: CoinswitchCredentials } | { refused: Built };

function credentialsOf(raw: unknown): Credentials {
  const parsed = coinswitchCredentialsSchema.safeParse(raw);
  if (parsed.success) return { ok: parsed.data };
  return {
    refused: refuse({
      kind: 'auth-failed',
      message: `CoinSwitch PRO keys are missing or malformed (${firstIssue(parsed.error)}) — re-enter them in Settings`,
    }),
  };
}

async function signedRequest(
  method: HttpRequest['method'],
  path: { sent: string; signed: string },
  body: string | null,
  credentials: CoinswitchCredentials,
  nowMs: number,
): Promise<Built> {
  if (!Number.isFinite(nowMs)) {
    return refuse({ kind: 'rejected', code: 'QC_BAD_CLOCK', message: 'QuickCancel has no valid time to sign the request with' });
  }
  const epoch = String(Math.trunc(nowMs));
  let signature: string;
  try {
    signature = await ed25519SignHex(credentials.secretKey, method + path.signed + epoch);
  } catch {
    return refuse({
      kind: 'rejected',
      code: 'QC_SIGNING_FAILED',
      message: 'This browser could not create the Ed25519 signature CoinSwitch PRO needs',
    });
  }
  return {
    request: {
      method,
      url: ORIGIN + path.sent,
      headers: {
        'Content-Type': 'application/json',
        'X-AUTH-APIKEY': credentials.apiKey,
        'X-AUTH-SIGNATURE': signature,
        'X-AUTH-EPOCH': epoch,
      },
      body,
    },
  };
}

function orderIdProblem(value: unknown): Built | undefined {
  if (value === undefined || value === null || value === '') return missingField('orderId');
  if (typeof value === 'string' && ORDER_ID.test(value)) return undefined;
  return refuse({ kind: 'rejected', code: 'QC_BAD_ORDER_ID', message: `That is not a CoinSwitch PRO order id — expected ${ID_HINT}` });
}

function fieldProblem(field: 'clientOrderId' | 'exchange' | 'symbol', value: unknown): Built | undefined {
  const parsed = coinswitchOrderSchema.shape[field].safeParse(value);
  if (parsed.success) return undefined;
  return refuse({ kind: 'rejected', code: 'QC_BAD_FIELD', message: `Order field ${field} ${firstIssue(parsed.error)}` });
}

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

export const coinswitch: VenueAdapter<CoinswitchOrder, CoinswitchCredentials> = {
  id: descriptor.id,
  name: descriptor.name,
  idField: 'orderId',
  idPattern: descriptor.ids.pattern,
  idHint: ID_HINT,
  // Get Order returns every cancel field (only order_id is needed).
  resolveWith: 'lookup',
  // No published Spot cancel limit (section 8): QuickCancel's own cap of 10 per 10 s.
  rateLimit: { burst: 10, perSecond: 1 },
  serverTime: {
    build: () => ({ method: 'GET', url: `${ORIGIN}${BASE}/time`, headers: {}, body: null }),
    parse: parseServerTime,
  },
  pageMatches: descriptor.pageMatches,
  apiOrigins: descriptor.apiOrigins,
  credentialsSchema: coinswitchCredentialsSchema,
  checkCredentials: (credentials) => checkCoinswitchKeyPair(credentials),
  describeCredentials: (c) => ({ label: `API key ${keyPrefix(str(c.apiKey), 8)}` }),

  cancel: {
    async build({ order, credentials, nowMs }) {
      const creds = credentialsOf(credentials);
      if ('refused' in creds) return creds.refused;
      const bad = orderIdProblem(order?.orderId);
      if (bad) return bad;
      // Compact JSON; the body is unsigned, so only the venue's JSON parser sees it.
      const body = JSON.stringify({ order_id: order.orderId });
      return signedRequest('DELETE', pathWithQuery(`${BASE}/order`, []), body, creds.ok, nowMs);
    },
    parse: (res, input) => parseCancel(res, input.nowMs),
  },

  lookup: {
    async build({ order, credentials, nowMs }) {
      const creds = credentialsOf(credentials);
      if ('refused' in creds) return creds.refused;
      let pair: [string, string];
      if (present(order?.orderId) || !present(order?.clientOrderId)) {
        const bad = orderIdProblem(order?.orderId);
        if (bad) return bad;
        pair = ['order_id', order.orderId as string];
      } else {
        const bad = fieldProblem('clientOrderId', order.clientOrderId);
        if (bad) return bad;
        pair = ['client_order_id', order.clientOrderId as string];
      }
      return signedRequest('GET', pathWithQuery(`${BASE}/order`, [pair]), null, creds.ok, nowMs);
    },
    parse: (res, input) => parseLookup(res, input.nowMs),
  },

  openOrders: {
    async build({ order, credentials, nowMs }) {
      const creds = credentialsOf(credentials);
      if ('refused' in creds) return creds.refused;
      const pairs: Array<[string, string]> = [['open', 'true']];
      for (const [field, wire] of [['exchange', 'exchanges'], ['symbol', 'symbols']] as const) {
        const value = order?.[field];
        if (!present(value)) continue;
        const bad = fieldProblem(field, value);
        if (bad) return bad;
        pairs.push([wire, value as string]);
      }
      // A page after the first (parse.ts, paged): orders created at or before this time.
      if (order?.page !== undefined) {
        const bad = badPage(order.page);
        if (bad) return bad;
        pairs.push(['to_time', order.page]);
      }
      return signedRequest('GET', pathWithQuery(`${BASE}/orders`, pairs), null, creds.ok, nowMs);
    },
    parse: (res, input) => parseOpenOrders(res, input.nowMs),
  },
};

/**
 * For the options page: null when the seed's public key is the API key, otherwise a message to show.
 * Catches swapped, truncated or mixed-up pairs before the first cancel fails with "Invalid Access".
 */
export async function checkCoinswitchKeyPair(credentials: unknown): Promise<string | null> {
  const parsed = coinswitchCredentialsSchema.safeParse(credentials);
  if (!parsed.success) return `CoinSwitch PRO keys are malformed: ${firstIssue(parsed.error)}`;
  const derived = await ed25519PublicKeyHex(parsed.data.secretKey);
  if (derived === parsed.data.apiKey) return null;
  return 'key pair mismatch: the secret key does not belong to this API key — paste both keys of the same pair (generating a new pair in CoinSwitch PRO replaces the old one)';
}

export const adapters = [coinswitch];
