// Cancel timers on the page: a row whose order has a timer (set from its menu or in the popup)
// shows the countdown on its control, read from the timers the background stores. When a timer
// leaves the store at its time, it has fired: the row asks how it ended (cancelled, or filled
// first) rather than guess. A timer removed before its time just stops showing.
import type { VenueId } from '@/lib/model';
import type { CancelControl } from './control';

export interface RowTimer {
  orderId: string;
  fireAtMs: number;
  setAtMs: number;
}

/** A timer that leaves the store this close to its time (or later) has fired. */
const FIRED_SLACK_MS = 1000;

/** This venue's stored timers by order id; anything malformed is left out (the store validates its own). */
export function venueTimers(value: unknown, venue: VenueId): Map<string, RowTimer> {
  const timers = new Map<string, RowTimer>();
  if (!Array.isArray(value)) return timers;
  for (const t of value as Array<Partial<Record<keyof RowTimer | 'venue', unknown>>>) {
    if (t?.venue !== venue || typeof t.orderId !== 'string' || typeof t.fireAtMs !== 'number' || typeof t.setAtMs !== 'number') continue;
    timers.set(t.orderId, { orderId: t.orderId, fireAtMs: t.fireAtMs, setAtMs: t.setAtMs });
  }
  return timers;
}

export class RowTimers {
  private timers = new Map<string, RowTimer>();
  private ticking: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly venue: VenueId,
    private readonly controls: Iterable<CancelControl>,
    /** The timer on this order fired (it was set at `sinceMs`): find out how it ended. */
    private readonly fired: (orderId: string, sinceMs: number) => void,
  ) {}

  /** A new control shows its order's countdown, if a timer is set on it. */
  attach(control: CancelControl): void {
    if (this.timers.has(control.orderId)) this.show(new Set([control.orderId]));
  }

  /** The stored timers changed (or were read at start). */
  apply(value: unknown, nowMs = Date.now()): void {
    const next = venueTimers(value, this.venue);
    for (const [id, old] of this.timers) {
      if (next.get(id)?.setAtMs === old.setAtMs) continue;
      if (!next.has(id) && nowMs >= old.fireAtMs - FIRED_SLACK_MS) this.fired(id, old.setAtMs);
    }
    const changed = new Set([...this.timers.keys(), ...next.keys()]);
    this.timers = next;
    this.show(changed);
  }

  /** A timer the background just set (its storage change follows). */
  put(timer: RowTimer): void {
    this.timers.set(timer.orderId, timer);
    this.show(new Set([timer.orderId]));
  }

  private show(ids: ReadonlySet<string>) {
    for (const c of this.controls) if (ids.has(c.orderId)) c.timer(this.timers.get(c.orderId)?.fireAtMs);
    if (this.timers.size && !this.ticking) this.ticking = setInterval(() => this.show(new Set(this.timers.keys())), 1000);
    if (!this.timers.size) this.stop();
  }

  stop(): void {
    clearInterval(this.ticking);
    this.ticking = undefined;
  }
}
