import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from '../../../lib/engine/rate-limit';

/** A clock that moves only when someone sleeps. */
function fakeClock(): Clock & { t: number } {
  const clock = { t: 0, now: () => clock.t, sleep: async (ms: number) => void (clock.t += ms) };
  return clock;
}

describe('the per-venue token bucket', () => {
  it('lets a burst through at once, then paces requests at the sustained rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ burst: 2, perSecond: 2 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) await bucket.take().then(() => times.push(clock.t));
    expect(times).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('serves a user\'s cancel before the engine\'s own background checks', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, clock);
    const order: string[] = [];
    const all = [
      bucket.take('background').then(() => order.push('check 1')),
      bucket.take('background').then(() => order.push('check 2')),
      bucket.take('background').then(() => order.push('check 3')),
      bucket.take('now').then(() => order.push('cancel')),
    ];
    await Promise.all(all);
    expect(order).toEqual(['check 1', 'cancel', 'check 2', 'check 3']);
  });

  it('after "slow down", nothing goes before the venue said', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ burst: 10, perSecond: 10 }, clock);
    bucket.pause(2000);
    await bucket.take();
    expect(clock.t).toBeGreaterThanOrEqual(2000);
  });
});

describe('background work', () => {
  it('leaves half the burst for the user\'s cancels', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ burst: 4, perSecond: 4 }, clock);
    await Promise.all([bucket.take('background'), bucket.take('background')]);
    expect(clock.t).toBe(0);
    await bucket.take('background');
    expect(clock.t).toBeGreaterThan(0);
    const before = clock.t;
    await bucket.take('now');
    await bucket.take('now');
    expect(clock.t).toBe(before);
  });
});
