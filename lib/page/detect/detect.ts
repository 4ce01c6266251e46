// Finds the order rows on a broker page, layered, first match wins (per row): the venue's recipe,
// then the generic detector (only when the recipe reads no row: the page's markup may have
// changed), then the user's page rules for anything the first two miss. Pure over the DOM.
import type { VenueId } from '@/lib/model';
import { detectRow, discoverLayouts } from './discover';
import { matchedByFields } from './field-layout';
import { dropSharedMatches, KnownOrders } from './known';
import { recipeFor } from './recipes';
import type { DetectedOrderRow, KnownOrder, PageRule } from '../types';

export type { DetectedOrderRow, KnownOrder, Layout, PageRule } from '../types';

/**
 * Every order row under root: which element, which id, which status, cancellable or not. With
 * `known` (the venue's own open orders), rows are anchored to the venue's orders and rows without
 * an id are matched to one of them, or left alone when that would be a guess.
 */
export function detectOrderRows(root: ParentNode, venue: VenueId, rules: PageRule[] = [], known?: readonly KnownOrder[]): DetectedOrderRow[] {
  const index = known ? new KnownOrders(known) : undefined;
  const { layouts } = discoverLayouts(root, venue, recipeFor(venue), rules, index);
  const out: DetectedOrderRow[] = [];
  const seen = new Set<Element>();
  for (const layout of layouts) {
    for (const row of layout.rows()) {
      if (seen.has(row)) continue;
      seen.add(row);
      const hit = detectRow(row, layouts, index);
      if (!hit) continue;
      out.push(hit[0]);
    }
  }
  return dropSharedMatches(out, matchedByFields);
}
