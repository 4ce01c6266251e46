// Keeps exactly one Cancel control on every cancellable order row, row by row: the observer tells
// it which rows changed, appeared or left, so its work follows the change, not the page's size.
// On big books, rows are read (and get their control) as they come into view (IntersectionObserver).
import type { ContentMessageType, MessageOf, ReplyOf } from '@/lib/messages';
import type { JournalEntry, VenueId } from '@/lib/model';
import { LATE_FILL_WATCH_MS, outcomeText } from '../../outcome-text';
import { playOutcomeTone } from '../../sound';
import { CancelControl, type ControlState } from './control';
import { detectRow } from '../detect/discover';
import type { KnownOrders } from '../detect/known';
import { clampHints } from '../detect/text';
import type { DetectedOrderRow, Layout } from '../types';

export interface Messenger {
  /** `onSent`: the background has handed the cancel request to the network (its reply follows). */
  send<T extends ContentMessageType>(message: MessageOf<T>, onSent?: () => void): Promise<ReplyOf<T>>;
}

export interface InjectorOptions {
  /** Rows in one batch above which each row is read only when it comes into view (default 200). */
  lazyAbove?: number;
}

const FINAL = new Set<ControlState>(['cancelled', 'closed', 'failed']);
/** The longest a click goes without visible feedback when its request has not left yet. */
export const SENDING_FEEDBACK_MS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function stateOf(entry: JournalEntry): ControlState {
  switch (entry.status) {
    case 'cancelled':
      return 'cancelled';
    case 'already-closed':
      return 'closed';
    case 'sending':
      return 'sending';
    case 'pending':
    case 'verifying':
    case 'unknown':
      return 'pending';
    default:
      return 'failed';
  }
}

interface Tracked {
  detected: DetectedOrderRow;
  layout: Layout;
  control?: CancelControl;
}

const keyOf = (d: DetectedOrderRow) => (d.hints.leg ? `${d.orderId}\n${d.hints.leg}` : d.orderId);
const STATUS_CHUNK = 5000;

export class Injector {
  private readonly rows = new Map<Element, Tracked>();
  /** Rows of a big batch waiting to come into view before they are read: row → observed element. */
  private readonly pending = new Map<Element, Element>();
  private readonly pendingRow = new WeakMap<Element, Element>();
  private io: IntersectionObserver | undefined;
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
  /** Outcomes by order id, so a re-rendered row shows what its order went through. */
  private readonly known = new Map<string, { state: ControlState; message: string }>();
  /** Orders whose cancel this page has sent and not yet heard the end of. */
  private readonly cancelling = new Set<string>();
  private readonly asked = new Set<string>();
  private readonly lateChecks = new Set<ReturnType<typeof setTimeout>>();
  private ask: string[] = [];
  layouts: Layout[] = [];
  /** Settings → "confirm before a single cancel". */
  confirmSingle = false;

  constructor(private readonly venue: VenueId, private readonly messenger: Messenger, private readonly options: InjectorOptions = {}) {}

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
    if (!detected.cancellable || (tracked.control && tracked.control.key !== key)) this.drop(tracked);
    if (!detected.cancellable) return;
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
    for (const row of [...this.rows.keys(), ...this.pending.keys()]) if (!all.has(row)) this.release(row);
    this.batch(all, all.size);
  }

  /** Ends a batch: controls of rows that left and did not come back go, and one status question. */
  endBatch(): void {
    for (const control of this.spare.values()) this.discard(control);
    this.spare.clear();
    if (this.ask.length) void this.askStatus(this.ask.splice(0));
  }

  private defer(row: Element) {
    if (this.pending.has(row)) return;
    this.release(row);
    this.io ??= new IntersectionObserver((entries) => this.seen(entries), { rootMargin: '200px' });
    // A row may have no box of its own (display: contents); its first cell does.
    const target = row.firstElementChild ?? row;
    this.pending.set(row, target);
    this.pendingRow.set(target, row);
    this.io.observe(target);
  }

  private unpend(row: Element) {
    const target = this.pending.get(row);
    if (!target) return;
    this.pending.delete(row);
    this.io!.unobserve(target);
  }

  private seen(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      const row = entry.isIntersecting ? this.pendingRow.get(entry.target) : undefined;
      if (row && this.pending.get(row) === entry.target) this.update(row);
    }
    this.endBatch();
  }

  private create(detected: DetectedOrderRow): CancelControl {
    const control = new CancelControl(detected.orderId, keyOf(detected), detected.hints.symbol, { onCancel: (c) => void this.cancel(c) });
    const remembered = this.known.get(detected.orderId);
    if (remembered) control.set(remembered.state, remembered.message);
    this.hosts.add(control.host);
    this.controls.add(control);
    return control;
  }

  /** Puts the control in its row's slot unless it is there already; removes strays (copies, an older instance's). */
  private mount(control: CancelControl, tracked: Tracked) {
    const row = tracked.detected.row;
    const slot = tracked.layout.slot(row);
    if (control.host.parentNode === slot) return;
    for (const other of row.querySelectorAll('qc-cancel')) if (other !== control.host) other.remove();
    slot.append(control.host);
  }

  private drop(tracked: Tracked) {
    if (tracked.control) this.discard(tracked.control);
    tracked.control = undefined;
  }

  private discard(control: CancelControl) {
    this.retired.add(control.host);
    control.host.remove();
    control.row = undefined;
    this.controls.delete(control);
  }

  private async cancel(control: CancelControl) {
    if (this.confirmSingle && control.state !== 'confirm') {
      control.set('confirm', 'Click again to cancel this order');
      setTimeout(() => control.state === 'confirm' && control.set('idle'), 4000);
      return;
    }
    const { orderId } = control;
    // A second click while the first is on its way (before "Sending…" shows) sends nothing more.
    if (this.cancelling.has(orderId)) return;
    this.cancelling.add(orderId);
    const detected = control.row ? this.rows.get(control.row)?.detected : undefined;
    const hints = clampHints(detected?.hints ?? {});
    // "Sending…" is drawn once the background says the request has left: a frame drawn while it
    // leaves competes with it for the CPU (measured: +2 ms on a 2-core machine). If it has not left
    // within SENDING_FEEDBACK_MS (an order to look up first, a worker starting), it is drawn then.
    let feedback: ReturnType<typeof setTimeout> | undefined;
    const showSending = () => {
      clearTimeout(feedback);
      if (this.cancelling.has(orderId)) this.show(orderId, 'sending', 'Sending the cancel…');
    };
    const sent = this.messenger.send({ type: 'cancel', venue: this.venue, orderId, hints }, showSending);
    feedback = setTimeout(showSending, SENDING_FEEDBACK_MS);
    let reply: ReplyOf<'cancel'> | undefined;
    try {
      reply = await sent;
    } catch {
      // The background went away mid-cancel (a restart): it finishes unfinished cancels when it
      // starts again, so ask it how this one ended rather than guess.
      return this.recheck(orderId);
    } finally {
      clearTimeout(feedback);
      this.cancelling.delete(orderId);
    }
    // The reply is typed, but a background of another version may answer in another shape.
    if (!reply?.ok || !reply.entry) return this.show(orderId, 'failed', (reply && !reply.ok && reply.error) || 'No answer from QuickCancel');
    const state = stateOf(reply.entry);
    this.show(orderId, state, outcomeText(reply.entry));
    if (reply.sound) playOutcomeTone(state === 'cancelled' || state === 'closed');
    // The background watches a cancelled order for a late fill for a while: ask once it is done.
    if (state === 'cancelled') this.lateChecks.add(setTimeout(() => this.askAgain(orderId), LATE_FILL_WATCH_MS + 1000));
  }

  private askAgain(orderId: string) {
    const show = (entry?: JournalEntry) => entry && this.show(orderId, stateOf(entry), outcomeText(entry));
    this.messenger.send({ type: 'status', venue: this.venue, orderIds: [orderId] }).then((r) => show(r?.ok ? r.entries?.[orderId] : undefined), () => undefined);
  }

  private async recheck(orderId: string) {
    this.show(orderId, 'pending', 'Lost contact with QuickCancel mid-cancel; checking how it ended…');
    for (let i = 0; i < 20; i++) {
      await sleep(1000);
      const reply = await this.messenger.send({ type: 'status', venue: this.venue, orderIds: [orderId] }).catch(() => undefined);
      const entry = reply?.ok ? reply.entries?.[orderId] : undefined;
      if (entry && entry.status !== 'sending') this.show(orderId, stateOf(entry), outcomeText(entry));
      if (entry && FINAL.has(stateOf(entry))) return;
    }
  }

  /** Asks the background what it knows of these orders (a cancel in flight or done), once per id. */
  private async askStatus(ids: string[]) {
    for (let i = 0; i < ids.length; i += STATUS_CHUNK) {
      let reply: ReplyOf<'status'> | undefined;
      try {
        reply = await this.messenger.send({ type: 'status', venue: this.venue, orderIds: ids.slice(i, i + STATUS_CHUNK) });
      } catch {
        return;
      }
      for (const [id, entry] of Object.entries(reply?.ok && reply.entries ? reply.entries : {})) {
        if (!this.known.has(id)) this.show(id, stateOf(entry), outcomeText(entry));
      }
    }
  }

  private show(orderId: string, state: ControlState, message: string) {
    this.known.set(orderId, { state, message });
    // The row may have been re-rendered meanwhile: update whichever control shows this order now.
    for (const c of this.controls) if (c.orderId === orderId) c.set(state, message);
  }

  destroy(): void {
    for (const t of this.lateChecks) clearTimeout(t);
    this.io?.disconnect();
    for (const control of this.controls) control.host.remove();
    this.controls.clear();
    this.rows.clear();
    this.pending.clear();
    this.spare.clear();
  }
}
