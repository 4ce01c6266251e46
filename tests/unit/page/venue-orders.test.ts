// The page's follower of the venue's open orders is what keeps the venue's connection warm
// (lib/background/keep-warm.ts): while rows show in a visible tab it asks every period the
// background gives, and it stops as soon as no rows show, the tab is hidden or the page goes away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Messenger } from '../../../lib/page/runtime/inject';
import { followVenueOrders } from '../../../lib/page/runtime/venue-orders';

const PERIOD = 1_000;

function setUp() {
  const asked = vi.fn();
  const messenger: Messenger = {
    send: (async (message: unknown) => {
      asked(message);
      return { ok: true, entries: {}, known: [], refreshMs: PERIOD };
    }) as Messenger['send'],
  };
  const state = { showing: true };
  const abort = new AbortController();
  followVenueOrders('pocketful', messenger, () => undefined, () => state.showing, abort.signal);
  return { asked, state, abort };
}

let hidden = false;
beforeEach(() => {
  vi.useFakeTimers();
  hidden = false;
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the keep-warm reads a page drives', () => {
  it('starts when the page shows orders and asks again every period the background gave', async () => {
    const { asked } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(asked).toHaveBeenCalledWith({ type: 'status', venue: 'pocketful', orderIds: [], orders: true });
    await vi.advanceTimersByTimeAsync(PERIOD * 5);
    expect(asked).toHaveBeenCalledTimes(6);
  });

  it('stops while no row shows, and starts again when rows show', async () => {
    const { asked, state } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    state.showing = false;
    await vi.advanceTimersByTimeAsync(PERIOD * 5);
    expect(asked).toHaveBeenCalledTimes(1);
    state.showing = true;
    await vi.advanceTimersByTimeAsync(PERIOD);
    expect(asked).toHaveBeenCalledTimes(2);
  });

  it('stops while the tab is hidden', async () => {
    const { asked } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    hidden = true;
    await vi.advanceTimersByTimeAsync(PERIOD * 5);
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('stops for good when the page goes away (the tab closes, the extension reloads)', async () => {
    const { asked, abort } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    abort.abort();
    await vi.advanceTimersByTimeAsync(PERIOD * 5);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
