// The two things a row's menu may ask for besides its order's cancel, both as a content script's
// `cancel` (the only kind of cancel a page may send): a scoped cancel ("cancel all AAPL", "cancel
// all buy AAPL") of exactly the orders its confirmation listed, and a timer on the row's order. The
// page's list may be up to 30 s old, so the venue is asked again first: a confirmed order that is
// no longer open, or no longer in the scope, is not sent, and an order in the scope that the
// confirmation did not list is left open; the reply counts both.
import type { CancelEngine } from '../engine/engine';
import { cancelAgainst, listOpen } from '../engine/cancel-many';
import type { MessageOf, ScopedCancelReply } from '../messages';
import type { JournalEntry, OrderView, VenueId } from '@/lib/model';

export type RowScope = NonNullable<MessageOf<'cancel'>['scope']>;

const norm = (s: string | undefined) => (s ?? '').trim().toUpperCase();
/** Venues spell sides BUY/SELL, B/S, buy/sell: the first letter decides. */
const sideLetter = (s: string | undefined) => norm(s).charAt(0);

export function inScope(order: OrderView, scope: RowScope): boolean {
  if (norm(order.symbol) !== norm(scope.symbol)) return false;
  return !scope.side || sideLetter(order.side) === sideLetter(scope.side);
}

export async function scopedCancel(
  engine: CancelEngine,
  venue: VenueId,
  venueName: string,
  credentials: unknown,
  scope: RowScope,
  orderIds: readonly string[],
): Promise<ScopedCancelReply> {
  const now = await listOpen(engine, venue, credentials, [scope.symbol]);
  if (!('orders' in now)) {
    const why = 'outcome' in now ? (now.outcome.message ?? now.outcome.kind) : 'it lists open orders per symbol';
    return { ok: false, error: `Nothing was cancelled: could not list ${venueName}'s open orders to check them (${why})` };
  }
  const fresh = now.orders.filter((o) => inScope(o, scope));
  const open = new Set(fresh.map((o) => o.key));
  const confirmed = [...new Set(orderIds)];
  const still = confirmed.filter((id) => open.has(id));
  const { entries, appeared } = await cancelAgainst(engine, venue, fresh, still, confirmed);
  const skipped = confirmed.length - still.length;
  return { ok: true, entries, appeared, skipped, summary: scopedSummary(entries, appeared, skipped, scope.symbol) };
}

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const WORDS: Partial<Record<JournalEntry['status'], string>> = {
  cancelled: 'cancelled', 'already-closed': 'already closed', sending: 'still being checked', verifying: 'still being checked', pending: 'still being checked', unknown: 'still being checked',
};

/** How a row's scoped cancel ended, and what was deliberately left alone, in the words the menu shows. */
export function scopedSummary(entries: readonly JournalEntry[], appeared: number, skipped: number, symbol: string): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const word = WORDS[e.status] ?? 'failed';
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  let text = entries.length ? `${counted(entries.length, 'cancel')}: ${parts.join(', ')}.` : 'Nothing was sent.';
  if (skipped) text += ` ${counted(skipped, 'order')} no longer open (or no longer ${symbol}): not sent.`;
  if (appeared) text += ` ${counted(appeared, `new ${symbol} order`)} appeared after you confirmed and ${appeared === 1 ? 'was' : 'were'} left open.`;
  return text;
}
