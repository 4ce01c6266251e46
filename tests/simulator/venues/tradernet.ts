// Tradernet / Freedom24 API simulator (shared/venues/tradernet.md). An independent implementation:
// node:crypto only, nothing from lib/. It checks what the spec says the venue checks and answers in
// Tradernet's shapes: errors as {"error": "...", "code": N} / {"errMsg": "...", "code": N}.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fieldOrder, wording } from './fuzz';
import type { SimOrder, SimRequest, SimResponse, VenueContext, VenueSim } from '../types';

export const TRADERNET_SIM_HOSTS = ['tradernet.com', 'freedom24.com', 'tradernet.global', 'tradernet.kz'];

/** Made-up key pair, issued by tradernet.com. The private key has non-ASCII text on purpose (UTF-8 HMAC key). */
export const TRADERNET_TEST_CREDENTIALS: {
  publicKey: string;
  privateKey: string;
  domain: 'tradernet.com' | 'freedom24.com' | 'tradernet.global' | 'tradernet.kz';
  scheme: 'v2' | 'v3';
} = {
  publicKey: 'qcsim-tn-pub-4f1c9a',
  privateKey: 'qcsim-tn-sec-ключ-7d2e',
  domain: 'tradernet.com',
  scheme: 'v2',
};

/** Made-up key pair issued by freedom24.com: the optional-origin (host permission) path. */
export const FREEDOM24_TEST_CREDENTIALS = {
  publicKey: 'qcsim-f24-pub-8b2d61',
  privateKey: 'qcsim-f24-sec-3e9a0c',
  domain: 'freedom24.com',
  scheme: 'v2',
} as const;

// Keys work only on the domain that issued them.
const KEYS = new Map(
  [TRADERNET_TEST_CREDENTIALS, FREEDOM24_TEST_CREDENTIALS].map((k) => [k.publicKey, { secret: k.privateKey, domain: k.domain as string }]),
);

// v3 timestamp window: Tradernet documents none (UNCONFIRMED); ±60 s is our reasonable choice.
export const TRADERNET_SIM_SKEW_S = 60;
// A Tradernet cancel reply is only an acceptance; the order leaves the active list this much later.
export const TRADERNET_SIM_CANCEL_DELAY_MS = 200;

// Numeric `stat` values are UNCONFIRMED at the venue; these are made up (the adapter must not read them).
const STAT: Record<SimOrder['status'], number> = { open: 1, cancelling: 1, cancelled: 31, filled: 21, rejected: 30, expired: 32 };
const ACTIVE = new Set<SimOrder['status']>(['open', 'cancelling']);

type Json = Record<string, unknown>;
const reply = (status: number, body: unknown): SimResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(fieldOrder(body)),
});
const badRequest = (text: string, code = 2) => reply(400, { errMsg: text, code });
const badAuth = (text: string) => reply(401, { error: text, code: 4 });
const invalidKey = () => reply(403, { error: 'Invalid api key provided', code: null });

/** tn-crypto.js pre-sign, written independently: sorted keys, nested objects recursively, raw values. */
function preSign(data: Json): string {
  const keys = Object.keys(data);
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: string[] = [];
  for (const k of keys) {
    const v = data[k];
    out.push(k + '=' + (v !== null && typeof v === 'object' && !Array.isArray(v) ? preSign(v as Json) : String(v)));
  }
  return out.join('&');
}

const hmacHex = (secret: string, message: string) =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex');

function sameHex(expected: string, got: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(got.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

interface FormPair {
  rawKey: string;
  key: string;
  value: string;
}

function parseForm(body: string): FormPair[] | undefined {
  if (body === '') return [];
  const pairs: FormPair[] = [];
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const rawKey = part.slice(0, eq);
    try {
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
      pairs.push({ rawKey, key: decode(rawKey), value: decode(part.slice(eq + 1)) });
    } catch {
      return undefined;
    }
  }
  return pairs;
}

/**
 * The two v2 body forms a client may send (spec section 4): the docs' jQuery form (cmd, apiKey,
 * nonce, params[..] with %5B/%5D) or the legacy Python form (keys sorted, literal brackets).
 */
function formShape(pairs: FormPair[]): 'jquery' | 'sorted' | undefined {
  const names = pairs.map((p) => p.key);
  const top = names.filter((n) => !n.startsWith('params['));
  const nested = pairs.filter((p) => p.key.startsWith('params['));
  const encodedBrackets = nested.every((p) => /^params%5B[^%[\]]+%5D$/i.test(p.rawKey));
  const literalBrackets = nested.every((p) => /^params\[[^[\]]+\]$/.test(p.rawKey));
  const flat = pairs.filter((p) => !p.key.startsWith('params[')).every((p) => p.rawKey === p.key);
  if (!flat) return undefined;
  if (top.join() === 'cmd,apiKey,nonce' && names.slice(0, 3).join() === 'cmd,apiKey,nonce' && encodedBrackets) return 'jquery';
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.join('&') === sorted.join('&') && top.join() === 'apiKey,cmd,nonce' && literalBrackets) return 'sorted';
  return undefined;
}

/** Keys with an open session, per switch of the modes (a new modes object starts without any). */
const sessions = new WeakMap<object, Set<string>>();
// No document gives the words of a "no session" refusal (UNCONFIRMED): several plausible ones.
const NO_SESSION_TEXTS = ['Session not found', 'No open session for this API key', 'Security session is closed; open a session first'];
let noSessionCount = 0;

/**
 * getAuthInfo opens a session for the key (the document's browser example calls it first and reads
 * `sess_id`); with `sessionRequired` on, any other v2 command is refused until it has. Undefined
 * when the command goes on.
 */
function session(cmd: string, apiKey: string, ctx: VenueContext): SimResponse | undefined {
  const modes = ctx.modes();
  let open = sessions.get(modes);
  if (!open) sessions.set(modes, (open = new Set()));
  if (cmd === 'getAuthInfo') {
    open.add(apiKey);
    return reply(200, { sess_id: createHmac('sha256', 'qcsim-session').update(apiKey).digest('hex').slice(0, 32), login: 'qcsim', mode: 'regular' });
  }
  if (!modes.sessionRequired || open.has(apiKey)) return undefined;
  return reply(200, { error: NO_SESSION_TEXTS[noSessionCount++ % NO_SESSION_TEXTS.length], code: 0 });
}

export function createTradernetSim(): VenueSim {
  const lastNonce = new Map<string, bigint>();

  function checkKey(publicKey: string, host: string, ctx: VenueContext): { secret: string } | undefined {
    const key = KEYS.get(publicKey);
    if (!key || key.domain !== host || ctx.tokenExpired()) return undefined;
    return key;
  }

  function handleV2(req: SimRequest, cmd: string, query: string | undefined, ctx: VenueContext): SimResponse {
    if (!/^application\/x-www-form-urlencoded(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return badRequest('Unsupported query method: v2 commands take a form body');
    }
    const sig = req.headers['x-ntapi-sig'];
    if (!sig) return badAuth('Signature is missing (X-NtApi-Sig)');
    const pairs = parseForm(req.body);
    if (!pairs || !formShape(pairs)) return badRequest('Bad request: malformed form body');
    // The legacy Python client repeats the body as the query string; anything else in the URL is refused.
    if (query !== undefined && query !== req.body) return badRequest('Bad request: the query string must repeat the body');
    const fields: Record<string, string> = {};
    const params: Record<string, string> = {};
    for (const p of pairs) {
      const nested = /^params\[([^[\]]+)\]$/.exec(p.key);
      const target = nested ? params : fields;
      const name = nested ? nested[1]! : p.key;
      if (name in target) return badRequest('Bad request: duplicate field');
      target[name] = p.value;
    }
    if (fields.cmd !== cmd) return badRequest('Unsupported query method: cmd differs from the URL');
    if (fields.apiKey === undefined || fields.nonce === undefined) return badAuth('apiKey and nonce are required');
    const key = checkKey(fields.apiKey, req.host, ctx);
    if (!key) return invalidKey();
    if (!/^\d{1,30}$/.test(fields.nonce)) return badAuth('Wrong signature: nonce must be an integer');
    // A command without params (getAuthInfo in the document's example) signs none.
    const signed = Object.keys(params).length > 0 ? { apiKey: fields.apiKey, cmd, nonce: fields.nonce, params } : { apiKey: fields.apiKey, cmd, nonce: fields.nonce };
    const expected = hmacHex(key.secret, preSign(signed));
    if (!sameHex(expected, sig)) return badAuth('Wrong signature');
    const nonce = BigInt(fields.nonce);
    const last = lastNonce.get(fields.apiKey);
    // Nonce rules are UNCONFIRMED at the venue; we require a strictly increasing nonce per key.
    if (last !== undefined && nonce <= last) return badAuth('Wrong signature: nonce must increase with every request');
    lastNonce.set(fields.apiKey, nonce);
    return session(cmd, fields.apiKey, ctx) ?? command(cmd, params, ctx);
  }

  function handleV3(req: SimRequest, cmd: string, ctx: VenueContext): SimResponse {
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return badRequest('Unsupported query method: send JSON');
    }
    const publicKey = req.headers['x-ntapi-publickey'];
    const ts = req.headers['x-ntapi-timestamp'];
    const sig = req.headers['x-ntapi-sig'];
    if (!publicKey) return badAuth('X-NtApi-PublicKey header is missing');
    if (!ts || !/^\d{1,12}$/.test(ts)) return badAuth('X-NtApi-Timestamp header is missing or not in seconds');
    if (!sig) return badAuth('Signature is missing (X-NtApi-Sig)');
    const key = checkKey(publicKey, req.host, ctx);
    if (!key) return invalidKey();
    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return badRequest('Bad JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return badRequest('Bad JSON: expected an object');
    // The signature covers the received bytes followed by the timestamp text.
    if (!sameHex(hmacHex(key.secret, req.body + ts), sig)) return badAuth('Wrong signature');
    if (Math.abs(Number(ts) - Math.floor(ctx.now() / 1000)) > TRADERNET_SIM_SKEW_S) {
      return badAuth('Wrong signature: X-NtApi-Timestamp is outside the allowed window');
    }
    return command(cmd, body as Json, ctx);
  }

  /** params as received: digit strings from a v2 form, JSON values from v3. */
  function command(cmd: string, params: Json, ctx: VenueContext): SimResponse {
    if (cmd === 'delTradeOrder') {
      const raw = params.order_id;
      const ok = (typeof raw === 'number' && Number.isSafeInteger(raw) && raw > 0) || (typeof raw === 'string' && /^\d{1,16}$/.test(raw));
      if (!ok || Object.keys(params).length !== 1) return badRequest('Bad request: order_id must be an integer');
      return cancel(String(BigInt(raw as number | string)), ctx);
    }
    if (cmd === 'getNotifyOrderJson') {
      const flag = params.active_only;
      if (!(flag === 0 || flag === 1 || flag === '0' || flag === '1') || Object.keys(params).length !== 1) {
        return badRequest('Bad request: active_only must be 0 or 1');
      }
      return list(Number(flag) === 1, ctx);
    }
    return badRequest('Unsupported query method');
  }

  function cancel(id: string, ctx: VenueContext): SimResponse {
    const order = ctx.orders.get(id);
    // The document gives no wording for these (tradernet.md section 6: UNCONFIRMED).
    if (!order || order.venue !== 'tradernet') return reply(200, { error: wording([`Order ${id} not found`, 'Order not found', `Заявка ${id} не найдена`, 'No such order']), code: 0 });
    if (order.extra.cancelOnlyByTrader) {
      // The document's code-12 answer, field for field and in its order.
      const text = 'This order may only be cancelled by a Cancellation Order or through traders';
      return reply(200, { code: 12, errorMsg: text, error: text });
    }
    switch (order.status) {
      case 'open':
        order.status = 'cancelling';
        ctx.later(TRADERNET_SIM_CANCEL_DELAY_MS, () => {
          if (order.status === 'cancelling') order.status = 'cancelled';
        });
        return reply(200, { order_id: Number(id) });
      case 'cancelling':
        // Already accepted and still in flight: the same acceptance again.
        return reply(200, { order_id: Number(id) });
      case 'filled':
        return reply(200, { error: wording([`Order ${id} is already executed`, 'The order has been filled', `Order ${id} cannot be cancelled`]), code: 0 });
      default:
        return reply(200, { error: wording([`Order ${id} is already ${order.status}`, `Order ${id} cannot be cancelled`, 'Order is not active']), code: 0 });
    }
  }

  function list(activeOnly: boolean, ctx: VenueContext): SimResponse {
    const rows = [...ctx.orders.values()]
      .filter((o) => o.venue === 'tradernet' && (!activeOnly || ACTIVE.has(o.status)))
      .map(toRow);
    // One row as an object and no rows as no `order` key: the XML-style variants the spec asks
    // clients to normalize (UNCONFIRMED at the venue).
    const orders: Json = { key: '%qcsim' };
    if (rows.length === 1) orders.order = rows[0];
    else if (rows.length > 1) orders.order = rows;
    return reply(200, { result: { orders } });
  }

  return {
    id: 'tradernet',
    apiHosts: TRADERNET_SIM_HOSTS,
    isApiPath: (path) => path.startsWith('/api/'),
    handle(req, ctx) {
      const [path, query] = splitOnce(req.path, '?');
      if (req.method !== 'POST') return reply(405, { errMsg: 'Unsupported query method', code: 2 });
      // A SID cookie outranks the key at the venue and can switch identity; QuickCancel must never send one.
      if (/(^|;\s*)SID=/.test(req.headers.cookie ?? '')) {
        return reply(400, { error: 'A SID session cookie was sent with a key-signed request', code: 12 });
      }
      const v2 = /^\/api\/v2\/cmd\/([A-Za-z]+)$/.exec(path);
      if (v2) return handleV2(req, v2[1]!, query, ctx);
      const v3 = /^\/api\/([A-Za-z]+)$/.exec(path);
      if (v3) return handleV3(req, v3[1]!, ctx);
      return reply(404, { errMsg: 'Unsupported query method', code: 2 });
    },
  };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function toRow(o: SimOrder): Json {
  const active = ACTIVE.has(o.status);
  return {
    id: Number(o.id),
    order_id: Number(o.id),
    // Tradernet's date has no zone (UNCONFIRMED); the simulator writes UTC.
    date: new Date(o.createdAtMs).toISOString().replace('Z', ''),
    stat: o.filled > 0 && active ? 2 : STAT[o.status],
    instr: o.symbol,
    oper: o.side === 'BUY' ? 1 : 3,
    type: Number(o.extra.type ?? 2),
    cur: String(o.extra.cur ?? 'USD'),
    p: o.price,
    q: o.quantity,
    leaves_qty: active ? o.quantity - o.filled : 0,
    order_nb: String(o.extra.orderNb ?? ''),
    user_order_id: o.extra.userOrderId ?? null,
  };
}
