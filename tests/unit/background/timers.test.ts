// Cancel timers on a fake clock: planned with an alarm (and a timeout when due sooner than an alarm
// can be trusted), fired once whichever comes first, re-planned after a restart (the overdue ones
// at once), and on firing a closed order is recorded as closed while an open one is cancelled.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closedOutcome, timerFire } from '../../../lib/background/timer-fire';
import { CancelTimers, type AlarmsLike } from '../../../lib/background/timers';
import type { JournalEntry, OrderView } from '../../../lib/model';
import { readTimers, TIMERS_KEY, type CancelTimer } from '../../../lib/timers-store';

beforeEach(() => fakeBrowser.reset());

/** A clock, alarms and timeouts that move only when the test says. */
function world(startMs = 1_000_000) {
  let now = startMs;
  const alarms = new Map<string, number>();
  const timeouts = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const alarmApi: AlarmsLike = {
    create: (name, { when }) => void alarms.set(name, when),
    clear: async (name) => alarms.delete(name),
    getAll: async () => [...alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
  };
  const fired: CancelTimer[] = [];
  const make = () => new CancelTimers({
    now: () => now,
    alarms: alarmApi,
    fire: async (t) => void fired.push(t),
    setTimeout: (run, ms) => {
      timeouts.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (h) => void timeouts.delete(h as number),
  });
  /** Moves the clock on; runs the timeouts due, and hands back the alarms due (the browser's part). */
  const advance = (ms: number) => {
    now += ms;
    for (const [h, t] of [...timeouts]) if (t.at <= now) {
      timeouts.delete(h);
      t.run();
    }
    return [...alarms].filter(([, when]) => when <= now).map(([name]) => name);
  };
  return { make, fired, alarms, timeouts, advance, now: () => now };
}

describe('CancelTimers', () => {
  it('a timer due in 3 s gets an alarm and a timeout; it fires once, and the alarm after it does nothing', async () => {
    const w = world();
    const timers = w.make();
    const t = await timers.set('pocketful', '9101', w.now() + 3_000);
    expect([...w.alarms]).toEqual([[`qc-timer:${t.id}`, w.now() + 3_000]]);
    expect(w.timeouts.size).toBe(1);

    const due = w.advance(3_000);
    await vi.waitFor(() => expect(w.fired.map((f) => f.orderId)).toEqual(['9101']));
    // The timeout fired it; if the browser still delivers the alarm, nothing is cancelled twice.
    for (const name of [...due, `qc-timer:${t.id}`]) await timers.onAlarm(name);
    expect(w.fired).toHaveLength(1);
    expect(await readTimers()).toEqual([]);
    expect(w.alarms.size).toBe(0);
  });

  it('a timer due in an hour is an alarm only, and fires when the alarm does', async () => {
    const w = world();
    const timers = w.make();
    await timers.set('coinswitch', 'abc', w.now() + 3_600_000);
    expect(w.timeouts.size).toBe(0);
    expect(w.advance(3_599_000)).toEqual([]);
    const due = w.advance(1_000);
    expect(due).toHaveLength(1);
    expect(await timers.onAlarm(due[0]!)).toBe(true);
    expect(w.fired.map((f) => f.orderId)).toEqual(['abc']);
    expect(await timers.onAlarm('verify-journal')).toBe(false);
  });

  it('after a restart, every stored timer is planned again: the overdue one fires at once, a stray alarm is cleared', async () => {
    const w = world();
    const before = w.make();
    await before.set('pocketful', 'late', w.now() + 60_000);
    await before.set('pocketful', 'later', w.now() + 600_000);
    // The browser was closed past the first timer; its alarms are gone, one unrelated stray is left.
    w.alarms.clear();
    w.timeouts.clear();
    w.alarms.set('qc-timer:removed-long-ago', w.now());
    w.advance(120_000);

    const after = w.make();
    await after.replan();
    expect(w.fired.map((f) => f.orderId)).toEqual(['late']);
    const left = await readTimers();
    expect(left.map((t) => t.orderId)).toEqual(['later']);
    expect([...w.alarms]).toEqual([[`qc-timer:${left[0]!.id}`, left[0]!.fireAtMs]]);
  });

  it('a removed timer never fires', async () => {
    const w = world();
    const timers = w.make();
    const t = await timers.set('pocketful', '9101', w.now() + 5_000);
    expect(await timers.remove(t.id)).toBe(true);
    expect(await timers.remove(t.id)).toBe(false);
    w.advance(10_000);
    await timers.onAlarm(`qc-timer:${t.id}`);
    expect(w.fired).toEqual([]);
    expect(w.alarms.size + w.timeouts.size).toBe(0);
  });

  it('one timer per order: a new one replaces the old', async () => {
    const w = world();
    const timers = w.make();
    const old = await timers.set('pocketful', '9101', w.now() + 5_000);
    const replacement = await timers.set('pocketful', '9101', w.now() + 50_000);
    expect((await timers.list()).map((t) => t.id)).toEqual([replacement.id]);
    w.advance(10_000);
    await timers.onAlarm(`qc-timer:${old.id}`);
    expect(w.fired).toEqual([]);
  });

  it('a malformed stored timer is dropped, not fired at a guessed order', async () => {
    await fakeBrowser.storage.local.set({ [TIMERS_KEY]: [{ id: 'x', venue: 'nowhere', orderId: '1', fireAtMs: 1, setAtMs: 0 }, 'junk'] });
    const w = world();
    await w.make().replan();
    expect(w.fired).toEqual([]);
  });
});

const timer: CancelTimer = { id: 't1', venue: 'pocketful', orderId: '9101', fireAtMs: 5, setAtMs: 1 };
const order = (state: OrderView['state'], venueStatus: string): OrderView => ({ key: '9101', state, venueStatus, symbol: 'TCS', side: 'BUY', quantity: 10, remaining: 0, cancelFields: {} });

function fireDeps(found: OrderView | null, locked = false, turnedOff = false) {
  const entry = { id: 'e' } as JournalEntry;
  const engine = {
    preview: vi.fn(async () => ({ order: found })),
    cancel: vi.fn(async () => entry),
    record: vi.fn(async () => entry),
  };
  const notify = vi.fn(async () => undefined);
  return { engine, notify, fire: timerFire({ engine, notify, credentials: async () => (locked ? undefined : { token: 'x' }), refusal: async () => (turnedOff ? 'Pocketful is turned off in QuickCancel\'s Settings' : undefined), now: () => 42 }) };
}

describe('when a timer fires', () => {
  it('an order filled before it is recorded as filled, and nothing is cancelled', async () => {
    const d = fireDeps(order('closed', 'complete'));
    await d.fire(timer);
    expect(d.engine.cancel).not.toHaveBeenCalled();
    expect(d.engine.record).toHaveBeenCalledWith(expect.objectContaining({
      venue: 'pocketful', orderId: '9101', source: 'timer', status: 'already-closed', message: 'Filled before the timer fired',
      outcome: { kind: 'already-closed', message: 'Filled before the timer fired', venueStatus: 'complete', filled: { qty: 10, of: 10 } },
    }));
    expect(d.notify).toHaveBeenCalled();
  });

  it('an order cancelled some other way is said in the venue\'s words, not as filled', () => {
    expect(closedOutcome(order('closed', 'cancelled')).message).toBe('Closed at the venue (cancelled) before the timer fired');
  });

  it('an open order is cancelled through the engine, as a timer\'s cancel', async () => {
    const d = fireDeps(order('open', 'open'));
    await d.fire(timer);
    expect(d.engine.record).not.toHaveBeenCalled();
    expect(d.engine.cancel).toHaveBeenCalledWith({ venue: 'pocketful', orderId: '9101', hints: {}, source: 'timer' });
  });

  it('a venue turned off since the timer was set: nothing is asked or cancelled, and the history says the order was left', async () => {
    const d = fireDeps(order('open', 'open'), false, true);
    await d.fire(timer);
    expect(d.engine.preview).not.toHaveBeenCalled();
    expect(d.engine.cancel).not.toHaveBeenCalled();
    expect(d.engine.record).toHaveBeenCalledWith(expect.objectContaining({
      venue: 'pocketful', orderId: '9101', source: 'timer', status: 'not-sent',
      message: 'Not sent: Pocketful is turned off in QuickCancel\'s Settings; the timer left the order as it was',
    }));
    expect(d.notify).toHaveBeenCalled();
  });

  it('with the vault locked, the cancel still goes to the engine (which records it as not sent, to retry)', async () => {
    const d = fireDeps(order('closed', 'complete'), true);
    await d.fire(timer);
    expect(d.engine.preview).not.toHaveBeenCalled();
    expect(d.engine.cancel).toHaveBeenCalledTimes(1);
  });
});
