// The layouts a page is read with, in priority order — the venue's recipe, then the generic
// detector (only when the recipe reads no row: the page's markup may have changed), then the
// user's page rules for anything the first two miss — and the row reader that applies them, first
// match wins per row. Kept apart from the recipe registry so each content script carries only its
// own venue's recipe.
import type { VenueId } from '@/lib/model';
import { genericLayouts } from './generic';
import { recipeLayout } from './recipe-layout';
import { ruleLayout } from './rules';
import type { DetectedOrderRow, Layout, PageRule, Recipe } from '../types';

export interface Discovery {
  layouts: Layout[];
  /** True when the page shows an order book: rows a layout reads, or a table with an order-id column. */
  active: boolean;
}

function readsAny(layout: Layout, sample = 8): boolean {
  let n = 0;
  for (const row of layout.rows()) {
    if (layout.read(row)) return true;
    if (++n >= sample) return false;
  }
  return false;
}

export function discoverLayouts(root: ParentNode, venue: VenueId, recipe: Recipe | undefined, rules: readonly PageRule[] = []): Discovery {
  const layouts: Layout[] = [];
  let active = false;
  if (recipe) {
    const layout = recipeLayout(recipe, venue, root);
    layouts.push(layout);
    active = readsAny(layout);
  }
  if (!active) {
    const generic = genericLayouts(root, venue);
    layouts.push(...generic);
    active = generic.length > 0;
  }
  for (const rule of rules) {
    if (rule.venue !== venue) continue;
    const layout = ruleLayout(rule, venue, root);
    layouts.push(layout);
    active ||= readsAny(layout);
  }
  return { layouts, active };
}

/** Reads one row with the first layout that owns and understands it. */
export function detectRow(row: Element, layouts: readonly Layout[]): [DetectedOrderRow, Layout] | undefined {
  for (const layout of layouts) {
    if (!layout.owns(row)) continue;
    const detected = layout.read(row);
    if (detected) return [detected, layout];
  }
  return undefined;
}
