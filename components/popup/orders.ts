// Choosing orders to cancel, as pure functions: what a scope matches, and how a batch ended. The
// confirmation lists exactly what `select` returns, and only those keys are sent.
import type { JournalEntry, JournalStatus, OrderView } from '@/lib/model';
import { STATUS_LABEL } from '../outcome';

export interface Scope {
  /** Exact symbol, as the venue spells it ('' = any). */
  symbol: string;
  /** 'BUY' | 'SELL' ('' = any). */
  side: string;
  /** The venue's order type ('' = any). */
  orderType: string;
  /** Only the most recently placed order (of those the other filters leave). */
  lastOnly: boolean;
}

export const ANY_SCOPE: Scope = { symbol: '', side: '', orderType: '', lastOnly: false };

const norm = (s: string | undefined) => (s ?? '').trim().toUpperCase();
/** Venues spell sides BUY/SELL, B/S, buy/sell: compare the first letter. */
const sideOf = (s: string | undefined) => norm(s).charAt(0);

/** The open orders the scope covers, newest first. An order the venue gave no time for is never "the last". */
export function select(orders: readonly OrderView[], scope: Scope): OrderView[] {
  const matching = orders
    .filter((o) => o.state !== 'closed')
    .filter((o) => !scope.symbol || norm(o.symbol) === norm(scope.symbol))
    .filter((o) => !scope.side || sideOf(o.side) === sideOf(scope.side))
    .filter((o) => !scope.orderType || norm(o.orderType) === norm(scope.orderType))
    .sort((a, b) => (b.createdAtMs ?? -Infinity) - (a.createdAtMs ?? -Infinity));
  if (!scope.lastOnly) return matching;
  const last = matching[0];
  return last && last.createdAtMs !== undefined ? [last] : [];
}

/** The distinct values of a field among the open orders, for the filter's choices. */
export function choices(orders: readonly OrderView[], field: 'symbol' | 'orderType'): string[] {
  return [...new Set(orders.map((o) => o[field]).filter((v): v is string => !!v))].sort();
}

/** Whether the venue dates its orders, so "the last order placed" means something. */
export const hasTimes = (orders: readonly OrderView[]) => orders.some((o) => o.createdAtMs !== undefined);

export function describeScope(scope: Scope): string {
  const parts = [scope.side && (sideOf(scope.side) === 'B' ? 'buy' : 'sell'), scope.orderType, scope.symbol].filter(Boolean).join(' ');
  const what = parts ? `${parts} orders` : 'orders';
  return scope.lastOnly ? `the last placed of the open ${what}` : `all open ${what}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How a batch ended, by status, most common first. */
export function summarize(entries: readonly JournalEntry[]): string {
  const counts = new Map<JournalStatus, number>();
  for (const e of entries) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${STATUS_LABEL[status]}`);
  return `${plural(entries.length, 'cancel')}: ${parts.join(', ')}.`;
}

/** Where a venue lists more open orders than were read (lib/engine/list-pages.ts): the rest are not cancelled, and the user is told. */
export const unread = (venueName: string) => `more open orders than QuickCancel could read: cancel the rest on ${venueName}`;

/** The result line of an exact-list cancel: what happened, and what was deliberately left open. */
export function resultText(entries: readonly JournalEntry[], appeared: number): string {
  const head = summarize(entries);
  if (!appeared) return head;
  return `${head} ${appeared} new order${appeared === 1 ? '' : 's'} appeared after you confirmed and ${appeared === 1 ? 'was' : 'were'} left open.`;
}

/** The entries as they are now in the live journal (the engine keeps verifying the unresolved). */
export function latest(entries: readonly JournalEntry[], live: readonly JournalEntry[] | undefined): JournalEntry[] {
  if (!live) return [...entries];
  const byId = new Map(live.map((e) => [e.id, e]));
  return entries.map((e) => byId.get(e.id) ?? e);
}
