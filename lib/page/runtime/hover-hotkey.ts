// The hover hotkey, page side: the background relays the "cancel the order under the mouse"
// shortcut here, and this acts as a click on that row's control would — the same row check, the
// same visibility checks, the same cancel, a refusal shown on the control — or does nothing: while
// the user types in a field (the shortcut may be the key they meant to type), while the setting is
// off for this venue, or when no order row is under the pointer. Only the extension can send the
// message (a page cannot message its content script), and the extension itself sends it from its
// background, never from a tab.
import { testHooks, type CancelControl } from './control';

export const HOVER_CANCEL = 'quickcancel.hover-cancel';
export type HoverResult = 'sent' | 'refused' | 'typing' | 'off' | 'no-order' | 'busy';

export const AIM_REFUSAL = 'Not sent: this order came under the resting pointer; move onto its row and press again';

export interface HoverDeps {
  controlOf(el: Element | null): CancelControl | undefined;
  /** The setting, for this venue. */
  armed(): boolean;
  extensionId: string;
}

interface Sender {
  id?: string;
  tab?: unknown;
}

/** Whether the focus is where a key press types (into the page or a frame we cannot look into). */
export function typing(doc: Document = document): boolean {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT', 'IFRAME', 'FRAME'].includes(el.tagName);
}

export class HoverHotkey {
  private x = NaN;
  private y = NaN;
  /** The order the pointer moved over last (its control's key): the row the user aimed at. */
  private aimedKey: string | undefined;
  private readonly onMove = (event: PointerEvent) => {
    if (!event.isTrusted && !testHooks.acceptUntrusted) return;
    this.x = event.clientX;
    this.y = event.clientY;
    this.aimedKey = this.deps.controlOf(event.target as Element | null)?.key;
  };
  private readonly onOut = (event: PointerEvent) => {
    // The pointer left the page: no row is under it any more.
    if ((event.isTrusted || testHooks.acceptUntrusted) && !event.relatedTarget) this.x = this.y = NaN;
  };

  constructor(private readonly deps: HoverDeps) {}

  start(): void {
    window.addEventListener('pointermove', this.onMove, { capture: true, passive: true });
    window.addEventListener('pointerout', this.onOut, { capture: true, passive: true });
  }

  stop(): void {
    window.removeEventListener('pointermove', this.onMove, { capture: true });
    window.removeEventListener('pointerout', this.onOut, { capture: true });
  }

  /** A runtime message: the shortcut's result when it is the extension's hover-cancel, else undefined. */
  onMessage(message: unknown, sender: Sender): HoverResult | undefined {
    if ((message as { type?: unknown } | null)?.type !== HOVER_CANCEL) return undefined;
    if (sender.id !== this.deps.extensionId || sender.tab) return undefined;
    return this.act();
  }

  private act(): HoverResult {
    if (!this.deps.armed()) return 'off';
    if (typing()) return 'typing';
    if (Number.isNaN(this.x)) return 'no-order';
    const control = this.deps.controlOf(document.elementFromPoint(this.x, this.y));
    if (!control) return 'no-order';
    if (control.state === 'sending' || control.state === 'cancelled' || control.state === 'closed') return 'busy';
    return control.hotkey(control.key === this.aimedKey ? undefined : AIM_REFUSAL) ? 'sent' : 'refused';
  }
}
