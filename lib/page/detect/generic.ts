// The generic detector: order tables nobody wrote a recipe for. It finds the order-id column and
// the status column from header text, skips tables of trades and history, and reads rows cell by
// cell through the grid's column keys.
import type { VenueId } from '@/lib/model';
import { classifyHeader, planColumns, type ColumnPlan } from './columns';
import { CONTAINERS, findGrids, headerTexts, type Grid, type Key } from './grid';
import { cellText, readRow } from './text';
import type { Layout } from '../types';

const HISTORY = /(\b|_)(history|trades?|fills?|executed|completed|closed|past|transactions?)\b/i;
const OPEN = /\b(open|active|pending|working|current)\b/i;

/** What a table is called: label, labelledby text, caption, id and class, and the heading just before it (up to two levels up). */
export function labelOf(el: Element): string {
  let label = '';
  for (let node: Element | null = el, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    const by = node.getAttribute('aria-labelledby');
    label += ` ${node.getAttribute('aria-label')} ${node.id} ${node.getAttribute('class')} ${by ? cellText(node.ownerDocument.getElementById(by)) : ''} ${cellText(node.querySelector(':scope > caption'))}`;
    const heading = node.previousElementSibling;
    if (heading && /^H[1-6]$/.test(heading.tagName)) return `${label} ${cellText(heading)}`;
  }
  return label;
}

/** A table of trades, or one labelled as history and not as open orders. */
export function isHistory(grid: Grid, plan: Pick<ColumnPlan<Key>, 'trades'>): boolean {
  if (plan.trades) return true;
  const label = labelOf(grid.header.closest(CONTAINERS) ?? grid.body);
  return HISTORY.test(label) && !OPEN.test(label);
}

/** A grid as a layout, with the row reader given: where rows are, where controls go, when it is stale. */
export function gridLayout(grid: Grid, slot: Key | undefined, kind: Layout['kind'], read: Layout['read']): Layout {
  return {
    kind,
    rowSelector: grid.rowSelector,
    container: grid.body,
    owns: grid.owns,
    primary: grid.primary,
    read,
    rows: grid.rows,
    slot: (row) => (slot !== undefined ? grid.cell(row, slot) : undefined) ?? row.lastElementChild ?? row,
    valid: () => grid.header.isConnected && grid.body.isConnected && grid.columns.every(([, c]) => c.isConnected && (grid.headers ?? [grid.header]).some((h) => h.contains(c))),
    isStructure: (node) => (grid.headers ?? [grid.header]).some((h) => h.contains(node)),
  };
}

/** Order tables and grids under root that show the venue's cancel id (trade and history tables left out). */
export function genericLayouts(root: ParentNode, venue: VenueId): Layout[] {
  const layouts: Layout[] = [];
  const taken = new Set<Element>();
  for (const grid of findGrids(root)) {
    if (taken.has(grid.body)) continue;
    const plan = planColumns(headerTexts(grid).map(([k, text]) => [k, classifyHeader(text)]), venue);
    if (!plan) continue;
    taken.add(grid.body);
    if (!isHistory(grid, plan)) layouts.push(gridLayout(grid, plan.slot, 'generic', (row) => readRow(row, venue, grid.cell, plan.id, plan.status, plan.hints)));
  }
  return layouts;
}
