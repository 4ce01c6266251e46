// User page rules (Settings → page rules, storage.local key 'pageRules'): a row selector plus the
// id column, by selector or by header text, for pages neither a recipe nor the generic detector
// understands. Where the rows sit in a table or grid with headers, status and hints are read
// from the headers as the generic detector would.
import type { VenueId } from '@/lib/model';
import { classifyHeader, HINT_FIELDS } from './columns';
import { CONTAINERS, findGrids, headerTexts, type Grid, type Key } from './grid';
import { matchedByFields } from './field-layout';
import { matchFields, type KnownOrders } from './known';
import { applyFinder, cellText, normHeader, readRow } from './text';
import type { DetectedOrderRow, Layout, PageRule, RuleFields } from '../types';

export { PAGE_RULES_KEY } from '../../rules-store';

function validSelector(selector: unknown): selector is string {
  if (typeof selector !== 'string' || !selector.trim() || selector.length > 500) return false;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** A rule's identifying fields: the symbol and two more, each a selector. */
function validFields(fields: unknown): boolean {
  const f = fields as Record<string, unknown> | null;
  return typeof f === 'object' && !!f && Object.values(f).every(validSelector) && validSelector(f.symbol) && ['side', 'price', 'quantity'].filter((k) => k in f).length >= 2;
}

/** The well-formed rules for one venue from whatever storage holds; the rest is ignored. */
export function parseRules(value: unknown, venue: VenueId): PageRule[] {
  return (Array.isArray(value) ? value : []).filter(
    (r): r is PageRule =>
      r?.venue === venue &&
      validSelector(r.row) &&
      ((r.idSelector ?? r.idHeader) !== undefined || validFields(r.fields)) &&
      [r.idSelector, r.statusSelector].every((s) => s === undefined || validSelector(s)) &&
      [r.idHeader, r.statusHeader].every((h) => h === undefined || (typeof h === 'string' && !!h.trim() && h.length <= 200)),
  );
}

interface Columns {
  grid: Grid;
  byHeader(text: string): Key | undefined;
  status?: Key;
  hints: Array<[string, Key]>;
}

function columnsOf(grid: Grid): Columns {
  const texts = headerTexts(grid);
  const fields = texts.map(([k, t]) => [k, classifyHeader(t)] as const);
  const hints: Array<[string, Key]> = [];
  for (const f of HINT_FIELDS) {
    const hit = fields.find(([, c]) => c === f);
    if (hit) hints.push([f, hit[0]]);
  }
  return {
    grid,
    byHeader(text) {
      const want = normHeader(text);
      return (texts.find(([, t]) => normHeader(t) === want) ?? texts.find(([, t]) => normHeader(t).startsWith(want)))?.[0];
    },
    status: fields.find(([, c]) => c === 'status')?.[0],
    hints,
  };
}

/** A row without an id, read for what identifies its order: that order when exactly one open order fits. */
function readByFields(row: Element, fields: RuleFields, known: KnownOrders): DetectedOrderRow | undefined {
  const shown: Record<string, string> = {};
  for (const [name, selector] of Object.entries(fields)) {
    const text = cellText(row.querySelector(selector));
    if (text) shown[name] = text;
  }
  const order = matchFields(shown, known);
  if (!order) return undefined;
  const detected: DetectedOrderRow = { row, orderId: order.orderId, cancellable: order.open, hints: shown, source: 'venue' };
  matchedByFields.add(detected);
  return detected;
}

export function ruleLayout(rule: PageRule, venue: VenueId, root: ParentNode, known?: KnownOrders): Layout {
  const cache = new Map<Element, Columns | null>();
  const columnsFor = (row: Element): Columns | undefined => {
    const container = row.closest(CONTAINERS);
    if (!container) return undefined;
    let found = cache.get(container);
    if (found === undefined) {
      const scope = container.parentElement?.parentElement?.parentElement ?? container.ownerDocument;
      const grid = findGrids(scope).find((g) => g.owns(row));
      found = grid ? columnsOf(grid) : null;
      cache.set(container, found);
    }
    return found ?? undefined;
  };
  const sel = (selector: string) => (row: Element) => row.querySelector(selector);
  return {
    kind: 'rule',
    rowSelector: rule.row,
    owns: (el) => el.matches(rule.row),
    read(row) {
      if (rule.idSelector === undefined && rule.idHeader === undefined) return rule.fields && known ? readByFields(row, rule.fields, known) : undefined;
      const cols = rule.idSelector && rule.statusSelector ? undefined : columnsFor(row);
      const at = (key: Key | undefined) => (r: Element) => (key !== undefined ? cols!.grid.cell(r, key) : undefined);
      const id = rule.idSelector ? sel(rule.idSelector) : at(rule.idHeader ? cols?.byHeader(rule.idHeader) : undefined);
      const status = rule.statusSelector ? sel(rule.statusSelector) : at(rule.statusHeader ? cols?.byHeader(rule.statusHeader) : cols?.status);
      return readRow(row, venue, applyFinder, id, status, (cols?.hints ?? []).map(([name, key]) => [name, at(key)] as const));
    },
    rows: () => root.querySelectorAll(rule.row),
    slot: (row) => row.lastElementChild ?? row,
    valid: () => [...cache.values()].every((c) => !c || c.grid.header.isConnected),
    isStructure: (node) => [...cache.values()].some((c) => !!c && c.grid.header.contains(node)),
  };
}
