// The retry rules in one table: which outcomes end a cancel, which wait and send again, which
// are looked up first.
import { describe, expect, it } from 'vitest';
import { afterCancel, isClockSkew, MAX_RATE_LIMIT_RETRIES } from '../../../lib/engine/retry';

describe('retry rules', () => {
  it('never retries a final outcome, a rejection or an auth failure', () => {
    for (const outcome of [
      { kind: 'cancelled' }, { kind: 'already-closed' }, { kind: 'rejected', code: 'X', message: 'no' }, { kind: 'auth-failed', message: 'bad key' },
    ] as const) expect(afterCancel(outcome, 0)).toEqual({ step: 'done' });
  });

  it('waits out a rate limit (Retry-After, else 1 s, 2 s, 4 s), then gives up', () => {
    expect(afterCancel({ kind: 'rate-limited', message: 'slow', retryAfterMs: 2500 }, 0)).toEqual({ step: 'wait', ms: 2500 });
    expect([0, 1, 2].map((n) => afterCancel({ kind: 'rate-limited', message: 'slow' }, n))).toEqual([1000, 2000, 4000].map((ms) => ({ step: 'wait', ms })));
    expect(afterCancel({ kind: 'rate-limited', message: 'slow' }, MAX_RATE_LIMIT_RETRIES)).toEqual({ step: 'done' });
  });

  it('polls a pending cancel and looks an unknown one up before anything else', () => {
    expect(afterCancel({ kind: 'pending' }, 0)).toEqual({ step: 'poll' });
    expect(afterCancel({ kind: 'unknown', message: 'timeout' }, 0)).toEqual({ step: 'verify' });
  });

  it('treats only an auth failure marked as clock skew as the clock', () => {
    expect(isClockSkew({ kind: 'auth-failed', message: 'epoch', clockSkew: true })).toBe(true);
    expect(isClockSkew({ kind: 'auth-failed', message: 'bad key' })).toBe(false);
    expect(isClockSkew({ orders: [] })).toBe(false);
  });
});
