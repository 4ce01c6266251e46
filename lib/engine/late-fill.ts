// After a cancel is confirmed, venues still report fills that the exchange matched before the
// cancel took effect. For a few seconds the order is looked up again (behind anything the user
// asks for) and the journal entry corrected when a fill shows up: "cancelled" becomes "cancelled —
// 2 of 10 filled", or "filled before the cancel arrived" when nothing was left to cancel.
import type { CredentialSource } from '../vault/credentials';
import type { CancelOutcome, Fill, JournalEntry } from '@/lib/model';
import { fillOf, fillWords, LATE_FILL_WATCH_MS } from '@/lib/outcome-text';
import { isOrders } from '../venues/types';
import type { Journal } from './journal';
import type { Clock } from './rate-limit';
import type { VenueClient } from './venue-client';

/**
 * When the order is looked up again, in ms after the cancel was confirmed: once at once (a fill
 * from before the cancel), then spread over the watch. Each lookup is one or two requests at
 * background priority, well inside every venue's rate limit.
 */
export const LATE_FILL_CHECKS_MS = [150, 1500, 3000, LATE_FILL_WATCH_MS];

const FILLED_STATUS = /fill|complete|execut/i;

export interface WatchOptions {
  credentials: CredentialSource;
  /** When to look, in ms after the cancel was confirmed (default LATE_FILL_CHECKS_MS). */
  lateFillChecksMs?: readonly number[];
}

/** The entry after a lookup that saw `fill` of the order, or undefined when nothing changes. */
export function corrected(entry: JournalEntry, fill: Fill, venueStatus: string): Pick<JournalEntry, 'status' | 'outcome' | 'message'> | undefined {
  const before = entry.outcome && 'filled' in entry.outcome ? entry.outcome.filled : undefined;
  if (fill.qty <= 0 || fill.qty <= (before?.qty ?? 0)) return undefined;
  const full = fill.of !== undefined && fill.qty >= fill.of;
  if (full || FILLED_STATUS.test(venueStatus)) {
    const outcome: CancelOutcome = { kind: 'already-closed', venueStatus, filled: fill, message: `Filled before the cancel took effect (venue status ${venueStatus || 'closed'}; reported after the cancel)` };
    return { status: 'already-closed', outcome, message: outcome.message };
  }
  const message = `${entry.message ?? 'Cancelled'} — the venue reports ${fillWords(fill)}`;
  const outcome: CancelOutcome = { kind: 'cancelled', ...(venueStatus ? { venueStatus } : {}), filled: fill, message };
  return { status: 'cancelled', outcome, message };
}

/**
 * Watches one cancelled order for a late fill. Never throws: a failed lookup is skipped, and the
 * outcome already shown stays as it is.
 */
export async function watchLateFill(journal: Journal, client: VenueClient, opts: WatchOptions, clock: Clock, entry: JournalEntry): Promise<JournalEntry> {
  try {
    const checks = opts.lateFillChecksMs ?? LATE_FILL_CHECKS_MS;
    if (!checks.length) return entry;
    const creds = await opts.credentials.get(entry.venue);
    if (creds.state !== 'ok') return entry;
    let waited = 0;
    for (const at of checks) {
      await clock.sleep(at - waited);
      waited = at;
      // Another cancel or a retry of this order owns the entry now.
      if (entry.status !== 'cancelled') return entry;
      // The one-order lookup only: one request per look, and never the open-orders list that a
      // click on another order may be asking for at the same moment.
      const found = await client.run(client.adapter.lookup, { [client.adapter.idField]: entry.orderId }, creds.credentials, 'background');
      if (!isOrders(found)) continue;
      const order = found.orders.find((o) => o.key === entry.orderId && (!entry.hints?.leg || !o.cancelFields.legOrderIndicator || o.cancelFields.legOrderIndicator === entry.hints.leg));
      if (!order || order.state !== 'closed') continue;
      const fill = fillOf(order);
      const patch = fill && corrected(entry, fill, order.venueStatus);
      if (patch) await journal.update(entry, patch);
    }
  } catch {
    // The outcome already recorded is the last known truth.
  }
  return entry;
}
