// The retry rules, all in one place (DESIGN.md, "Retry policy"). The engine asks `afterCancel`
// what to do after each cancel attempt; the venue client asks `isClockSkew` after any request.
// Transport failures (timeout, network) reach here as `unknown` outcomes: the adapters' parsers
// map them so, and `unknown` is never retried blind.
import type { CancelOutcome } from '@/lib/model';

/** Rate-limited cancels are sent again at most this many times. */
export const MAX_RATE_LIMIT_RETRIES = 3;
/** After an `unknown` outcome and a lookup that finds the order still open: one more cancel, no more. */
export const MAX_RESENDS_AFTER_UNKNOWN = 1;
/**
 * After a refusal (CoinSwitch: "in all cases, retry after a few hundred milliseconds and check the
 * order") and a lookup that finds the order still open, or not yet found: two more, no more.
 */
export const MAX_RESENDS_AFTER_REFUSAL = 2;
/** How long a pending cancel is polled before the last known state is shown, and how often. */
export const PENDING_DEADLINE_MS = 10_000;
export const PENDING_POLL_MS = 400;

/** Without a Retry-After: 1 s, 2 s, 4 s. */
export const rateLimitWaitMs = (outcome: { retryAfterMs?: number }, retriesSoFar: number) => outcome.retryAfterMs ?? 1000 * 2 ** retriesSoFar;

export type NextStep =
  /** Final: show it. */
  | { step: 'done' }
  /** Wait, then send the same cancel again. */
  | { step: 'wait'; ms: number }
  /** Accepted, not confirmed: poll the lookup until terminal or the deadline. */
  | { step: 'poll' }
  /** May or may not have happened: look the order up before anything else. */
  | { step: 'verify' };

/**
 * What follows a cancel attempt's outcome. `auth-failed` and `rejected` never retry (a clock-skew
 * rejection has already had its one resync and retry in the venue client).
 */
export function afterCancel(outcome: CancelOutcome, rateLimitRetries: number): NextStep {
  switch (outcome.kind) {
    case 'cancelled':
    case 'already-closed':
    case 'rejected':
    case 'auth-failed':
      return { step: 'done' };
    case 'rate-limited':
      return rateLimitRetries >= MAX_RATE_LIMIT_RETRIES ? { step: 'done' } : { step: 'wait', ms: rateLimitWaitMs(outcome, rateLimitRetries) };
    case 'pending':
      return { step: 'poll' };
    case 'unknown':
      return { step: 'verify' };
  }
}

/** A signature or epoch rejection that may be our clock, not the key: resync once, retry once. */
export const isClockSkew = (r: unknown) =>
  typeof r === 'object' && r !== null && (r as CancelOutcome).kind === 'auth-failed' && (r as { clockSkew?: boolean }).clockSkew === true;
