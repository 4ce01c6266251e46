// Helpers every venue adapter shares. All pure; none of them throws.
import { z } from 'zod';
import type { Built, CancelOutcome, HttpResponse } from './types';
import { parseJson } from './values';

export { isRecord, jwtExpiryMs, jwtPayload, num, parseJson, str } from './values';

const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After in seconds or as an HTTP date, as ms from nowMs. */
export function retryAfterMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * 1000) : Date.parse(value) - nowMs;
  // A venue's "come back in a day" is capped: the engine never parks a cancel for that long.
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS) : undefined;
}

/** What went wrong on the wire, in words a trader can act on. */
export function describeResponse(res: HttpResponse): string {
  if (res.transportError === 'timeout') return 'No answer from the venue within 10 s';
  if (res.transportError === 'aborted') return 'The request was aborted';
  if (res.transportError === 'too-large') return 'The venue answered with more than 256 kB, which was not read';
  if (res.status === 0) return 'Could not reach the venue (network error)';
  const body = res.body.trim();
  const shape = !body
    ? 'empty body'
    : /^\s*</.test(body)
      ? 'an HTML page'
      : parseJson(body) === undefined
        ? 'a reply that is not JSON'
        : 'an unexpected reply';
  return `HTTP ${res.status} with ${shape}`;
}

export interface FirstRules {
  /** Ends the message when no answer came: what may or may not have happened, or what failed. */
  noAnswer: string;
  /** The venue's own authentication rows (its statuses, its words), checked before 429. */
  auth?: () => CancelOutcome | undefined;
  /** The venue's own words for a 429. */
  rateLimitMessage?: string;
}

/**
 * The rows every venue's reply table starts with, whatever the operation: no answer at all or a
 * 5xx (the request may or may not have taken effect: unknown, with the reply described in words:
 * empty body, HTML page, not JSON), then the venue's authentication rows, then 429 (rate-limited,
 * with Retry-After). Undefined when the body decides.
 */
export function firstRules(res: HttpResponse, nowMs: number, rules: FirstRules): CancelOutcome | undefined {
  if (res.status === 0 || res.transportError || res.status >= 500) {
    return { kind: 'unknown', message: `${describeResponse(res)}; ${rules.noAnswer}` };
  }
  const auth = rules.auth?.();
  if (auth) return auth;
  if (res.status === 429) {
    const limited = rateLimited(res, nowMs);
    return rules.rateLimitMessage ? { ...limited, message: rules.rateLimitMessage } : limited;
  }
  return undefined;
}

export function rateLimited(res: HttpResponse, nowMs: number): CancelOutcome {
  const retryAfter = retryAfterMs(res.headers, nowMs);
  return {
    kind: 'rate-limited',
    message: 'The venue is rate-limiting requests',
    ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
  };
}

export const refuse = (outcome: CancelOutcome): Built => ({ refused: outcome });
/** A list page's cursor as the engine passes it back (ListInput.page): the time in ms a venue's answer gave. */
export const badPage = (page: string): Built | undefined =>
  /^\d{1,16}$/.test(page) ? undefined : refuse({ kind: 'rejected', code: 'QC_BAD_FIELD', message: `List page ${page} is not a time in ms` });
export const missingField = (field: string): Built =>
  refuse({ kind: 'rejected', code: 'QC_MISSING_FIELD', message: `Order field ${field} is missing` });
export const unsupported = (what: string): Built =>
  refuse({ kind: 'rejected', code: 'QC_UNSUPPORTED_OPERATION', message: `${what} is not supported by this venue` });

/** Printable ASCII without whitespace: the only thing a header value may safely carry. */
export const asciiToken = (min: number, max: number) =>
  z.string().min(min).max(max).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** The first characters of a public key, for a summary: enough to recognise it, never the whole key. */
export const keyPrefix = (value: string, n = 6): string => (value.length > n + 2 ? `${value.slice(0, n)}…` : '…');

/** 60 s of slack absorbs local clock error. */
export const isExpired = (expiresAtMs: number | undefined, nowMs: number): boolean =>
  expiresAtMs !== undefined && expiresAtMs + 60_000 <= nowMs;

/** Builds a URL query from ordered pairs with encodeURIComponent (venues sign these exact bytes). */
export function query(pairs: Array<[string, string | number]>): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
}

/** Reads zod issues into one short sentence for the user. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** An order's other ids a page may show instead of the one it is cancelled by (empty ones and the key left out). */
export function otherIds(key: string, ...ids: string[]): { otherIds?: string[] } {
  const others = [...new Set(ids.filter((id) => id && id !== key))];
  return others.length ? { otherIds: others } : {};
}
