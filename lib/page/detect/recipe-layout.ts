// A venue's recipe as a layout: its selectors, read row by row. Lookups remember where in the row
// the cell was last found, so rows of one shape cost a few child steps instead of a search each.
import type { VenueId } from '@/lib/model';
import { applyFinder, readRow } from './text';
import type { Layout, Recipe } from '../types';

/** querySelector within a row, trying the path (child indices) where the last row had it first. */
export function finder(selector: string): (row: Element) => Element | undefined {
  let path: number[] | undefined;
  return (row) => {
    if (path) {
      let el: Element | undefined = row;
      for (let i = 0; el && i < path.length; i++) el = el.children[path[i]!];
      if (el && el !== row && el.matches(selector)) return el;
    }
    const found = row.querySelector(selector) ?? undefined;
    if (found) {
      path = [];
      for (let el: Element = found; el !== row && el.parentElement; el = el.parentElement) {
        path.unshift(Array.prototype.indexOf.call(el.parentElement.children, el));
      }
    }
    return found;
  };
}

export function recipeLayout(recipe: Recipe, venue: VenueId, root: ParentNode): Layout {
  const id = finder(recipe.id);
  const status = recipe.status ? finder(recipe.status) : undefined;
  const slot = recipe.slot ? finder(recipe.slot) : undefined;
  const hints = Object.entries(recipe.hints ?? {}).map(([name, selector]) => [name, finder(selector)] as const);
  return {
    kind: 'recipe',
    rowSelector: recipe.row,
    owns: (el) => el.matches(recipe.row),
    read: (row) => readRow(row, venue, applyFinder, id, status, hints),
    rows: () => root.querySelectorAll(recipe.row),
    slot: (row) => slot?.(row) ?? row.lastElementChild ?? row,
    valid: () => true,
    isStructure: () => false,
  };
}
