// The venue's own open orders as the truth about a page's rows (DESIGN.md, "Page detection"): a row
// showing any id of a known order is that order; a row showing no id is matched on what it does
// show — symbol, side, price, quantity, time — to exactly one open order, or to none. Pure: the page
// runtime supplies the list the background prefetched.
import type { DetectedOrderRow, KnownOrder } from '../types';
import { OTHER_ID_HINT } from './columns';

/** The hint names other id columns are passed on under (exchange, client… order ids). */
const ID_HINTS = [...new Set(Object.values(OTHER_ID_HINT))];

/** Ids compare without case and without the page's separators ("#", spaces). */
const normId = (id: string) => id.replace(/^[#№]+/, '').trim().toLowerCase();

export class KnownOrders {
  private readonly byId = new Map<string, KnownOrder>();
  readonly open: readonly KnownOrder[];

  constructor(readonly list: readonly KnownOrder[]) {
    for (const order of list) {
      for (const id of [order.orderId, ...(order.otherIds ?? [])]) if (id) this.byId.set(normId(id), order);
    }
    this.open = list.filter((o) => o.open);
  }

  byAnyId(id: string | undefined): KnownOrder | undefined {
    return id ? this.byId.get(normId(id)) : undefined;
  }
}

/**
 * A row read from the page, anchored to the venue's order when it shows one of its ids (the id
 * the row was read by, or another id column): then it cancels the venue's order, open or not as
 * the venue says. Otherwise it stays the page's reading.
 */
export function anchorRow(row: DetectedOrderRow, known: KnownOrders): DetectedOrderRow {
  for (const id of [row.orderId, ...ID_HINTS.map((name) => row.hints[name])]) {
    const order = known.byAnyId(id);
    if (order) return { ...row, orderId: order.orderId, cancellable: order.open, source: 'venue' };
  }
  return { ...row, source: 'page' };
}

/** What an id-less row shows of its order, as the page's text. */
export interface RowFields {
  symbol?: string;
  side?: string;
  price?: string;
  quantity?: string;
  time?: string;
}

/** "NSE:SBIN-EQ" → "SBINEQ", "btc/usdt" → "BTCUSDT"; the first word too ("SBIN"), for pages that drop a series. */
function symbols(text: string): string[] {
  const last = text.split(':').pop()!.toUpperCase();
  const whole = last.replace(/[^A-Z0-9]/g, '');
  const first = last.split(/[^A-Z0-9]+/).find(Boolean) ?? '';
  return first && first !== whole ? [whole, first] : [whole];
}

export function sideOf(text: string): 'buy' | 'sell' | undefined {
  const s = text.trim().toLowerCase();
  if (/^(b|buy|long|bid)\b/.test(s)) return 'buy';
  if (/^(s|sell|short|ask)\b/.test(s)) return 'sell';
  return undefined;
}

/**
 * A number as a page shows it: "₹ 1,23,456.50", "27 350.5", "0 / 10" (filled of total: the total).
 * With the decimals shown, so a venue's longer figure is compared rounded the same way.
 */
function shownNumber(text: string): { value: number; decimals: number } | undefined {
  const parts = text.replace(/[,\s\u00a0\u202f']/g, '').match(/-?\d+(\.\d+)?/g);
  const last = parts?.[parts.length - 1];
  if (!last) return undefined;
  const value = Number(last);
  return Number.isFinite(value) ? { value, decimals: last.split('.')[1]?.length ?? 0 } : undefined;
}

function sameNumber(page: string, venue: string): boolean | undefined {
  const shown = shownNumber(page);
  const actual = Number(venue);
  if (!shown || !Number.isFinite(actual)) return undefined;
  return Number(actual.toFixed(Math.min(shown.decimals, 20))) === shown.value;
}

/** Whether the page's symbol text ("NSE:SBIN-EQ") names the venue's symbol ("SBIN"). */
export function sameSymbol(page: string, venue: string): boolean {
  const venueSymbols = symbols(venue);
  return symbols(page).some((s) => venueSymbols.includes(s));
}

/** Each field the row and the order both have: agrees (true) or not (false); undefined when either lacks it. */
function compare(fields: RowFields, order: KnownOrder): Array<boolean | undefined> {
  return [
    fields.symbol && order.symbol ? sameSymbol(fields.symbol, order.symbol) : undefined,
    fields.side && order.side ? sideOf(fields.side) !== undefined && sideOf(fields.side) === sideOf(order.side) : undefined,
    fields.price && order.price ? sameNumber(fields.price, order.price) : undefined,
    fields.quantity && order.quantity ? sameNumber(fields.quantity, order.quantity) : undefined,
  ];
}

/** The time of day at the end of a time cell ("10:32", "02 Dec 10:32:05", "3:05 PM"), on the page's clock. */
function timeOfDay(text: string): { h: number; m: number; s?: number } | undefined {
  const t = text.match(/(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*$/i);
  if (!t) return undefined;
  const h = t[4] ? (Number(t[1]) % 12) + (/pm/i.test(t[4]) ? 12 : 0) : Number(t[1]);
  return { h, m: Number(t[2]), s: t[3] === undefined ? undefined : Number(t[3]) };
}

function placedAt(ms: number, t: NonNullable<ReturnType<typeof timeOfDay>>): boolean {
  const d = new Date(ms);
  return d.getHours() === t.h && d.getMinutes() === t.m && (t.s === undefined || d.getSeconds() === t.s);
}

/**
 * The one open order a row without an id shows, or none. The symbol and two more fields must
 * agree and none may disagree; when several orders fit, the time of day the page shows may single
 * one out. Never a guess: two candidates left means no match (the order stays reachable from the popup).
 */
export function matchFields(fields: RowFields, known: KnownOrders): KnownOrder | undefined {
  let candidates = known.open.filter((order) => {
    const checks = compare(fields, order);
    if (checks.includes(false) || checks[0] !== true) return false;
    return checks.filter((c) => c === true).length >= 3;
  });
  const time = fields.time ? timeOfDay(fields.time) : undefined;
  if (candidates.length > 1 && time) {
    candidates = candidates.filter((o) => o.placedAtMs !== undefined && placedAt(o.placedAtMs, time));
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Field matches that more than one row claims are no match at all: two rows that both look like
 * the same order cannot both be it, and guessing which one would cancel from the wrong row.
 */
export function dropSharedMatches(rows: DetectedOrderRow[], byFields: { has(row: DetectedOrderRow): boolean }): DetectedOrderRow[] {
  const claims = new Map<string, number>();
  for (const row of rows) if (byFields.has(row)) claims.set(row.orderId, (claims.get(row.orderId) ?? 0) + 1);
  return rows.filter((row) => !byFields.has(row) || claims.get(row.orderId) === 1);
}
