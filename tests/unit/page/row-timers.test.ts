// Cancel timers on the page: the countdown follows the stored timers; a timer that leaves the store
// at its time has fired (the row asks how it ended), one removed before its time has not.
import { describe, expect, it, vi } from 'vitest';
import type { CancelControl } from '../../../lib/page/runtime/control';
import { RowTimers, venueTimers } from '../../../lib/page/runtime/row-timers';

const timer = (orderId: string, fireAtMs: number, venue = 'tradernet') => ({ id: `t-${orderId}`, venue, orderId, fireAtMs, setAtMs: 1_000 });
const fakeControl = (orderId: string) => ({ orderId, shown: [] as Array<number | undefined>, timer(at: number | undefined) { this.shown.push(at); } });

describe('timers on the page', () => {
  it('reads only this venue\'s well-formed timers', () => {
    const stored = [timer('1', 5_000), timer('2', 6_000, 'pocketful'), { venue: 'tradernet', orderId: 3 }, null, 'x'];
    expect([...venueTimers(stored, 'tradernet').keys()]).toEqual(['1']);
    expect(venueTimers('garbage', 'tradernet').size).toBe(0);
  });

  it('shows a timer on its order\'s control, and tells a fired timer from a removed one', () => {
    const a = fakeControl('1');
    const b = fakeControl('2');
    const fired = vi.fn();
    const timers = new RowTimers('tradernet', [a, b] as unknown as CancelControl[], fired);
    timers.apply([timer('1', 50_000), timer('2', 60_000)], 10_000);
    expect(a.shown.at(-1)).toBe(50_000);
    // Removed in the popup long before its time: no cancel to ask about.
    timers.apply([timer('1', 50_000)], 20_000);
    expect(b.shown.at(-1)).toBeUndefined();
    expect(fired).not.toHaveBeenCalled();
    // Gone at its time: it fired.
    timers.apply([], 49_500);
    expect(a.shown.at(-1)).toBeUndefined();
    expect(fired).toHaveBeenCalledWith('1', 1_000);
    timers.stop();
  });
});
