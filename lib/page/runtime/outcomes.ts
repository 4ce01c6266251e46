// What a click on a control sets going, and what the control shows of it: the cancel sent once
// per order (a second click while the first is on its way sends nothing), "Sending…" drawn once the
// request has left, the outcome shown on whichever control shows that order now (rows re-render),
// and what the background already knows of the orders on the page.
import type { ContentMessageType, MessageOf, ReplyOf } from '@/lib/messages';
import type { JournalEntry, VenueId } from '@/lib/model';
import { LATE_FILL_WATCH_MS } from '../../outcome-text';
import { playOutcomeTone } from '../../sound';
import type { CancelControl, ControlState } from './control';
import { clampHints } from '../detect/text';
import type { ScopeChoice } from './row-scope';

export interface Messenger {
  /** `onSent`: the background has handed the cancel request to the network (its reply follows). */
  send<T extends ContentMessageType>(message: MessageOf<T>, onSent?: () => void): Promise<ReplyOf<T>>;
}

/** The entry's outcome in words: the background words what it sends a page (page-replies.ts). */
const outcomeText = (entry: JournalEntry) => entry.text ?? entry.message ?? entry.status;

const FINAL = new Set<ControlState>(['cancelled', 'closed', 'failed']);
/** The longest a click goes without visible feedback when its request has not left yet. */
export const SENDING_FEEDBACK_MS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATUS_CHUNK = 5000;

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

export class Outcomes {
  /** Outcomes by order id, so a re-rendered row shows what its order went through. */
  readonly known = new Map<string, { state: ControlState; message: string }>();
  /** Orders whose cancel this page has sent and not yet heard the end of. */
  private readonly cancelling = new Set<string>();
  /** Settings → "confirm before a single cancel". */
  confirmSingle = false;
  private readonly lateChecks = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly venue: VenueId,
    private readonly messenger: Messenger,
    private readonly controls: Iterable<CancelControl>,
    private readonly hintsOf: (control: CancelControl) => Record<string, string> | undefined,
  ) {}

  async cancel(control: CancelControl) {
    if (this.confirmSingle && control.state !== 'confirm') {
      control.set('confirm', 'Click again to cancel this order');
      setTimeout(() => control.state === 'confirm' && control.set('idle'), 4000);
      return;
    }
    const { orderId } = control;
    // A second click while the first is on its way (before "Sending…" shows) sends nothing more.
    if (this.cancelling.has(orderId)) return;
    this.cancelling.add(orderId);
    const hints = clampHints(this.hintsOf(control) ?? {});
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
      return this.recheck(orderId, 'Lost contact with QuickCancel mid-cancel; checking how it ended…');
    } finally {
      clearTimeout(feedback);
      this.cancelling.delete(orderId);
    }
    // The reply is typed, but a background of another version may answer in another shape.
    if (!reply?.ok || !('entry' in reply) || !reply.entry) return this.show(orderId, 'failed', (reply && !reply.ok && reply.error) || 'No answer from QuickCancel');
    const state = stateOf(reply.entry);
    this.show(orderId, state, outcomeText(reply.entry));
    if (reply.sound) playOutcomeTone(state === 'cancelled' || state === 'closed');
    // The background watches a cancelled order for a late fill for a while: ask once it is done.
    if (state === 'cancelled') this.lateChecks.add(setTimeout(() => this.askAgain(orderId), LATE_FILL_WATCH_MS + 1000));
  }

  /** A press that may become a click: the background readies the request and sends nothing. */
  prepare(control: CancelControl) {
    if (control.state !== 'idle' && control.state !== 'confirm' && control.state !== 'failed') return;
    const { orderId } = control;
    this.messenger.send({ type: 'cancel', venue: this.venue, orderId, hints: clampHints(this.hintsOf(control) ?? {}), prepare: true }).catch(() => undefined);
  }

  private askAgain(orderId: string) {
    const show = (entry?: JournalEntry) => entry && this.show(orderId, stateOf(entry), outcomeText(entry));
    this.messenger.send({ type: 'status', venue: this.venue, orderIds: [orderId] }).then((r) => show(r?.ok ? r.entries?.[orderId] : undefined), () => undefined);
  }

  /** The page is torn down: no late question is asked any more. */
  stop(): void {
    for (const t of this.lateChecks) clearTimeout(t);
  }

  /**
   * Asks the background how the order's cancel ended until it knows, showing `message` meanwhile;
   * only a cancel begun at `sinceMs` or later counts (a timer's, not an older one of that order).
   */
  async recheck(orderId: string, message: string, sinceMs = 0) {
    this.show(orderId, 'pending', message);
    let seen = false;
    for (let i = 0; i < 20; i++) {
      await sleep(1000);
      const reply = await this.messenger.send({ type: 'status', venue: this.venue, orderIds: [orderId] }).catch(() => undefined);
      const found = reply?.ok ? reply.entries?.[orderId] : undefined;
      const entry = found && found.startedAtMs >= sinceMs ? found : undefined;
      seen ||= !!entry;
      if (entry && entry.status !== 'sending') this.show(orderId, stateOf(entry), outcomeText(entry));
      if (entry && FINAL.has(stateOf(entry))) return;
    }
    // A timer removed in the popup just before its time: nothing was sent after all.
    if (sinceMs && !seen) this.show(orderId, 'idle', '');
  }

  /** A row menu's confirmed scoped cancel: the result in words, each order's outcome on its row. */
  async scoped(control: CancelControl, choice: ScopeChoice): Promise<string> {
    const orderIds = choice.orders.map((o) => o.orderId);
    const reply = await this.messenger.send({ type: 'cancel', venue: this.venue, orderId: control.orderId, hints: {}, scope: choice.scope, orderIds }).catch(() => undefined);
    if (!reply?.ok || !('entries' in reply)) return (reply && !reply.ok && reply.error) || 'No answer from QuickCancel: see its history in the popup for what was cancelled';
    for (const entry of reply.entries) {
      const state = stateOf(entry);
      if (state === 'pending' || state === 'sending') void this.recheck(entry.orderId, outcomeText(entry));
      else this.show(entry.orderId, state, outcomeText(entry));
    }
    return reply.summary;
  }

  /** A row menu's timer on its order: the timer set, or why not. */
  async timer(control: CancelControl, seconds: number): Promise<{ timer: { orderId: string; fireAtMs: number; setAtMs: number } } | { error: string }> {
    const reply = await this.messenger.send({ type: 'cancel', venue: this.venue, orderId: control.orderId, hints: {}, after: seconds }).catch(() => undefined);
    if (reply?.ok && 'timer' in reply) return { timer: reply.timer };
    return { error: (reply && !reply.ok && reply.error) || 'No answer from QuickCancel: the timer was not set' };
  }

  /** Asks the background what it knows of these orders (a cancel in flight or done), once per id. */
  async askStatus(ids: string[]) {
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

  show(orderId: string, state: ControlState, message: string) {
    this.known.set(orderId, { state, message });
    // The row may have been re-rendered meanwhile: update whichever control shows this order now.
    for (const c of this.controls) if (c.orderId === orderId) c.set(state, message);
  }
}
