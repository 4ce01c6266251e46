// The layouts a page is read with, in priority order — the venue's recipe, then the generic
// detector (only when the recipe reads no row: the page's markup may have changed), then the
// user's page rules for anything the first two miss — and the row reader that applies them, first
// match wins per row. Kept apart from the recipe registry so each content script carries only its
// own venue's recipe.
import type { VenueId } from '@/lib/model';
import { fieldLayouts } from './field-layout';
import { genericLayouts } from './generic';
import { anchorRow, type KnownOrders } from './known';
import { recipeLayout } from './recipe-layout';
import { ruleLayout } from './rules';
import type { DetectedOrderRow, Layout, PageRule, Recipe } from '../types';

export interface Discovery {
  layouts: Layout[];
  /** True when the page shows an order book: rows a layout reads, or a table with an order-id column. */
  active: boolean;
  /** The page's own open shadow roots (web components): searched too, and to be watched. */
  roots?: ShadowRoot[];
}

/**
 * Open shadow roots under root, nested ones too (a closed root is the page's to keep, ours
 * included). Tables are not entered: no table element can host a shadow root, and a big order
 * book's rows are most of a page's elements.
 */
function shadowRoots(root: ParentNode & Node, out: ShadowRoot[] = []): ShadowRoot[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (el) => ((el as Element).tagName === 'TABLE' ? NodeFilter.FILTER_REJECT : (el as Element).shadowRoot ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    out.push(el.shadowRoot!);
    shadowRoots(el.shadowRoot!, out);
  }
  return out;
}

function readsAny(layout: Layout, sample = 8): boolean {
  let n = 0;
  for (const row of layout.rows()) {
    if (layout.read(row)) return true;
    if (++n >= sample) return false;
  }
  return false;
}

/**
 * With the venue's open orders known, tables that show no id at all are read too, each row
 * matched to the order it shows (after the recipe and the generic detector, before user rules).
 */
export function discoverLayouts(root: ParentNode & Node, venue: VenueId, recipe: Recipe | undefined, rules: readonly PageRule[] = [], known?: KnownOrders): Discovery {
  const found = discoverIn(root, venue, recipe, rules, known);
  const roots = shadowRoots(root);
  for (const shadow of roots) {
    const inner = discoverIn(shadow, venue, recipe, rules, known);
    found.layouts.push(...inner.layouts);
    found.active ||= inner.active;
  }
  return { ...found, roots };
}

function discoverIn(root: ParentNode, venue: VenueId, recipe: Recipe | undefined, rules: readonly PageRule[], known?: KnownOrders): Discovery {
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
  if (known) {
    const matched = fieldLayouts(root, known, layouts);
    layouts.push(...matched);
    active ||= matched.some((l) => readsAny(l));
  }
  for (const rule of rules) {
    if (rule.venue !== venue) continue;
    const layout = ruleLayout(rule, venue, root, known);
    layouts.push(layout);
    active ||= readsAny(layout);
  }
  return { layouts, active };
}

/**
 * Reads one row with the first layout that owns and understands it; with the venue's orders known,
 * a row that shows one of an order's ids becomes that order (DESIGN.md, "Page detection").
 */
export function detectRow(row: Element, layouts: readonly Layout[], known?: KnownOrders): [DetectedOrderRow, Layout] | undefined {
  for (const layout of layouts) {
    if (!layout.owns(row)) continue;
    const detected = layout.read(row);
    // A row already matched to the venue's order (a venue layout, a rule's fields) stays as matched.
    if (detected) return [known && detected.source !== 'venue' ? anchorRow(detected, known) : detected, layout];
  }
  return undefined;
}
