// Keeps exactly one Cancel control on every cancellable order row, as the page re-renders.
import type { JournalEntry } from '../engine/journal';
import type { CancelReply } from '../messages';
import type { VenueId } from '../venues/types';
import { CancelControl, type ControlState } from './control';
import { detectOrderRows, type DetectedOrderRow } from './detect';

export interface Messenger {
  send(message: unknown): Promise<unknown>;
}

const stateOf = (entry: JournalEntry): ControlState => {
  switch (entry.status) {
    case 'cancelled':
    case 'already-closed':
      return 'cancelled';
    case 'sending':
      return 'sending';
    case 'pending':
    case 'verifying':
    case 'unknown':
      return 'pending';
    default:
      return 'failed';
  }
};

export class Injector {
  private readonly controls = new Map<Element, CancelControl>();
  /** Outcomes by order id, so a re-rendered row shows what its order went through. */
  private readonly known = new Map<string, { state: ControlState; message: string }>();

  constructor(private readonly venue: VenueId, private readonly messenger: Messenger) {}

  /** Reconciles controls with the rows under root. */
  scan(root: ParentNode = document): void {
    const rows = detectOrderRows(root, this.venue);
    const seen = new Set<Element>();
    for (const detected of rows) {
      seen.add(detected.row);
      this.place(detected);
    }
    for (const [row, control] of this.controls) {
      if (!seen.has(row) || !row.isConnected) {
        control.host.remove();
        this.controls.delete(row);
      }
    }
  }

  private place(detected: DetectedOrderRow) {
    const existing = this.controls.get(detected.row);
    if (!detected.cancellable) {
      existing?.host.remove();
      this.controls.delete(detected.row);
      return;
    }
    if (existing && existing.orderId === detected.orderId && existing.host.isConnected) return;
    existing?.host.remove();
    const control = new CancelControl(detected.orderId, { onCancel: (c) => void this.cancel(c, detected) });
    const remembered = this.known.get(detected.orderId);
    if (remembered) control.set(remembered.state, remembered.message);
    const cell = detected.row.querySelector('td.actions, [data-qc-slot]') ?? detected.row.lastElementChild ?? detected.row;
    cell.append(control.host);
    this.controls.set(detected.row, control);
  }

  private async cancel(control: CancelControl, detected: DetectedOrderRow) {
    this.show(control, 'sending', 'Sending the cancel…');
    let reply: CancelReply;
    try {
      reply = (await this.messenger.send({ type: 'cancel', venue: this.venue, orderId: detected.orderId, hints: detected.hints })) as CancelReply;
    } catch (error) {
      return this.show(control, 'failed', `QuickCancel could not reach its background (${String(error)}); reload the page`);
    }
    if (!reply?.ok) return this.show(control, 'failed', reply?.error ?? 'No answer');
    this.show(control, stateOf(reply.entry), reply.entry.message ?? reply.entry.status);
  }

  private show(control: CancelControl, state: ControlState, message: string) {
    this.known.set(control.orderId, { state, message });
    // The row may have been re-rendered meanwhile: update whichever control shows this order now.
    for (const c of this.controls.values()) if (c.orderId === control.orderId) c.set(state, message);
    control.set(state, message);
  }

  destroy(): void {
    for (const control of this.controls.values()) control.host.remove();
    this.controls.clear();
  }
}
