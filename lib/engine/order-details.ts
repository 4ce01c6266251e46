// What a history entry says about the order (symbol, side, quantity, price), and where it came
// from. The page's text is whatever the broker page — or a script on it — drew; the venue's answer
// is the fact. An entry shows the venue's details once the venue has described the order, and
// until then the page's, marked as the page's, so nothing a page wrote passes for a venue fact.
import type { JournalEntry, OrderView } from '@/lib/model';

const FIELDS = ['symbol', 'side', 'quantity', 'price'] as const;

/** The details as the venue reports them. */
export function venueDetails(o: OrderView): Pick<JournalEntry, (typeof FIELDS)[number]> {
  const out: Pick<JournalEntry, (typeof FIELDS)[number]> = {};
  if (o.symbol) out.symbol = o.symbol;
  if (o.side) out.side = o.side;
  if (o.quantity !== undefined) out.quantity = String(o.quantity);
  if (o.price !== undefined) out.price = String(o.price);
  return out;
}

/** A venue order's details as cancel hints (cancel-all passes the order it listed). */
export function hintsOf(o: OrderView): Record<string, string> {
  return Object.fromEntries(Object.entries(venueDetails(o)).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

/** The page's hints as an entry's details, marked as the page's; nothing when it gave none. */
export function pageDetails(hints: Record<string, string>): Partial<JournalEntry> {
  const out: Partial<JournalEntry> = {};
  for (const k of FIELDS) if (hints[k]) out[k] = hints[k];
  return Object.keys(out).length ? { ...out, detailsFrom: 'page' } : out;
}

/** Replaces whatever the page said with what the venue says, in place (the entry is in flight). */
export function adoptVenueDetails(entry: JournalEntry, o: OrderView): void {
  for (const k of FIELDS) delete entry[k];
  Object.assign(entry, venueDetails(o), { detailsFrom: 'venue' });
}
