// Rows that show no order id (DESIGN.md, "Teaching a page"): which cells of a row say what the
// order is — its symbol, side, price and quantity — as a person tells them apart. A rule made of
// them is matched to the venue's own open orders by the content script, one row to one order.
import type { RuleFields } from '../page/types';
import { cellText } from '../page/detect/text';

type FieldName = keyof RuleFields;

const SIDE = /^(buy|sell|b|s|long|short)$/i;
const PRICE = /^(₹|\$|€|£|rs\.?|inr|usd)?\s?-?[\d,\s]*\d\.\d+$/i;
const QUANTITY = /^\d[\d,]*(\.\d+)?(\s*\/\s*\d[\d,]*(\.\d+)?)?$/;
const SYMBOL = /^[A-Z][A-Z0-9&.:_/-]{1,30}$/;

/** What one cell shows, if it is one of the identifying fields. */
export function fieldOf(cell: Element): FieldName | undefined {
  const text = cellText(cell);
  if (!text || text.length > 60) return undefined;
  if (SIDE.test(text)) return 'side';
  if (PRICE.test(text) && /\.|₹|\$|€|£/.test(text)) return 'price';
  if (QUANTITY.test(text)) return 'quantity';
  if (SYMBOL.test(text.split(' ')[0]!)) return 'symbol';
  return undefined;
}

/** The first cell of each field among these cells; enough to tell orders apart, or undefined. */
export function identifyingCells(cells: readonly Element[]): Partial<Record<FieldName, Element>> | undefined {
  const found: Partial<Record<FieldName, Element>> = {};
  for (const cell of cells) {
    const field = fieldOf(cell);
    if (field && !found[field]) found[field] = cell;
  }
  const more = (['side', 'price', 'quantity'] as const).filter((f) => found[f]).length;
  return found.symbol && more >= 2 ? found : undefined;
}
