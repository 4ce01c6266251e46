// The runtime every fixture page shares: it polls the simulator's orders and re-renders its rows
// the way single-page apps do, in one of four styles:
//   replace  every refresh rebuilds the whole list (new row elements each time);
//   patch    rows kept per order; a changed row keeps its element and gets new cells (React-like);
//   keyed    rows kept per order; a changed row is replaced by a new element;
//   virtual  keyed, rows absolutely positioned: a new row is appended at the end of the DOM
//            whatever its place on screen (virtualised lists), so DOM order ≠ display order;
//   recycle  a virtualised list that RECYCLES its row elements: only the rows in view (plus one)
//            exist, and as the list scrolls the element of a row that left the view shows the row
//            that came in — its cells rewritten in place, the same element showing another order.
// `shadow`: the body's element of that selector moves its content into its own open shadow root
// (a web component), where the mounts are looked up too.
// Tests drive it through window.__sim: refresh(), rerender(id, how), setPollMs(ms), stop(),
// renders(), scrollToRow(i). Unit tests run the same runtime in happy-dom with renderFixture().
import type { SimOrder } from '../types';

export interface SpaMount {
  /** The element receiving the rows. */
  selector: string;
  /** JS source of `(order, esc, index) => string`: the markup of one row for a SimOrder at that place in the list. */
  renderRow: string;
  /** JS source of `(orders) => orders`: filter/sort (default: all, newest first). */
  select?: string;
  /** Markup shown when the list is empty. */
  empty?: string;
}

export interface SpaPageOptions {
  title: string;
  style: string;
  /** Static markup holding the mounts. */
  body: string;
  mounts: SpaMount[];
  mode?: 'replace' | 'patch' | 'keyed' | 'virtual' | 'recycle';
  /** Row height for 'virtual' and 'recycle' (px). */
  rowHeight?: number;
  /** 'recycle': how many rows the scrolling viewport (the mount's parent) shows. */
  viewRows?: number;
  /** Selector of a body element whose content goes into its open shadow root. */
  shadow?: string;
  pollMs?: number;
}

export interface SimPageApi {
  refresh(): Promise<void>;
  rerender(id: string, how?: 'replace' | 'patch'): number;
  renders(): number;
  setPollMs(ms: number): void;
  stop(): void;
  start(): void;
  /** 'recycle': scrolls the list so that row i is the first in view. */
  scrollToRow(i: number): void;
}

const NEWEST_FIRST = '(orders) => orders.slice().sort((a, b) => b.createdAtMs - a.createdAtMs)';

/** The runtime, as JS source: `(document, config, load) => SimPageApi`. */
const RUNTIME = `(doc, cfg, load) => {
  const esc = (v) => String(v).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const mode = cfg.mode || 'replace';
  const mounts = cfg.mounts.map((m) => ({ ...m, keys: new Map(), placeholder: null, pool: [], list: [] }));
  let renders = 0, timer = null, pollMs = cfg.pollMs ?? 1000;
  const h = cfg.rowHeight || 32;
  const toEl = (html) => { const t = doc.createElement('template'); t.innerHTML = html.trim(); const el = t.content.firstElementChild; el.remove(); return el; };
  const build = (m, o, i) => { const html = m.renderRow(o, esc, i); const el = toEl(html); el.setAttribute('data-sim-key', o.id); return { el, html }; };
  const host = cfg.shadow ? doc.querySelector(cfg.shadow) : null;
  if (host) {
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = doc.querySelector('style')?.textContent ?? '';
    root.append(style, ...host.childNodes);
  }
  const find = (sel) => doc.querySelector(sel) || (host && host.shadowRoot.querySelector(sel));
  // One pool element per row in view (and one more): row i is drawn by pool[i % size].
  function paint(m, root) {
    const size = (cfg.viewRows || 5) + 1;
    const first = Math.max(0, Math.min(Math.floor(root.parentElement.scrollTop / h), m.list.length - size));
    root.style.height = (m.list.length * h) + 'px';
    for (let k = 0; k < size; k++) {
      const i = first + k;
      const o = m.list[i];
      let slot = m.pool[i % size];
      if (!o) { if (slot) { slot.el.remove(); m.pool[i % size] = undefined; } continue; }
      const html = m.renderRow(o, esc, i);
      if (!slot) {
        slot = m.pool[i % size] = { ...build(m, o, i), cells: [] };
        slot.cells = [...slot.el.children].map((c) => c.outerHTML);
        root.append(slot.el);
      } else if (slot.html !== html) {
        const fresh = toEl(html);
        for (const a of fresh.attributes) if (a.name !== 'style') slot.el.setAttribute(a.name, a.value);
        slot.el.setAttribute('data-sim-key', o.id);
        [...fresh.children].forEach((cell, c) => {
          if (slot.cells[c] === cell.outerHTML) return;
          slot.cells[c] = cell.outerHTML;
          slot.el.children[c].replaceWith(cell);
        });
        slot.html = html;
      }
      slot.el.style.top = (i * h) + 'px';
    }
  }
  function render(orders) {
    for (const m of mounts) {
      const root = find(m.selector);
      if (!root) continue;
      const list = m.select(orders);
      const next = new Map();
      if (mode === 'recycle') {
        m.list = list;
        if (!m.scrolling) { m.scrolling = true; root.parentElement.addEventListener('scroll', () => paint(m, root)); }
        paint(m, root);
        continue;
      }
      if (mode === 'replace') {
        const built = list.map((o, i) => build(m, o, i));
        root.replaceChildren(...built.map((b) => b.el));
        list.forEach((o, i) => next.set(o.id, built[i]));
      } else {
        for (const [i, o] of list.entries()) {
          let cur = m.keys.get(o.id);
          const html = m.renderRow(o, esc, i);
          if (!cur) cur = build(m, o, i);
          else if (cur.html !== html) {
            if (mode === 'patch') {
              const fresh = toEl(html);
              for (const a of fresh.attributes) cur.el.setAttribute(a.name, a.value);
              cur.el.replaceChildren(...fresh.childNodes);
              cur.html = html;
            } else {
              const b = build(m, o, i);
              if (cur.el.parentNode) cur.el.replaceWith(b.el);
              cur = b;
            }
          }
          next.set(o.id, cur);
        }
        for (const [id, cur] of m.keys) if (!next.has(id)) cur.el.remove();
        if (m.placeholder) { m.placeholder.remove(); m.placeholder = null; }
        list.forEach((o, i) => {
          const { el } = next.get(o.id);
          if (mode === 'virtual') {
            if (!el.parentNode) root.append(el);
            el.style.top = (i * h) + 'px';
          } else if (root.children[i] !== el) root.insertBefore(el, root.children[i] || null);
        });
      }
      m.keys = next;
      if (!list.length && m.empty) { m.placeholder = toEl(m.empty); root.replaceChildren(m.placeholder); }
    }
    renders++;
    doc.documentElement.dataset.renders = String(renders);
  }
  async function refresh() { render(await load()); }
  function rerender(id, how) {
    let n = 0;
    for (const m of mounts) {
      const cur = m.keys.get(id);
      if (!cur || !cur.el.parentNode) continue;
      const fresh = { el: toEl(cur.html), html: cur.html };
      fresh.el.setAttribute('data-sim-key', id);
      if (how === 'patch') cur.el.replaceChildren(...fresh.el.childNodes);
      else { fresh.el.style.top = cur.el.style.top; cur.el.replaceWith(fresh.el); m.keys.set(id, fresh); }
      n++;
    }
    return n;
  }
  function schedule() {
    clearTimeout(timer);
    if (pollMs > 0) timer = setTimeout(async () => { await refresh().catch(() => {}); schedule(); }, pollMs);
  }
  return {
    refresh, rerender, renders: () => renders,
    setPollMs(ms) { pollMs = ms; schedule(); },
    scrollToRow(i) {
      for (const m of mounts) {
        const root = find(m.selector);
        if (!root || mode !== 'recycle') continue;
        root.parentElement.scrollTop = i * h;
        paint(m, root);
      }
    },
    stop() { pollMs = 0; clearTimeout(timer); },
    start() { refresh().catch(() => {}).finally(schedule); },
  };
}`;

const config = (o: SpaPageOptions) =>
  `{ mode: ${JSON.stringify(o.mode ?? 'replace')}, rowHeight: ${o.rowHeight ?? 32}, viewRows: ${o.viewRows ?? 5}, shadow: ${JSON.stringify(o.shadow ?? '')}, pollMs: ${o.pollMs ?? 1000}, mounts: [${o.mounts
    .map((m) => `{ selector: ${JSON.stringify(m.selector)}, empty: ${JSON.stringify(m.empty ?? '')}, renderRow: ${m.renderRow}, select: ${m.select ?? NEWEST_FIRST} }`)
    .join(', ')}] }`;

export function spaPage(o: SpaPageOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${o.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${o.style}</style></head>
<body>${o.body}
<script>
window.__sim = (${RUNTIME})(document, ${config(o)}, async () => (await fetch('/__sim/orders', { cache: 'no-store' })).json());
window.__sim.start();
</script></body></html>`;
}

/** Unit tests: the fixture's markup and rows for these orders, rendered by the same runtime into doc. */
export async function renderFixture(doc: Document, o: SpaPageOptions, orders: SimOrder[]): Promise<SimPageApi & { set(next: SimOrder[]): Promise<void> }> {
  doc.body.innerHTML = o.body;
  const make = new Function('doc', 'load', `return (${RUNTIME})(doc, ${config(o)}, load);`) as (d: Document, load: () => Promise<SimOrder[]>) => SimPageApi;
  let current = orders;
  const api = make(doc, async () => current);
  await api.refresh();
  return Object.assign(api, {
    async set(next: SimOrder[]) {
      current = next;
      await api.refresh();
    },
  });
}
