// Watches the page and tells the injector what changed, once per task (a MessageChannel turn, which
// background tabs do not throttle the way they hold back animation frames and long timers). Work
// follows the change: the rows whose cells changed, the rows added, the rows removed. A new table
// or a changed header makes it read the page's layouts again. Pages without an order book only
// get a cheap look now and then, after their DOM settles.
import type { Layout } from '../types';
import type { Injector } from './inject';
import { CONTAINERS } from '../detect/grid';

export interface WatcherOptions {
  /** Reads the page's layouts; `active` false means no order book here (yet). */
  discover(): { layouts: Layout[]; active: boolean; roots?: ShadowRoot[] };
  /** How long a page without an order book must be quiet before it is looked at again. */
  idleMs?: number;
  /** False once the extension's context is gone (updated or reloaded): asking is what notices it. */
  alive?(): boolean;
}

const STRUCTURE = `${CONTAINERS},th,[role=columnheader]`;
const WATCH = { childList: true, subtree: true, characterData: true };

/** The order row an element of a layout's row is (one half of a split row stands for its order's row). */
const ownerRow = (layout: Layout, el: Element) => (layout.owns(el) ? el : layout.primary?.(el));

export class PageWatcher {
  private readonly observer: MutationObserver;
  private records: MutationRecord[] = [];
  private scheduled = false;
  private readonly channel = new MessageChannel();
  private active = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt: number | undefined;
  private stopped = false;

  constructor(private readonly injector: Injector, private readonly options: WatcherOptions) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.channel.port1.onmessage = () => this.flush();
  }

  start(root: Node = document.documentElement): void {
    this.relayout();
    this.observer.observe(root, WATCH);
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    clearTimeout(this.idleTimer);
    this.channel.port1.close();
    this.injector.destroy();
  }

  private paused = false;

  /** The venue was turned off in Settings: controls go, nothing is watched until resume(). */
  pause(): void {
    if (this.paused || this.stopped) return;
    this.paused = true;
    this.observer.disconnect();
    clearTimeout(this.idleTimer);
    this.injector.destroy();
  }

  resume(): void {
    if (!this.paused || this.stopped) return;
    this.paused = false;
    this.start();
  }

  /** Reads the page's layouts again (the user's rules changed). */
  refresh(): void {
    if (this.stopped || this.paused) return;
    this.flush();
    this.relayout();
  }

  /** Handles whatever changed so far, now (the benchmark and tests call this instead of waiting). */
  flush(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const records = this.records;
    this.records = [];
    const extra = this.observer.takeRecords();
    if (extra.length) records.push(...extra);
    if (records.length) this.apply(records);
  }

  private onMutations(records: MutationRecord[]) {
    if (this.stopped || this.options.alive?.() === false) return;
    if (!this.active) {
      // Quiet for idleMs, or at most 4 × idleMs after the first change: pages that never settle
      // (tickers, clocks) still get looked at.
      const now = Date.now();
      this.firstChangeAt ??= now;
      clearTimeout(this.idleTimer);
      const idle = this.options.idleMs ?? 250;
      this.idleTimer = setTimeout(() => {
        this.firstChangeAt = undefined;
        this.relayout();
      }, Math.max(0, Math.min(idle, this.firstChangeAt + 4 * idle - now)));
      return;
    }
    for (const r of records) this.records.push(r);
    if (!this.scheduled) {
      this.scheduled = true;
      this.channel.port2.postMessage(0);
    }
  }

  private relayout() {
    if (this.stopped) return;
    const { layouts, active, roots = [] } = this.options.discover();
    this.active = active;
    // A shadow root's changes do not reach the document's observer: each is watched itself
    // (observing a node again only renews the options).
    if (!this.paused) for (const root of roots) this.observer.observe(root, WATCH);
    this.injector.layouts = layouts;
    this.injector.scanAll();
    this.injector.endBatch();
  }

  private rowOf(node: Node | null, touched: Set<Element>): boolean {
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    if (!el) return false;
    let structural = false;
    for (const layout of this.injector.layouts) {
      if (layout.isStructure(el)) structural = true;
      for (let row = el.closest(layout.rowSelector); row; row = row.parentElement?.closest(layout.rowSelector) ?? null) {
        const owner = ownerRow(layout, row);
        if (owner) {
          touched.add(owner);
          break;
        }
      }
    }
    return structural;
  }

  private apply(records: MutationRecord[]) {
    const { injector } = this;
    const layouts = injector.layouts;
    const touched = new Set<Element>();
    const added: Element[] = [];
    const removed: Element[] = [];
    let relayout = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        relayout = this.rowOf(r.target, touched) || relayout;
        continue;
      }
      let ours = true;
      for (const n of r.addedNodes) {
        if (injector.hosts.has(n)) continue;
        ours = false;
        if (n.nodeType === 1) added.push(n as Element);
      }
      for (const n of r.removedNodes) {
        if (injector.hosts.has(n)) {
          // Our control taken out by the page (not moved by us): its row must get it back.
          if (!n.isConnected && !injector.retired.has(n)) ours = false;
          continue;
        }
        ours = false;
        if (n.nodeType === 1) removed.push(n as Element);
      }
      if (!ours) relayout = this.rowOf(r.target, touched) || relayout;
    }
    for (const n of removed) {
      if (n.isConnected) {
        added.push(n);
        continue;
      }
      if (injector.has(n)) {
        injector.release(n);
        continue;
      }
      for (const layout of layouts) {
        for (const row of n.querySelectorAll(layout.rowSelector)) if (injector.has(row)) injector.release(row);
      }
    }
    for (const n of added) {
      if (!n.isConnected) continue;
      let isRow = false;
      for (const layout of layouts) {
        if (n.matches(layout.rowSelector)) {
          isRow = true;
          const owner = ownerRow(layout, n);
          if (owner) touched.add(owner);
        } else {
          for (const row of n.querySelectorAll(layout.rowSelector)) if (layout.owns(row)) touched.add(row);
        }
      }
      if (!isRow && !relayout && (n.matches(STRUCTURE) || n.querySelector(STRUCTURE)) && !layouts.some((l) => l.container?.contains(n))) {
        relayout = true;
      }
    }
    if (relayout || layouts.some((l) => !l.valid())) return this.relayout();
    injector.batch(touched, touched.size);
    injector.endBatch();
    // The order book went away (SPA navigation): back to looking now and then.
    if (injector.size === 0 && !layouts.some((l) => l.kind === 'generic')) this.relayout();
  }
}
