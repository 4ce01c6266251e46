// Cancels an exact list of orders, and lists what "open" means for a venue right now. Used by the
// confirmed cancel-all, the scoped cancel and the panic: the user confirms a list, and only that
// list is cancelled — an order that appeared after the confirmation is counted, never touched.
import type { CancelOutcome, JournalEntry, OrderView, VenueId } from '@/lib/model';
import { isOrders } from '../venues/types';
import type { CancelEngine } from './engine';
import { hintsOf } from './order-details';

/** `more`: the venue lists more open orders than QuickCancel read (list-pages.ts). */
export type OpenList = { orders: OrderView[]; symbols?: string[]; more?: true } | { outcome: CancelOutcome } | { uncounted: true };

export interface CancelManyResult {
  entries: JournalEntry[];
  /** Open orders the venue reported now that were not in the confirmed list: left open. */
  appeared: number;
}

const isOpen = (o: OrderView) => o.state !== 'closed';
/** The adapter refused to build the request because the venue needs a field (ZebPay: a symbol). */
const needsScope = (r: CancelOutcome) => r.kind === 'rejected' && r.code === 'QC_MISSING_FIELD';

/**
 * The venue's open orders now. A venue that lists only per symbol (ZebPay) is asked once per given
 * symbol; without symbols it says so (`uncounted`) rather than guess.
 */
export async function listOpen(engine: CancelEngine, venue: VenueId, credentials: unknown, symbols: readonly string[] = []): Promise<OpenList> {
  const client = engine.client(venue);
  const list = await client.openOrders(credentials, true);
  if (isOrders(list)) return { orders: list.orders.filter(isOpen), ...(list.more ? { more: true as const } : {}) };
  if (!needsScope(list)) return { outcome: list };
  const wanted = [...new Set(symbols.map((s) => s.trim().toUpperCase()).filter(Boolean))];
  if (!wanted.length) return { uncounted: true };
  const lists = await Promise.all(wanted.map((symbol) => client.listAll({ symbol }, credentials)));
  const failed = lists.find((l) => !isOrders(l));
  if (failed && !isOrders(failed)) return { outcome: failed };
  const seen = new Set<string>();
  const orders: OrderView[] = [];
  let more = false;
  for (const l of lists) {
    if (!isOrders(l)) continue;
    more ||= !!l.more;
    for (const o of l.orders) {
      if (!isOpen(o) || seen.has(o.key)) continue;
      seen.add(o.key);
      orders.push(o);
    }
  }
  return { orders, symbols: wanted, ...(more ? { more: true as const } : {}) };
}

/**
 * Cancels exactly `orderIds` (each once, however often listed) through engine.cancel, so each gets
 * the engine's journal, verification and the venue client's token bucket — the bucket paces the
 * requests to the venue's rate limit, and a page click still goes first. The fresh list taken just
 * before gives each cancel its order (no lookup per order) and counts what appeared since `listed`
 * (every key the confirmation showed; by default the ones to cancel).
 */
export async function cancelMany(
  engine: CancelEngine,
  venue: VenueId,
  credentials: unknown,
  orderIds: readonly string[],
  options: { listed?: readonly string[]; symbols?: readonly string[] } = {},
): Promise<CancelManyResult> {
  const now = await listOpen(engine, venue, credentials, options.symbols);
  return cancelAgainst(engine, venue, 'orders' in now ? now.orders : [], orderIds, options.listed);
}

/**
 * cancelMany's second half, for a caller that took the fresh list itself: `fresh` holds the open
 * orders the venue reports now (empty when it could not say); an order not in it is looked up by
 * the engine, and reported closed if it is.
 */
export async function cancelAgainst(
  engine: CancelEngine,
  venue: VenueId,
  fresh: readonly OrderView[],
  orderIds: readonly string[],
  confirmed?: readonly string[],
): Promise<CancelManyResult> {
  const wanted = [...new Set(orderIds)];
  const listed = new Set(confirmed ?? wanted);
  for (const id of wanted) listed.add(id);
  const known = new Map(fresh.map((o) => [o.key, o] as const));
  const appeared = fresh.filter((o) => !listed.has(o.key)).length;
  const entries = await Promise.all(
    wanted.map((orderId) => {
      const order = known.get(orderId);
      return engine.cancel({ venue, orderId, hints: order ? hintsOf(order) : {}, source: 'cancel-all' }, order);
    }),
  );
  return { entries, appeared };
}
