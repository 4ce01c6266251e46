// Order tables the generic detector cannot read — no order id at all (CoinSwitch's web UI likely
// shows none), or only an id the venue does not cancel by (an exchange order number): with the
// venue's open orders at hand, a row is the order whose id it shows, or else the one order that what
// it shows — symbol, side, price, quantity, time — fits.
import { classifyHeader, type Field } from './columns';
import { isHistory, gridLayout } from './generic';
import { findGrids, headerTexts, type Key } from './grid';
import { matchFields, type KnownOrders, type RowFields } from './known';
import { cellText, isCancellableStatus, statusText } from './text';
import type { DetectedOrderRow, Layout } from '../types';

/** Rows matched on their fields alone (not by an id they show): one such match per order, or none. */
export const matchedByFields = new WeakSet<DetectedOrderRow>();

const FIELDS = ['symbol', 'side', 'price', 'quantity', 'time'] as const satisfies ReadonlyArray<keyof RowFields & Field>;

/** Order tables under root that no earlier layout reads (`earlier`: the recipe's, the generic detector's). */
export function fieldLayouts(root: ParentNode, known: KnownOrders, earlier: readonly Layout[]): Layout[] {
  const layouts: Layout[] = [];
  for (const grid of findGrids(root)) {
    if (earlier.some((l) => l.container === grid.body)) continue;
    // A table whose rows an earlier layout reads is theirs (one querySelector, not a walk over its rows).
    if (earlier.some((l) => owned(grid.body, l))) continue;
    const columns = headerTexts(grid).map(([k, text]) => [k, classifyHeader(text)] as const);
    const at = (f: Field): Key | undefined => columns.find(([, c]) => c === f)?.[0];
    const idKeys = columns.flatMap(([k, f]) => (f?.startsWith('id:') ? [k] : []));
    const keys = FIELDS.flatMap((f) => (at(f) === undefined ? [] : [[f, at(f)!] as const]));
    // The symbol and two more of side, price, quantity: less than that is too little to tell orders apart.
    const fieldsTell = at('symbol') !== undefined && keys.filter(([f]) => f !== 'symbol' && f !== 'time').length >= 2;
    if (!idKeys.length && !fieldsTell) continue;
    if (isHistory(grid, { trades: at('trade') !== undefined })) continue;
    const status = at('status');
    const actions = columns.filter(([, c]) => c === 'action');
    layouts.push(gridLayout(grid, actions[actions.length - 1]?.[0], 'venue', (row) => {
      const fields: RowFields & Record<string, string> = {};
      for (const [f, key] of keys) {
        const text = cellText(grid.cell(row, key));
        if (text) fields[f] = text;
      }
      const byId = idKeys.map((k) => shownOrder(cellText(grid.cell(row, k)), known)).find(Boolean);
      const order = byId ?? (fieldsTell ? matchFields(fields, known) : undefined);
      if (!order) return undefined;
      const shown = status !== undefined ? statusText(grid.cell(row, status)) : undefined;
      // Open as the venue reported a moment ago, unless the page already shows it closed.
      const detected: DetectedOrderRow = { row, orderId: order.orderId, status: shown, cancellable: order.open && isCancellableStatus(shown), hints: fields, source: 'venue' };
      if (!byId) matchedByFields.add(detected);
      return detected;
    }));
  }
  return layouts;
}

/** The known order whose id (any of its ids) a cell shows among its words. */
function shownOrder(text: string, known: KnownOrders) {
  for (const word of text.split(' ')) {
    const order = known.byAnyId(word.replace(/[.,;:()]+$/, ''));
    if (order) return order;
  }
  return undefined;
}

/**
 * A symbol as a venue's list wants it: "BTC/INR" → BTCINR, and a tag glued on by the markup
 * ("BTCINRPerp", two spans) cut off where the case changes; undefined when it cannot be one.
 */
export function symbolOf(text: string | undefined): string | undefined {
  const word = text?.split(' ')[0]!.replace(/[^A-Za-z0-9]/g, '') ?? '';
  const symbol = (/[a-z]/.test(word) && /[A-Z]/.test(word) ? word.match(/^[A-Z0-9]+?(?=[A-Z]?[a-z])/)?.[0] : word)?.toUpperCase();
  return symbol && /^[A-Z0-9]{2,32}$/.test(symbol) ? symbol : undefined;
}

/**
 * The symbols the page's order tables show in their symbol column, read before any row is an
 * order (a page without ids needs the venue's list first, and ZebPay lists per symbol only).
 */
export function shownSymbols(root: ParentNode, limit = 20): string[] {
  const out = new Set<string>();
  for (const grid of findGrids(root)) {
    const key = headerTexts(grid).find(([, text]) => classifyHeader(text) === 'symbol')?.[0];
    if (key === undefined) continue;
    for (const row of grid.rows()) {
      const symbol = symbolOf(cellText(grid.cell(row, key)));
      if (symbol) out.add(symbol);
      if (out.size >= limit) return [...out];
    }
  }
  return [...out];
}

function owned(body: Element, layout: Layout): boolean {
  const row = body.querySelector(layout.rowSelector);
  return !!row && layout.owns(row);
}
