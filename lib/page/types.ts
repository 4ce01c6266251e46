import type { VenueId } from '../venues/types';

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
}

/** Selectors for one venue's web UI, tested against its fixture pages. */
export interface Recipe {
  venues: VenueId[];
  /** One element per order. */
  row: string;
  /** Within a row: the cell holding the id to cancel by. */
  id: string;
  status?: string;
  /** Within a row: hint name → selector. */
  hints?: Record<string, string>;
}

/** A rule the user writes in Settings for a page no recipe or heuristic understands. */
export interface PageRule {
  venue: VenueId;
  /** Rows: a CSS selector. */
  row: string;
  /** The id: a CSS selector within the row, or header text of the id column. */
  idSelector?: string;
  idHeader?: string;
}
