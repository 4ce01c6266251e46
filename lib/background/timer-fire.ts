// What a cancel timer does when it fires: asks the venue about the order first, and if it closed
// before the timer (filled, most often) records exactly that; otherwise cancels it through the
// engine like any cancel, so the venue's rate limit and the truth-before-finality rules apply.
import type { EngineApi } from '../engine/api';
import type { CancelOutcome, JournalEntry, OrderView, VenueId } from '@/lib/model';
import type { CancelTimer } from '../timers-store';

export interface TimerFireDeps {
  engine: Pick<EngineApi, 'preview' | 'cancel' | 'record'>;
  /** The venue's credentials, or undefined when they cannot be had (locked vault, no keys). */
  credentials(venue: VenueId): Promise<unknown>;
  notify(entry: JournalEntry): Promise<void>;
  /** Why QuickCancel must not act on this venue now (turned off in Settings since the timer was set), if so. */
  refusal?(venue: VenueId): Promise<string | undefined>;
  now?: () => number;
}

const FILLED = /fill|complete|execut|traded|done/i;

/** The closed order's own words: filled, or closed some other way, before the timer fired. */
export function closedOutcome(order: OrderView): CancelOutcome {
  const status = order.venueStatus || 'closed';
  const filled = FILLED.test(status) && !/partial/i.test(status);
  const outcome: CancelOutcome = {
    kind: 'already-closed',
    message: filled ? 'Filled before the timer fired' : `Closed at the venue (${status}) before the timer fired`,
    venueStatus: status,
  };
  if (order.quantity !== undefined && order.remaining !== undefined) outcome.filled = { qty: order.quantity - order.remaining, of: order.quantity };
  return outcome;
}

export function timerFire(deps: TimerFireDeps) {
  const now = deps.now ?? (() => Date.now());
  return async (timer: CancelTimer): Promise<void> => {
    const refused = await deps.refusal?.(timer.venue);
    if (refused) {
      // The trader turned the venue off after setting the timer: the later word wins, and the
      // history says the order was left as it was, so nobody believes it was cancelled.
      const entry = await deps.engine.record({
        venue: timer.venue, orderId: timer.orderId, source: 'timer', status: 'not-sent', message: `Not sent: ${refused}; the timer left the order as it was`,
        startedAtMs: now(), hints: {},
      });
      await deps.notify(entry).catch(() => undefined);
      return;
    }
    const credentials = await deps.credentials(timer.venue);
    // Without credentials nothing can be asked; the engine records the cancel as not sent, to retry.
    const seen = credentials === undefined ? undefined : await deps.engine.preview(timer.venue, timer.orderId, credentials).catch(() => undefined);
    const order = seen?.order;
    let entry: JournalEntry;
    if (order?.state === 'closed') {
      const startedAtMs = now();
      const outcome = closedOutcome(order);
      entry = await deps.engine.record({
        venue: timer.venue, orderId: timer.orderId, source: 'timer', status: outcome.kind, outcome, message: outcome.message,
        ...(order.symbol ? { symbol: order.symbol } : {}), ...(order.side ? { side: order.side } : {}), detailsFrom: 'venue',
        startedAtMs, hints: {},
      });
    } else {
      entry = await deps.engine.cancel({ venue: timer.venue, orderId: timer.orderId, hints: {}, source: 'timer' });
    }
    await deps.notify(entry).catch(() => undefined);
  };
}
