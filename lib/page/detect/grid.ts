// The shapes of tabular markup the generic detector and user rules understand: HTML tables (a
// header row in the same table or in a separate header table), ARIA grids (role=grid|table|
// treegrid, row, columnheader, cell|gridcell) and div grids whose header row is separate from the
// body and whose cells carry their column (ag-grid style col-id or aria-colindex), in any DOM order.
import { classifyHeader } from './columns';
import { cellText } from './text';

export const CONTAINERS = 'table,[role=grid],[role=table],[role=treegrid]';
const ARIA_CELLS = '[role=cell],[role=gridcell],[role=rowheader],[role=columnheader]';

/** A column key: a col-id, an aria-colindex, or a position. */
export type Key = string | number;

export interface Grid {
  /** Where the body rows live. */
  body: Element;
  header: Element;
  /** Every header row, where pinned columns split it (header is the first). */
  headers?: Element[];
  /** Split rows: the half that stands for the order, for any half. */
  primary?(el: Element): Element | undefined;
  /** Header cells with their keys, in display order. */
  columns: Array<[Key, Element]>;
  rowSelector: string;
  owns(el: Element): boolean;
  cell(row: Element, key: Key): Element | undefined;
  rows(): Iterable<Element>;
}

function keyMode(cells: Element[]): 'col-id' | 'aria-colindex' | 'pos' {
  if (cells.length && cells.every((c) => c.hasAttribute('col-id'))) return 'col-id';
  if (cells.length && cells.every((c) => c.hasAttribute('aria-colindex'))) return 'aria-colindex';
  return 'pos';
}

function keyed(cells: Element[], mode: ReturnType<typeof keyMode>): Array<[Key, Element]> {
  let pos = 0;
  return cells.map((c) => {
    const key: Key = mode === 'pos' ? pos : c.getAttribute(mode)!;
    pos += Math.max(1, Number(c.getAttribute('colspan')) || 1);
    return [key, c];
  });
}

const attrCell = (mode: 'col-id' | 'aria-colindex') => (row: Element, key: Key) =>
  row.querySelector(`[${mode}="${CSS.escape(String(key))}"]`) ?? undefined;

/** The header rows of a table: its thead, or a first row of th cells. */
const trs = (section: Element) => [...section.children].filter((c): c is HTMLTableRowElement => c.tagName === 'TR');

function tableHeaderRows(table: HTMLTableElement): HTMLTableRowElement[] {
  const head = table.tHead ? trs(table.tHead) : [];
  if (head.length) return head;
  const first = table.rows[0];
  return first && first.children.length > 0 && [...first.children].every((c) => c.tagName === 'TH') ? [first] : [];
}

/** A table cell by position, colspans counted; a cell spanning columns ("No orders") is no column's. */
function tableCell(row: Element, pos: number, width: number): Element | undefined {
  const cells = row.children;
  if (cells.length === width) return cells[pos];
  let at = 0;
  for (const c of cells) {
    if (c.tagName !== 'TD' && c.tagName !== 'TH') continue;
    const span = Math.max(1, (c as HTMLTableCellElement).colSpan || 1);
    if (pos < at + span) return at === pos && span === 1 ? c : undefined;
    at += span;
  }
  return undefined;
}

/** A header-only table's body: the next headerless table close by (split header/body layouts). */
function bodyTableFor(header: HTMLTableElement): HTMLTableElement | undefined {
  let scope = header.parentElement;
  for (let depth = 0; scope && depth < 4; depth++, scope = scope.parentElement) {
    for (const t of scope.querySelectorAll('table')) {
      if (t !== header && header.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING && !tableHeaderRows(t).length) return t;
    }
  }
  return undefined;
}

function tableGrids(table: HTMLTableElement): Grid[] {
  const grids: Grid[] = [];
  const headerRows = tableHeaderRows(table);
  // A table with a header and no body section at all is a split layout's header (its body is a
  // table of its own); an empty body section is an empty book.
  const body = table.tBodies.length > 0 || table.rows.length > headerRows.length ? table : (bodyTableFor(table) ?? table);
  for (const header of headerRows.reverse()) {
    const columns = keyed([...header.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH'), 'pos');
    const width = columns.reduce((n, [, c]) => n + Math.max(1, (c as HTMLTableCellElement).colSpan || 1), 0);
    grids.push({
      body,
      header,
      columns,
      rowSelector: 'tr',
      owns: (el) => el.tagName === 'TR' && el.closest('table') === body && el.parentElement?.tagName !== 'THEAD' && el !== header,
      cell: (row, key) => tableCell(row, key as number, width),
      rows: () => [...(body as HTMLTableElement).rows].filter((r) => r.parentElement?.tagName !== 'THEAD' && r !== header),
    });
  }
  return grids;
}

function ariaGrids(root: Element): Grid[] {
  const groups = new Map<Element, Element[]>();
  for (const h of root.querySelectorAll('[role=columnheader]')) {
    if (h.closest(CONTAINERS) !== root) continue;
    const row = h.closest('[role=row]') ?? h.parentElement!;
    groups.set(row, [...(groups.get(row) ?? []), h]);
  }
  const entries = [...groups].reverse();
  const at = entries[0]?.[0].getAttribute('aria-rowindex');
  if (entries.length > 1 && at && entries.every(([h, cells]) => h.getAttribute('aria-rowindex') === at && keyMode(cells) === 'aria-colindex')) {
    return [splitGrid(root, entries)];
  }
  const grids: Grid[] = [];
  for (const [header, cells] of entries) {
    const mode = keyMode(cells);
    grids.push({
      body: root,
      header,
      columns: keyed(cells, mode),
      rowSelector: '[role=row]',
      owns: (el) => el !== header && el.getAttribute('role') === 'row' && el.closest(CONTAINERS) === root && !el.querySelector('[role=columnheader]'),
      cell: mode === 'pos' ? (row, key) => row.querySelectorAll(ARIA_CELLS)[key as number] : attrCell(mode),
      rows: () => [...root.querySelectorAll('[role=row]')].filter((r) => r !== header && r.closest(CONTAINERS) === root),
    });
  }
  return grids;
}

/**
 * A grid with pinned columns (ag-grid and the like): each part has its own header row and its own
 * half of every body row, the halves of one order sharing an aria-rowindex. One row per order —
 * the first half — whose cells are looked up in every half.
 */
function splitGrid(root: Element, entries: Array<[Element, Element[]]>): Grid {
  const headers = entries.map(([h]) => h);
  const index = (row: Element) => row.getAttribute('aria-rowindex');
  const isHalf = (el: Element) => el.getAttribute('role') === 'row' && index(el) !== null && !headers.includes(el) && el.closest(CONTAINERS) === root;
  const halves = (row: Element) => [...root.querySelectorAll(`[role=row][aria-rowindex="${CSS.escape(index(row)!)}"]`)].filter(isHalf);
  const primary = (el: Element) => (isHalf(el) ? halves(el)[0] : undefined);
  const cells = entries.flatMap(([, c]) => c).sort((a, b) => Number(a.getAttribute('aria-colindex')) - Number(b.getAttribute('aria-colindex')));
  return {
    body: root,
    header: headers[0]!,
    headers,
    primary,
    columns: keyed(cells, 'aria-colindex'),
    rowSelector: '[role=row]',
    owns: (el) => primary(el) === el,
    cell: (row, key) => {
      for (const half of halves(row)) {
        const cell = half.querySelector(`[aria-colindex="${CSS.escape(String(key))}"]`);
        if (cell) return cell;
      }
      return undefined;
    },
    rows: () => {
      const seen = new Set<string>();
      return [...root.querySelectorAll('[role=row]')].filter((r) => isHalf(r) && !seen.has(index(r)!) && !!seen.add(index(r)!));
    },
  };
}

/**
 * Div grids without ARIA roles whose cells name their column with col-id or aria-colindex (the
 * first such cells in document order are the header): rows are the elements holding cells with the
 * header's keys, under the nearest ancestor that holds both.
 */
function divGrids(root: ParentNode, known: Element[]): Grid[] {
  const grids: Grid[] = [];
  const seen = new Set<Element>();
  const cells = root.querySelectorAll('[col-id],[aria-colindex]');
  for (let i = 0; i < cells.length && i < 400; i++) {
    const first = cells[i]!;
    const header = first.parentElement;
    if (!header || seen.has(header) || known.some((k) => k.contains(first)) || grids.some((g) => g.body.contains(first)) || first.closest(CONTAINERS)) continue;
    seen.add(header);
    const headerCells = [...header.children].filter((c) => c.hasAttribute('col-id') || c.hasAttribute('aria-colindex'));
    const mode = keyMode(headerCells);
    if (mode === 'pos' || !headerCells.some((c) => classifyHeader(cellText(c))?.startsWith('id:'))) continue;
    const columns = keyed(headerCells, mode);
    const probe = `[${mode}="${CSS.escape(String(columns[0]![0]))}"]`;
    let body: Element | null = header.parentElement;
    let sample: Element | undefined;
    for (let depth = 0; body && depth < 6 && !sample; depth++) {
      sample = [...body.querySelectorAll(probe)].find((c) => c.parentElement !== header);
      if (!sample) body = body.parentElement;
    }
    const rowEl = sample?.parentElement;
    if (!body || !rowEl) continue;
    const cls = rowEl.classList[0];
    const rowSelector = rowEl.getAttribute('role') === 'row' ? '[role=row]' : cls ? `${rowEl.tagName.toLowerCase()}.${CSS.escape(cls)}` : rowEl.tagName.toLowerCase();
    const container = body;
    for (const c of headerCells) seen.add(c);
    grids.push({
      body: container,
      header,
      columns,
      rowSelector,
      owns: (el) => el !== header && el.matches(rowSelector) && container.contains(el) && !header.contains(el),
      cell: attrCell(mode),
      rows: () => [...container.querySelectorAll(rowSelector)].filter((r) => r !== header && !header.contains(r)),
    });
  }
  return grids;
}

/** Every table-like structure under root, with each candidate header row (last header row first). */
export function findGrids(root: ParentNode): Grid[] {
  const grids: Grid[] = [];
  const containers = [...root.querySelectorAll(CONTAINERS)];
  for (const c of containers) {
    if (c.tagName === 'TABLE') grids.push(...tableGrids(c as HTMLTableElement));
    else grids.push(...ariaGrids(c));
  }
  grids.push(...divGrids(root, containers.filter((c) => c.tagName !== 'TABLE')));
  return grids;
}

/** The header texts of a grid's columns. */
export const headerTexts = (g: Grid): Array<[Key, string]> => g.columns.map(([k, c]) => [k, cellText(c)]);
