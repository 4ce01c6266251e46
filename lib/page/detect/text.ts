// Reading what a page shows: cell text, header names, status words and order ids, whatever the
// markup around them (nested elements, icons, non-breaking spaces, upper-case wire words).
import type { VenueId } from '@/lib/model';
import { pageOf } from '../../venues/pages';
import type { DetectedOrderRow } from '../types';

// Whitespace of every kind, zero-width characters and icon-font glyphs (Unicode private use area).
const NOISE = /[\s\u00a0\u200b-\u200d\u2060\ufeff\ue000-\uf8ff]+/g;

/** A cell's visible text: nested markup flattened, icons dropped, spaces collapsed. */
export function cellText(el: Element | null | undefined): string {
  const text = el?.textContent;
  return text ? text.replace(NOISE, ' ').trim() : '';
}

/**
 * A status as a person perceives it: the cell's text, or — where the page shows only an icon — the
 * icon's label (aria-label, title, alt), as a screen reader would announce it.
 */
export function statusText(el: Element | null | undefined): string | undefined {
  const text = cellText(el);
  if (text || !el) return text || undefined;
  for (const node of [el, ...el.querySelectorAll('[aria-label],[title],img[alt]')]) {
    const label = node.getAttribute('aria-label') || node.getAttribute('title') || node.getAttribute('alt');
    if (label?.trim()) return label.replace(NOISE, ' ').trim();
  }
  return undefined;
}

/** Header text reduced to lower-case words: "Exch. Order ID ⓘ" → "exch order id", "orderId" → "order id". */
export function normHeader(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** A status word as words: "PARTIALLY_FILLED" → "partially filled". */
const statusWords = (status: string) => status.toLowerCase().replace(/[\s_\-./]+/g, ' ');

const CLOSED = /\b(cancell?ed|cancel confirmed|rejected|expired|discarded|killed)\b/;
const PARTIAL = /\bpart(ial|ially|ly)? ?(filled|executed|fill|exec|traded)\b/;
const DONE = /\b(filled|executed|complete|completed|closed|traded|done)\b/;

/**
 * Open-like statuses (open, new, pending, placed, confirmed, trigger pending, partially filled…) and
 * unknown words are cancellable; cancelled, rejected, expired, filled, executed, complete are not.
 * No status at all means cancellable.
 */
export function isCancellableStatus(status: string | undefined): boolean {
  if (!status) return true;
  const s = statusWords(status);
  if (CLOSED.test(s)) return false;
  if (PARTIAL.test(s)) return true;
  return !DONE.test(s);
}


const ALNUM = /[A-Za-z0-9]/;
const ID_ATTRS = ['title', 'data-clipboard-text', 'data-copy', 'data-value', 'aria-label'];

function idToken(text: string, pattern: RegExp): string | undefined {
  for (let token of text.split(' ')) {
    token = token.replace(/^[#№:(]+|[.,;:)]+$/g, '');
    if (token && ALNUM.test(token) && pattern.test(token)) return token;
  }
  return undefined;
}

/** The visible ends of a truncated id: "698ed406…1a03" → ["698ed406", "1a03"]. */
const TRUNCATED = /([A-Za-z0-9-]*)(?:…|\.{3})([A-Za-z0-9-]*)/;

/**
 * The order id a cell shows: the first word that looks like the venue's id ("#123", "123 ⧉" and
 * "Order 123" all give 123); when the text is truncated ("698ed406…1a03"), the full id from a title
 * or copy attribute of the cell or an element in it — only one that agrees with the visible ends,
 * so a copy button carrying another id cannot make the control cancel an order the row does not show.
 */
export function cellId(cell: Element | null | undefined, venue: VenueId): string | undefined {
  if (!cell) return undefined;
  // What an id the venue cancels by looks like on a page: its page.ts says.
  const pattern = pageOf[venue].idPattern;
  const text = cellText(cell);
  if (text && pattern.test(text) && ALNUM.test(text)) return text;
  const fromText = text ? idToken(text, pattern) : undefined;
  if (fromText) return fromText;
  const cut = text.match(TRUNCATED);
  const agrees = (id: string) => !cut || (id.startsWith(cut[1]!) && id.endsWith(cut[2]!));
  for (const el of [cell, ...cell.querySelectorAll('[title],[data-clipboard-text],[data-copy],[data-value]')]) {
    for (const name of ID_ATTRS) {
      const value = el.getAttribute(name);
      const id = value ? idToken(value.replace(NOISE, ' ').trim(), pattern) : undefined;
      if (id && agrees(id)) return id;
    }
  }
  return undefined;
}

/** Hints travel in a message whose schema allows ≤ 20 entries, names ≤ 40 and values ≤ 200 chars. */
export function clampHints(hints: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(hints)) {
    if (!v || k.length > 40) continue;
    out[k] = v.length > 200 ? v.slice(0, 200) : v;
    if (++n === 20) break;
  }
  return out;
}

/**
 * One row read through a cell lookup (a recipe's selectors, a grid's column keys, a rule's): the
 * id (no id, no order row), the status as shown, and the hint cells' text.
 */
export function readRow<K>(
  row: Element,
  venue: VenueId,
  cell: (row: Element, key: K) => Element | null | undefined,
  id: K,
  status: K | undefined,
  hints: ReadonlyArray<readonly [string, K]>,
): DetectedOrderRow | undefined {
  const orderId = cellId(cell(row, id), venue);
  if (!orderId) return undefined;
  const shown = status !== undefined ? statusText(cell(row, status)) : undefined;
  const found: Record<string, string> = {};
  for (const [name, key] of hints) {
    const text = cellText(cell(row, key));
    if (text) found[name] = text;
  }
  return { row, orderId, status: shown, cancellable: isCancellableStatus(shown), hints: found };
}

/** The cell lookup for keys that are finder functions. */
export const applyFinder = (row: Element, find: (row: Element) => Element | null | undefined) => find(row);
