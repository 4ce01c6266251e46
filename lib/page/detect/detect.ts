// Finds the order rows on a broker page, layered, first match wins (per row): the venue's recipe,
// then the generic detector (only when the recipe reads no row: the page's markup may have
// changed), then the user's page rules for anything the first two miss. Pure over the DOM.
import type { VenueId } from '@/lib/model';
import { detectRow, discoverLayouts } from './discover';
import { recipeFor } from './recipes';
import type { DetectedOrderRow, PageRule } from '../types';

export type { DetectedOrderRow, Layout, PageRule } from '../types';

/** Every order row under root: which element, which id, which status, cancellable or not. */
export function detectOrderRows(root: ParentNode, venue: VenueId, rules: PageRule[] = []): DetectedOrderRow[] {
  const { layouts } = discoverLayouts(root, venue, recipeFor(venue), rules);
  const out: DetectedOrderRow[] = [];
  const seen = new Set<Element>();
  for (const layout of layouts) {
    for (const row of layout.rows()) {
      if (seen.has(row)) continue;
      seen.add(row);
      const hit = detectRow(row, layouts);
      if (hit) out.push(hit[0]);
    }
  }
  return out;
}
