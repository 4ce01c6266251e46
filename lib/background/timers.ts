// Cancel timers: "cancel if not filled in N seconds" and "cancel at HH:MM". Each timer is stored
// (lib/timers-store.ts) and planned with an alarm, which fires after the worker stopped and after a
// browser restart; on start-up every stored timer is planned again and an overdue one fires at once.
// Chrome holds a packed extension's alarms back to 30 s at least, so a timer due sooner also gets a
// plain timeout while the worker lives: whichever comes first fires it, and it fires once.
import { browser } from 'wxt/browser';
import type { VenueId } from '@/lib/model';
import { readTimers, writeTimers, type CancelTimer } from '../timers-store';

const ALARM_PREFIX = 'qc-timer:';
/** Below this, an alarm may come late (Chrome's floor for packed extensions): a timeout fires it too. */
const ALARM_FLOOR_MS = 30_000;

export const isTimerAlarm = (name: string) => name.startsWith(ALARM_PREFIX);

export interface AlarmsLike {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<Array<{ name: string; scheduledTime: number }>>;
}

export interface TimersDeps {
  /** Looks the order up and cancels it, or records how it ended first. */
  fire(timer: CancelTimer): Promise<void>;
  now?: () => number;
  alarms?: AlarmsLike;
  setTimeout?: (run: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export class CancelTimers {
  private readonly now: () => number;
  private readonly alarms: AlarmsLike;
  private readonly timeouts = new Map<string, unknown>();
  private readonly firing = new Set<string>();
  /** Storage writes one after another, so two changes never overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: TimersDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.alarms = deps.alarms ?? browser.alarms;
  }

  private change<T>(edit: (timers: CancelTimer[]) => { next: CancelTimer[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { next, result } = edit(await readTimers());
      await writeTimers(next);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async list(): Promise<CancelTimer[]> {
    await this.queue;
    return (await readTimers()).sort((a, b) => a.fireAtMs - b.fireAtMs);
  }

  /** One timer per order: a new one for the same order replaces the old. */
  async set(venue: VenueId, orderId: string, fireAtMs: number): Promise<CancelTimer> {
    const timer: CancelTimer = { id: crypto.randomUUID(), venue, orderId, fireAtMs, setAtMs: this.now() };
    const replaced = await this.change((timers) => {
      const same = timers.filter((t) => t.venue === venue && t.orderId === orderId);
      return { next: [...timers.filter((t) => !same.includes(t)), timer], result: same };
    });
    await Promise.all(replaced.map((t) => this.unplan(t.id)));
    await this.plan(timer);
    return timer;
  }

  /** false when there was no such timer (it fired, or was removed already). */
  async remove(id: string): Promise<boolean> {
    const found = await this.change((timers) => ({ next: timers.filter((t) => t.id !== id), result: timers.some((t) => t.id === id) }));
    await this.unplan(id);
    return found;
  }

  /** At start-up: every stored timer planned again, the overdue ones fired now. */
  async replan(): Promise<void> {
    const timers = await this.list();
    const alarms = (await this.alarms.getAll()).filter((a) => isTimerAlarm(a.name));
    // An alarm whose timer is gone (removed, wiped) has nothing to fire.
    await Promise.all(alarms.filter((a) => !timers.some((t) => ALARM_PREFIX + t.id === a.name)).map((a) => this.alarms.clear(a.name)));
    await Promise.all(timers.map((t) => this.plan(t)));
  }

  /** true when the alarm was one of ours. */
  async onAlarm(name: string): Promise<boolean> {
    if (!isTimerAlarm(name)) return false;
    await this.fire(name.slice(ALARM_PREFIX.length));
    return true;
  }

  /** Everything was wiped: no timer is left to fire. */
  async clear(): Promise<void> {
    for (const id of [...this.timeouts.keys()]) this.dropTimeout(id);
    const alarms = (await this.alarms.getAll()).filter((a) => isTimerAlarm(a.name));
    await Promise.all(alarms.map((a) => this.alarms.clear(a.name)));
    await this.change(() => ({ next: [], result: undefined }));
  }

  private async plan(timer: CancelTimer): Promise<void> {
    const inMs = timer.fireAtMs - this.now();
    if (inMs <= 0) return this.fire(timer.id);
    await this.alarms.create(ALARM_PREFIX + timer.id, { when: timer.fireAtMs });
    if (inMs < ALARM_FLOOR_MS && !this.timeouts.has(timer.id)) {
      const schedule = this.deps.setTimeout ?? ((run: () => void, ms: number) => setTimeout(run, ms));
      this.timeouts.set(timer.id, schedule(() => void this.fire(timer.id), inMs));
    }
  }

  private async unplan(id: string): Promise<void> {
    this.dropTimeout(id);
    await this.alarms.clear(ALARM_PREFIX + id);
  }

  private dropTimeout(id: string) {
    const handle = this.timeouts.get(id);
    this.timeouts.delete(id);
    if (handle !== undefined) (this.deps.clearTimeout ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>)))(handle);
  }

  /** Taken out of storage before anything is sent, so the alarm and the timeout cannot both cancel. */
  private async fire(id: string): Promise<void> {
    if (this.firing.has(id)) return;
    this.firing.add(id);
    try {
      const timer = await this.change((timers) => ({ next: timers.filter((t) => t.id !== id), result: timers.find((t) => t.id === id) }));
      await this.unplan(id);
      if (timer) await this.deps.fire(timer);
    } finally {
      this.firing.delete(id);
    }
  }
}
