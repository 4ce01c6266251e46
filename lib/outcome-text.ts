// How an outcome's fills are put into words, in one place: the page's control, the popup's
// history, notifications and the CSV export all say "Cancelled — 3 of 10 filled" the same way, so
// a cancel that only stopped the rest of an order never reads like one that stopped all of it.
// Pure and import-free at run time, so page code may use it too.
import type { CancelOutcome, Fill, JournalEntry, OrderView } from './model';

/**
 * How long after a confirmed cancel the background keeps looking for a late fill. The page asks
 * again once this has passed, so that a corrected outcome reaches the row.
 */
export const LATE_FILL_WATCH_MS = 5000;

/** Subtraction of decimal quantities without binary noise (0.3 − 0.1 → 0.2). */
const minus = (a: number, b: number): number => Number.parseFloat((a - b).toPrecision(15));

/** What a venue's order row says is filled, when it gives both the size and what is left. */
export function fillOf(order: Pick<OrderView, 'quantity' | 'remaining'>): Fill | undefined {
  const { quantity, remaining } = order;
  if (quantity === undefined || remaining === undefined || !Number.isFinite(quantity) || !Number.isFinite(remaining)) return undefined;
  if (quantity <= 0 || remaining < 0 || remaining > quantity) return undefined;
  return { qty: minus(quantity, remaining), of: quantity };
}

const filledOf = (outcome: CancelOutcome | undefined): Fill | undefined =>
  outcome && 'filled' in outcome && outcome.filled && Number.isFinite(outcome.filled.qty) ? outcome.filled : undefined;

const isFull = (fill: Fill) => fill.of !== undefined && fill.qty >= fill.of;

/** "3 of 10 filled", or "3 filled" when the venue did not give the order's size. */
export function fillWords(fill: Fill): string {
  return fill.of !== undefined ? `${fill.qty} of ${fill.of} filled` : `${fill.qty} filled`;
}

/** "3 of 10" for the CSV's fill column; empty when the venue reported no fill. */
export function fillCell(entry: Pick<JournalEntry, 'outcome'>): string {
  const fill = filledOf(entry.outcome);
  if (!fill || fill.qty <= 0) return '';
  return fill.of !== undefined ? `${fill.qty} of ${fill.of}` : String(fill.qty);
}

/**
 * The outcome's headline when the venue reported a fill, e.g. "Cancelled — 3 of 10 filled" or
 * "Filled before the cancel arrived (10 of 10)"; undefined when there is no fill to tell.
 */
export function fillHeadline(entry: Pick<JournalEntry, 'status' | 'outcome' | 'attempts'>): string | undefined {
  const fill = filledOf(entry.outcome);
  if (!fill || fill.qty <= 0) return undefined;
  const amount = fill.of !== undefined ? `${fill.qty} of ${fill.of}` : `${fill.qty}`;
  if (isFull(fill) && (entry.status === 'cancelled' || entry.status === 'already-closed')) {
    // Nothing was sent: the order had filled before the click, not "before the cancel arrived".
    return entry.attempts > 0 ? `Filled before the cancel arrived (${amount})` : `Already filled (${amount})`;
  }
  switch (entry.status) {
    case 'cancelled':
      return `Cancelled — ${fillWords(fill)}`;
    case 'already-closed':
      return `Closed — ${fillWords(fill)}`;
    case 'pending':
    case 'verifying':
      return `Cancel pending — ${fillWords(fill)} so far`;
    default:
      return undefined;
  }
}

/** The words shown for an entry: the fill headline (if any) and the venue's or QuickCancel's message. */
export function outcomeText(entry: Pick<JournalEntry, 'status' | 'outcome' | 'attempts' | 'message'>): string {
  const headline = fillHeadline(entry);
  const message = entry.message ?? '';
  if (!headline) return message || entry.status;
  return message && message !== headline ? `${headline}. ${message}` : headline;
}
