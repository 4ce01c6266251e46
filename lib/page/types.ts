import type { KnownOrder, VenueId } from '@/lib/model';

export type { KnownOrder };

export interface DetectedOrderRow {
  /** The element that represents one order. */
  row: Element;
  /** The id the venue cancels by (or looks up by). */
  orderId: string;
  /** As shown on the page. */
  status?: string;
  /** Open, pending, partially filled, or status unknown. */
  cancellable: boolean;
  /** Other cells worth passing on: symbol, side, qty, exchange order id… */
  hints: Record<string, string>;
  /** 'venue': matched to an order the venue itself reports; otherwise read from the page alone. */
  source?: 'venue' | 'page';
}

/** Selectors for one venue's web UI, tested against its fixture pages. */
export interface Recipe {
  /** One element per order. */
  row: string;
  /** Within a row: the cell holding the id to cancel by. */
  id: string;
  status?: string;
  /** Within a row: hint name → selector. */
  hints?: Record<string, string>;
  /** Within a row: where the control goes (default: the row's last cell). */
  slot?: string;
}

/** A rule the user writes in Settings for a page no recipe or heuristic understands. */
export interface PageRule {
  venue: VenueId;
  /** Rows: a CSS selector. */
  row: string;
  /** The id: a CSS selector within the row, or header text of the id column. */
  idSelector?: string;
  idHeader?: string;
  /** The status, the same way (optional: without one, the generic header reading is tried, then none). */
  statusSelector?: string;
  statusHeader?: string;
  /**
   * For rows that show no id: selectors within the row of what identifies the order (the symbol
   * and at least two of side, price, quantity). Each row is matched to exactly one of the venue's
   * open orders, or gets no control (needs the venue's list: keys set, unlocked).
   */
  fields?: RuleFields;
}

export type RuleFields = { symbol: string } & Partial<Record<'side' | 'price' | 'quantity' | 'time', string>>;

/**
 * One way of reading order rows on a page: a recipe, a table or grid the generic detector
 * understood, or a user rule. Detection and observation both go through it, row by row.
 */
export interface Layout {
  readonly kind: 'recipe' | 'generic' | 'rule' | 'venue';
  /** Matches this layout's row elements (candidates: `owns` has the last word). */
  readonly rowSelector: string;
  /** True when el is one of this layout's rows. */
  owns(el: Element): boolean;
  /** Split rows (pinned halves of one order): the half that stands for the order, for any half. */
  primary?(el: Element): Element | undefined;
  /** Reads one of its rows; undefined for rows that are not orders (placeholders, group headers). */
  read(row: Element): DetectedOrderRow | undefined;
  /** Every row it has now. */
  rows(): Iterable<Element>;
  /** Where a row's control goes. */
  slot(row: Element): Element;
  /** False once its table or header is gone, or has changed so its columns must be read again. */
  valid(): boolean;
  /** True when a change inside node can change the layout itself (its header). */
  isStructure(node: Node): boolean;
  /** The element its rows live in (generic layouts), to tell new tables from its own. */
  readonly container?: Element;
}
