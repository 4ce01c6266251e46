// The prepared-request cache: a request built on a press waits for its click for a short time,
// is sent at most once, and only while the venue would still take it.
import { describe, expect, it } from 'vitest';
import { PREPARED_MAX_AGE_MS, PreparedRequests, preparedKey, type PreparedRequest, type SendContext } from '../../../lib/engine/prepared';
import type { Clock } from '../../../lib/engine/rate-limit';
import type { Operation } from '../../../lib/venues/types';

function fakeClock(): Clock & { t: number } {
  const clock = { t: 1_000, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

const cancelOp = {} as Operation<any, any, any>;
const otherOp = {} as Operation<any, any, any>;
const creds = { apiKey: 'k', secret: 's' };
const order = { orderId: '42' };

function prepared(clock: Clock, nowMs = 5_000): PreparedRequest {
  return {
    operation: cancelOp,
    input: { order, credentials: creds, nowMs },
    request: { method: 'DELETE', url: 'https://venue.test/order/42', headers: { sig: 'abc' }, body: null },
    builtAtMs: clock.now(),
    clockVersion: 0,
  };
}
const ctx = (over: Partial<SendContext> = {}): SendContext => ({ operation: cancelOp, credentials: creds, form: undefined, lastSentNowMs: 4_000, clockVersion: 0, ...over });

describe('a prepared request', () => {
  it('is taken by its click while still young, and only once', () => {
    const clock = fakeClock();
    const cache = new PreparedRequests(clock);
    cache.put(preparedKey(order), prepared(clock));
    clock.t += PREPARED_MAX_AGE_MS - 1;
    expect(cache.take(preparedKey(order), ctx())?.request.headers.sig).toBe('abc');
    expect(cache.take(preparedKey(order), ctx())).toBeUndefined();
  });

  it('expires unsent when no click comes: the click after that builds anew', () => {
    const clock = fakeClock();
    const cache = new PreparedRequests(clock);
    cache.put(preparedKey(order), prepared(clock));
    clock.t += PREPARED_MAX_AGE_MS + 1;
    expect(cache.size).toBe(0);
    expect(cache.take(preparedKey(order), ctx())).toBeUndefined();
  });

  it('is stale once a request with a later timestamp or nonce has gone to the venue (an increasing nonce would be refused)', () => {
    const clock = fakeClock();
    const cache = new PreparedRequests(clock);
    cache.put(preparedKey(order), prepared(clock, 5_000));
    expect(cache.take(preparedKey(order), ctx({ lastSentNowMs: 5_001 }))).toBeUndefined();
  });

  it('is stale after a clock correction, with other credentials, or for another operation', () => {
    const clock = fakeClock();
    const cache = new PreparedRequests(clock);
    for (const other of [ctx({ clockVersion: 1 }), ctx({ credentials: { apiKey: 'k2', secret: 's' } }), ctx({ operation: otherOp }), ctx({ form: 'body' })]) {
      cache.put(preparedKey(order), prepared(clock));
      expect(cache.take(preparedKey(order), other)).toBeUndefined();
    }
    // Equal credentials read again from the vault are the same keys.
    cache.put(preparedKey(order), prepared(clock));
    expect(cache.take(preparedKey(order), ctx({ credentials: { ...creds } }))).toBeDefined();
  });

  it('is kept per order, and a burst of presses keeps only the newest few', () => {
    const clock = fakeClock();
    const cache = new PreparedRequests(clock);
    for (let i = 0; i < 40; i++) cache.put(preparedKey({ orderId: String(i) }), prepared(clock));
    expect(cache.size).toBe(16);
    expect(cache.take(preparedKey({ orderId: '39' }), ctx())).toBeDefined();
    expect(cache.take(preparedKey({ orderId: '0' }), ctx())).toBeUndefined();
  });
});
