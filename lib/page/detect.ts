// Finds the order rows on a broker page: the venue's recipe first; more layers build on this.
import type { VenueId } from '../venues/types';
import { paceRecipe } from './recipes/pace';
import { cellText, isCancellableStatus } from './text';
import type { DetectedOrderRow, Recipe } from './types';

export type { DetectedOrderRow } from './types';

const recipes: Recipe[] = [paceRecipe];

export function recipeFor(venue: VenueId): Recipe | undefined {
  return recipes.find((r) => r.venues.includes(venue));
}

export function detectRow(row: Element, recipe: Recipe): DetectedOrderRow | undefined {
  const orderId = cellText(row.querySelector(recipe.id));
  if (!orderId) return undefined;
  const status = recipe.status ? cellText(row.querySelector(recipe.status)) || undefined : undefined;
  const hints: Record<string, string> = {};
  for (const [name, selector] of Object.entries(recipe.hints ?? {})) {
    const text = cellText(row.querySelector(selector));
    if (text) hints[name] = text;
  }
  return { row, orderId, status, cancellable: isCancellableStatus(status), hints };
}

export function detectOrderRows(root: ParentNode, venue: VenueId): DetectedOrderRow[] {
  const recipe = recipeFor(venue);
  if (!recipe) return [];
  return [...root.querySelectorAll(recipe.row)].map((row) => detectRow(row, recipe)).filter((r): r is DetectedOrderRow => !!r);
}
