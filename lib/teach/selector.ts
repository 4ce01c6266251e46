// From one clicked order row to a page rule (DESIGN.md, "Teaching a page"): the row element, a
// selector for every row like it that does not depend on hashed or utility class names, and where
// in the row its order id is. Loaded only while teaching (entrypoints/teach.ts), never with the
// content script.
import type { VenueId } from '@/lib/model';
import { cellId, cellText } from '../page/detect/text';
import type { PageRule, RuleFields } from '../page/types';
import { identifyingCells } from './fields';
import { COLUMN_ATTRS, isStableValue, isUnstableName, KIND_ATTRS, stableClasses } from './stable';

const cssEscape = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, (c) => `\\${c}`));

/** Tag, kind attributes and stable classes: what every row of a list has in common. */
export function signature(el: Element): string {
  let sel = el.localName;
  for (const name of KIND_ATTRS) {
    const value = el.getAttribute(name);
    if (isStableValue(value)) sel += `[${name}="${value}"]`;
  }
  for (const c of stableClasses(el)) sel += `.${cssEscape(c)}`;
  return sel;
}

/** An ancestor worth anchoring on: a stable id, a labelled region or list, or a stable class. */
function anchor(el: Element): string | undefined {
  if (el.id && !isUnstableName(el.id) && /^[A-Za-z][\w-]*$/.test(el.id)) return `#${cssEscape(el.id)}`;
  const label = el.getAttribute('aria-label');
  const sig = signature(el);
  if (isStableValue(label) || /^[a-z]+$/.test(label ?? '')) return `${sig}[aria-label="${label}"]`;
  return sig !== el.localName ? sig : undefined;
}

/** The part of a row its cells sit in: a row wrapping one element (a link, an inner div) is looked through. */
function cellsOf(row: Element): Element[] {
  let at = row;
  while (at.children.length === 1) at = at.children[0]!;
  return [...at.children];
}

/** Below this many characters an id-shaped token may as well be a quantity ("10"). */
const SHORT_ID = 6;
/** More text than this is not one cell. */
const MAX_CELL = 80;
/** Landmarks and lists sit around rows, never inside one. */
const NOT_IN_A_ROW = 'nav,section,main,header,footer,aside,form,ul,ol,table';

/**
 * The cell of the row that shows its order id: the one clicked when it shows one, else the cell
 * with the longest id-shaped token (an id, not a quantity).
 */
function idCell(row: Element, clicked: Element, venue: VenueId): Element | undefined {
  const cells = cellsOf(row).flatMap((cell) => {
    // A cell shows a value or two; a block of text is a part of the page, not a cell.
    const id = cellText(cell).length <= MAX_CELL ? cellId(cell, venue) : undefined;
    return id ? [{ cell, length: id.length }] : [];
  });
  // A short token ("0 / 10", "25") is a quantity as likely as an id: an order id is longer.
  const ids = cells.filter((c) => c.length >= SHORT_ID);
  const chosen = ids.find((c) => c.cell.contains(clicked));
  return (chosen ?? ids.sort((a, b) => b.length - a.length)[0])?.cell;
}

/** The cells of a row that show something (copy buttons and icons aside). */
const textCells = (el: Element) => cellsOf(el).filter((c) => c.localName !== 'button' && cellText(c));

/** A cell shows a value or two (an id and its copy button, a symbol and its exchange), not a row of them. */
const isCell = (cell: Element) => cellText(cell).length <= MAX_CELL && textCells(cell).length <= 2;

/** A row shows an order id in one cell and something else in another (an id cell alone is not a row). */
function isRowLike(el: Element, clicked: Element, venue: VenueId): boolean {
  const cells = textCells(el);
  // A row's cells each show a value or two: a part of the page holding a list is no row.
  return cells.length >= 2 && cells.every(isCell) && !el.querySelector(NOT_IN_A_ROW) && !!idCell(el, clicked, venue);
}

/** Where a cell shows two values (a symbol over its exchange), the first: the page draws them apart, its text runs them together. */
const valueOf = (cell: Element) => textCells(cell)[0] ?? cell;
const fieldCells = (row: Element) => identifyingCells(cellsOf(row).map((c) => (textCells(c).length >= 2 ? valueOf(c) : c)));

/** A row without an id: cells that each show a value, among them the ones that identify an order. */
function isFieldRow(el: Element): boolean {
  const cells = textCells(el);
  return cells.length >= 3 && cells.every(isCell) && !el.querySelector(NOT_IN_A_ROW) && !!fieldCells(el);
}

/**
 * The clicked order's row: the nearest ancestor that reads as an order row and repeats among its
 * siblings (a list row); a lone row (a book with one order) when nothing repeats.
 */
function nearestRow(clicked: Element, isRow: (el: Element) => boolean): Element | undefined {
  let lone: Element | undefined;
  for (let at: Element | null = clicked; at && at.localName !== 'body'; at = at.parentElement) {
    if (!isRow(at)) continue;
    const sig = signature(at);
    const siblings = at.parentElement ? [...at.parentElement.children] : [at];
    if (siblings.filter((c) => c !== at && signature(c) === sig && isRow(c)).length > 0) return at;
    lone ??= at;
  }
  return lone;
}

/** The row of the clicked order that shows its id. */
export const rowOf = (clicked: Element, venue: VenueId) => nearestRow(clicked, (el) => isRowLike(el, clicked, venue));

/** One step from a parent to a child: a column attribute where it has one, else its position. */
function step(el: Element): string {
  for (const name of COLUMN_ATTRS) {
    const value = el.getAttribute(name);
    if (value && value.length <= 40 && !/["\\\n]/.test(value)) return `${el.localName}[${name}="${value}"]`;
  }
  const index = [...el.parentElement!.children].indexOf(el) + 1;
  return `${el.localName}:nth-child(${index})`;
}

/** The id cell as a selector within its row. */
export function pathWithin(row: Element, cell: Element): string {
  const steps: string[] = [];
  for (let at = cell; at !== row; at = at.parentElement!) steps.unshift(step(at));
  return `:scope > ${steps.join(' > ')}`;
}

/**
 * Every row like the clicked one and nothing else: from the nearest stable ancestor (an id, a
 * labelled region, a role, a stable class; the body at worst) down to the row, one child step at a
 * time, so that cells and rows of nested lists (deeper down) never match.
 */
export function rowSelector(row: Element): string {
  const steps = [signature(row)];
  for (let at = row.parentElement; at; at = at.parentElement) {
    const a = at.localName === 'body' ? 'body' : anchor(at);
    if (a) return [a, ...steps].join(' > ');
    steps.unshift(signature(at));
  }
  return steps.join(' > ');
}

export type Taught = { ok: true; row: Element; rule: PageRule } | { ok: false; error: string };

/**
 * The rule one clicked element teaches, or why it teaches none: by the row's order id, or — where
 * rows show none — by the cells that identify an order (matched to the venue's orders).
 */
export function teachFrom(clicked: Element, venue: VenueId): Taught {
  const row = rowOf(clicked, venue);
  if (row) return { ok: true, row, rule: { venue, row: rowSelector(row), idSelector: pathWithin(row, idCell(row, clicked, venue)!) } };
  const fieldRow = nearestRow(clicked, isFieldRow);
  if (!fieldRow) return { ok: false, error: 'That is not an order row QuickCancel can read: it shows neither an order id nor a symbol with its side, price or quantity.' };
  const fields = Object.fromEntries(Object.entries(fieldCells(fieldRow)!).map(([name, cell]) => [name, pathWithin(fieldRow, cell)])) as RuleFields;
  return { ok: true, row: fieldRow, rule: { venue, row: rowSelector(fieldRow), fields } };
}

/** The rows a rule matches on this page that show an order id (or its identifying fields), as the content script will read them. */
export function rowsMatched(rule: PageRule, root: ParentNode): Element[] {
  const reads = rule.fields
    ? (row: Element) => Object.values(rule.fields!).every((s) => !!cellText(row.querySelector(s)))
    : (row: Element) => !!cellId(rule.idSelector ? row.querySelector(rule.idSelector) : null, rule.venue);
  return [...root.querySelectorAll(rule.row)].filter(reads);
}
