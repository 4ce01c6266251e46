// Keeps exactly one Cancel control on every cancellable order row, row by row: the observer tells
// it which rows changed, appeared or left, so its work follows the change, not the page's size.
// On big books, rows are read (and get their control) as they come into view (IntersectionObserver).
import type { VenueId } from '@/lib/model';
import { forget, placed } from './acceptance';
import { CancelControl } from './control';
import { detectRow } from '../detect/discover';
import { symbolOf } from '../detect/field-layout';
import { HOST_SELECTOR } from './host';
import { InViewQueue } from './in-view';
import { Rooms } from './room';
import { Outcomes, type Messenger } from './outcomes';
import type { MenuActions } from './row-menu-contract';
import { loadRowMenu } from './row-menu-loader';
import { RowTimers } from './row-timers';
import type { KnownOrders } from '../detect/known';
import type { DetectedOrderRow, Layout } from '../types';

export { SENDING_FEEDBACK_MS, stateOf, type Messenger } from './outcomes';

export interface InjectorOptions {
  /** Rows in one batch above which each row is read only when it comes into view (default 200). */
  lazyAbove?: number;
}

export interface Tracked {
  detected: DetectedOrderRow;
  layout: Layout;
  control?: CancelControl;
}

const keyOf = (d: DetectedOrderRow) => (d.hints.leg ? `${d.orderId}\n${d.hints.leg}` : d.orderId);

export class Injector {
  private readonly rows = new Map<Element, Tracked>();
  /** Rows of a big batch waiting to come into view before they are read. */
  private readonly pending = new InViewQueue((rows) => this.seen(rows));
  private readonly controls = new Set<CancelControl>();
  readonly hosts = new WeakSet<Node>();
  /** The venue's open orders, when the background could tell: rows are anchored to them. */
  venueOrders: KnownOrders | undefined;
  /** Told when a row shows an id the venue did not report (a new order: the list is asked for again). */
  onUnknownId: (() => void) | undefined;
  /** Hosts this injector took off the page itself (their removal is no news to the observer). */
  readonly retired = new WeakSet<Node>();
  /** Controls of rows that left in this batch, by key, for the rows that replace them. */
  private readonly spare = new Map<string, CancelControl>();
  /** Where controls of closed orders were: their rows keep their height (room.ts). */
  private readonly rooms = new Rooms(this);
  private readonly outcomes: Outcomes;
  /** The countdowns of the cancel timers on this page's orders. */
  readonly timers: RowTimers;
  private readonly menu: MenuActions;
  private readonly asked = new Set<string>();
  private ask: string[] = [];
  layouts: Layout[] = [];
  /** Told at the end of every batch (the page's health summary follows, debounced). */
  onChange: (() => void) | undefined;

  constructor(venue: VenueId, messenger: Messenger, private readonly options: InjectorOptions = {}) {
    const hintsOf = (c: CancelControl) => (c.row ? this.rows.get(c.row)?.detected.hints : undefined);
    const outcomes = (this.outcomes = new Outcomes(venue, messenger, this.controls, hintsOf));
    const timers = (this.timers = new RowTimers(venue, this.controls, (id, since) => void outcomes.recheck(id, 'The timer fired; checking how it ended…', since)));
    this.menu = {
      offerInput: (c) => ({ known: this.venueOrders, hints: hintsOf(c) ?? {} }),
      load: () => loadRowMenu(messenger, venue),
      scoped: (c, choice) => outcomes.scoped(c, choice),
      async timer(c, seconds) {
        const set = await outcomes.timer(c, seconds);
        if ('error' in set) return set.error;
        timers.put(set.timer);
        return undefined;
      },
      // A row that stopped being cancellable while its menu was open lets its control go now.
      closed: (c) => {
        if (!c.row) return;
        this.update(c.row);
        this.endBatch();
      },
    };
  }

  /** Settings → "confirm before a single cancel". */
  get confirmSingle(): boolean {
    return this.outcomes.confirmSingle;
  }

  set confirmSingle(on: boolean) {
    this.outcomes.confirmSingle = on;
  }

  /** The rows read so far, each with its reading and the layout that read it. */
  tracked(): Iterable<Tracked> {
    return this.rows.values();
  }

  /** Rows of a big batch not read yet (out of view). */
  get unread(): number {
    return this.pending.size;
  }

  get size(): number {
    return this.rows.size + this.pending.size;
  }

  has(row: Element): boolean {
    return this.rows.has(row) || this.pending.has(row);
  }

  /**
   * Reconciles these rows: each read now, or — a batch bigger than `lazyAbove` (a first pass on a
   * big book, a whole list re-rendered) — each when it comes into view.
   */
  batch(rows: Iterable<Element>, count: number): void {
    const lazy = count > (this.options.lazyAbove ?? 200) && typeof IntersectionObserver === 'function';
    for (const row of rows) {
      if (lazy) this.defer(row);
      else this.update(row);
    }
  }

  /** The symbols the order rows show, as the status message bounds them (at most 20). */
  symbols(): string[] {
    const out = new Set<string>();
    for (const { detected } of this.rows.values()) {
      const symbol = symbolOf(detected.hints.symbol);
      if (symbol) out.add(symbol);
      if (out.size === 20) break;
    }
    return [...out];
  }

  /** Reconciles one row with what the layouts read in it now. */
  update(row: Element): void {
    this.unpend(row);
    const hit = row.isConnected ? detectRow(row, this.layouts, this.venueOrders) : undefined;
    if (!hit) {
      // A row of an id-less table that fits none of the venue's orders may be a new one.
      if (this.venueOrders && this.layouts.some((l) => l.kind === 'venue' && l.owns(row))) this.onUnknownId?.();
      return this.release(row);
    }
    const [detected, layout] = hit;
    if (this.venueOrders && detected.source === 'page') this.onUnknownId?.();
    let tracked = this.rows.get(row);
    if (!tracked) {
      tracked = { detected, layout };
      this.rows.set(row, tracked);
    }
    tracked.detected = detected;
    tracked.layout = layout;
    if (!this.asked.has(detected.orderId)) {
      this.asked.add(detected.orderId);
      if (detected.orderId.length <= 128) this.ask.push(detected.orderId);
    }
    const key = keyOf(detected);
    // A control whose menu is open stays in its row (the menu shows a result) until it closes.
    const same = tracked.control?.key === key ? tracked.control : this.spare.get(key);
    const keep = detected.cancellable || !!same?.menuOpen;
    if (!keep || (tracked.control && tracked.control.key !== key)) this.drop(tracked);
    if (!keep) return this.rooms.keep(tracked.layout.slot(row), key, !!same);
    let control = tracked.control;
    if (!control) {
      control = this.spare.get(key);
      if (control) this.spare.delete(key);
      else control = this.create(detected);
      tracked.control = control;
      control.row = row;
    }
    this.mount(control, tracked);
  }

  /** A row left the page (or stopped being an order row). */
  release(row: Element): void {
    this.unpend(row);
    const tracked = this.rows.get(row);
    if (!tracked) return;
    this.rows.delete(row);
    const control = tracked.control;
    if (!control) return;
    control.host.remove();
    control.row = undefined;
    if (this.spare.has(control.key)) this.discard(control);
    else this.spare.set(control.key, control);
  }

  /** Every row of every layout, e.g. the first pass or after the layouts changed. */
  scanAll(): void {
    const all = new Set<Element>();
    for (const layout of this.layouts) for (const row of layout.rows()) all.add(row);
    for (const row of [...this.rows.keys(), ...this.pending.rows()]) if (!all.has(row)) this.release(row);
    this.batch(all, all.size);
  }

  /** Ends a batch: controls of rows that left and did not come back go, and one status question. */
  endBatch(): void {
    for (const control of this.spare.values()) this.discard(control);
    this.spare.clear();
    if (this.ask.length) void this.outcomes.askStatus(this.ask.splice(0));
    this.onChange?.();
  }

  private defer(row: Element) {
    if (this.pending.has(row)) return;
    this.release(row);
    this.pending.add(row);
  }

  private unpend(row: Element) {
    this.pending.remove(row);
  }

  /** Waiting rows that came into view: read now. */
  private seen(rows: Element[]) {
    for (const row of rows) this.update(row);
    this.endBatch();
  }

  private create(detected: DetectedOrderRow): CancelControl {
    const control = new CancelControl(detected.orderId, keyOf(detected), detected.hints.symbol, {
      onCancel: (c) => void this.outcomes.cancel(c),
      onPress: (c) => this.outcomes.prepare(c),
      misplaced: (c, forMenu) => this.misplaced(c, forMenu),
      menu: this.menu,
    });
    const remembered = this.outcomes.known.get(detected.orderId);
    if (remembered) control.set(remembered.state, remembered.message);
    this.hosts.add(control.host);
    this.controls.add(control);
    this.timers.attach(control);
    return control;
  }

  /** Puts the control in its row's slot unless it is there already; removes strays (copies, an older instance's). */
  private mount(control: CancelControl, tracked: Tracked) {
    const row = tracked.detected.row;
    const slot = tracked.layout.slot(row);
    if (control.host.parentNode === slot) return;
    for (const other of row.querySelectorAll(HOST_SELECTOR)) if (other !== control.host) other.remove();
    this.rooms.clear(row);
    slot.append(control.host);
    placed(control.host);
    control.mounted();
  }

  /** The control of the order row that holds this element (e.g. what is under the pointer), if any. */
  controlOf(el: Element | null): CancelControl | undefined {
    for (let at: Element | null = el; at; at = at.parentElement ?? ((at.parentNode as ShadowRoot | null)?.host ?? null)) {
      // Over the other half of a split row: the half that stands for the order.
      const tracked = this.rows.get(at) ?? this.rows.get(this.layouts.map((l) => l.primary?.(at!)).find(Boolean)!);
      if (tracked) return tracked.control;
    }
    return undefined;
  }

  /**
   * At a press (or a key's click): the control must still sit in the row it was made for, showing
   * its order (a page can move a control, or rewrite the row); else the row is read again.
   */
  private misplaced(control: CancelControl, forMenu = false): string | undefined {
    const row = control.row;
    const tracked = row ? this.rows.get(row) : undefined;
    const now = row?.isConnected ? detectRow(row, this.layouts, this.venueOrders) : undefined;
    // A split row's control sits in the other half, in its slot.
    const inRow = tracked && (row!.contains(control.host) || tracked.layout.slot(row!).contains(control.host));
    // A row kept for its open menu may show its order closed by now: "cancel all" of its symbol still makes sense.
    if (inRow && now && keyOf(now[0]) === control.key && (now[0].cancellable || forMenu)) return undefined;
    if (row) this.update(row);
    this.endBatch();
    return 'Not sent: the control is no longer in its order’s row';
  }

  /** The row stays but its control goes (its order closed, or the row shows another order now). */
  private drop(tracked: Tracked) {
    if (tracked.control) this.discard(tracked.control, true);
    tracked.control = undefined;
  }

  private discard(control: CancelControl, leaveRoom = false) {
    if (leaveRoom) this.rooms.leave(control.host, control.key);
    this.retired.add(control.host);
    forget(control.host);
    control.host.remove();
    control.row = undefined;
    this.controls.delete(control);
  }

  destroy(): void {
    this.outcomes.stop();
    this.timers.stop();
    for (const control of this.controls) {
      forget(control.host);
      control.host.remove();
    }
    this.controls.clear();
    this.rooms.clearAll([...this.rows.keys(), ...this.pending.rows()]);
    this.rows.clear();
    this.pending.clear();
    this.spare.clear();
  }
}
