// The page's health for the popup (DESIGN.md, "Page health"): how many order rows were read and by
// what, how many are the venue's own orders, which rules read nothing here, and which open orders
// the venue reports that no row shows. Sent with `status`, only when it changed, after the page
// has been quiet for a moment: the work is one pass over the rows already read, per report.
import type { PageHealth } from '../../messages';
import type { KnownOrders } from '../detect/known';
import type { Layout } from '../types';
import type { Tracked } from './inject';

/** At most this many unshown orders travel (the count says how many there are). */
const MAX_UNSHOWN = 50;
const short = (s: string | undefined) => s?.slice(0, 64);

export function healthOf(rows: Iterable<Tracked>, unread: number, layouts: readonly Layout[], known: KnownOrders | undefined): PageHealth {
  const by = { recipe: 0, generic: 0, rule: 0, venue: 0 };
  let count = 0;
  let matched = 0;
  const shown = new Set<string>();
  const used = new Set<Layout>();
  for (const { detected, layout } of rows) {
    count++;
    by[layout.kind]++;
    used.add(layout);
    if (detected.source === 'venue') matched++;
    shown.add(detected.orderId);
  }
  // A rule reads nothing when no row of it was read and (all rows read) or nothing matches it at all.
  const ruleMisses = layouts
    .filter((l) => l.kind === 'rule' && !used.has(l) && (unread === 0 || l.rows()[Symbol.iterator]().next().done))
    .map((l) => l.rowSelector)
    .slice(0, 20);
  // Unread rows may show any order: "not on this page" is only said once every row was read.
  const missing = known && unread === 0 ? known.open.filter((o) => !shown.has(o.orderId)) : undefined;
  return {
    rows: count + unread,
    by,
    matched,
    unread,
    ruleMisses,
    unshown: missing ? missing.slice(0, MAX_UNSHOWN).map((o) => ({ orderId: o.orderId, symbol: short(o.symbol), side: short(o.side), price: short(o.price), quantity: short(o.quantity) })) : null,
    unshownCount: missing?.length ?? 0,
  };
}

/** Calls `send` with the summary a moment after the page stops changing, and only when it changed. */
export function healthReporter(summary: () => PageHealth, send: (health: PageHealth) => void, quietMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const health = summary();
      const seen = JSON.stringify(health);
      if (seen === last) return;
      last = seen;
      send(health);
    }, quietMs);
  };
}
