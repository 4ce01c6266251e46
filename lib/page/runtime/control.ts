// The Cancel control: a built-in element with a closed shadow root (host.ts), so the page's CSS
// cannot restyle it and the page's scripts cannot reach its button. It acts only on trusted clicks
// (a real pointer or a real key press) that a person could see and meant (acceptance.ts), on the
// order whose row it still sits in, and shows the cancel's state in place, with the message as a
// tooltip. Nothing of its state is in the page's DOM.
import { deliberate, REFUSAL, track, visibilityRefusal } from './acceptance';
import { makeHost } from './host';

export type ControlState = 'idle' | 'confirm' | 'sending' | 'cancelled' | 'closed' | 'pending' | 'failed';

export interface ControlCallbacks {
  onCancel(control: CancelControl): void;
  /** A trusted press (pointerdown, Enter/Space) that may become a click: ready the request. */
  onPress?(control: CancelControl): void;
  /** Why the control must not act for its order where it is now (moved to another row…), if so. */
  misplaced?(control: CancelControl): string | undefined;
}

const LABELS: Record<ControlState, string> = {
  idle: 'Cancel',
  confirm: 'Confirm?',
  sending: 'Sending…',
  cancelled: 'Cancelled',
  // Filled, cancelled elsewhere or not found: not our cancel, so not "Cancelled".
  closed: 'Closed',
  pending: 'Pending…',
  failed: 'Failed',
};

// One fixed size for every state, contained: a label that changes as the cancel goes on never
// moves the page's table, nor makes the browser lay a big table out again.
const STYLE = `button{all:initial;box-sizing:border-box;width:100%;height:100%;font:600 12px/1 system-ui,sans-serif;padding:4px 6px;border:1px solid;border-radius:4px;color:#b3261e;background:#fff;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;text-align:center}
button:focus-visible{outline:2px solid #1f6feb;outline-offset:-3px}[data-state=failed]{color:#fff;background:#b3261e}
[data-state=sending],[data-state=pending],[data-state=confirm]{color:#8a5a00}[data-state=cancelled]{color:#1a7f37}[data-state=closed]{color:#57606a}`;

/** Set by unit tests only: happy-dom has neither trusted events nor layout. */
export const testHooks = { acceptUntrusted: false, ignoreLayout: false };

// Events stopped at the button, so the page's row handlers (select, open details, re-render)
// neither see a press on the control nor take keyboard shortcuts from it.
const SWALLOWED = ['pointerdown', 'mousedown', 'mouseup', 'keydown'] as const;

export class CancelControl {
  readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly label: string;
  state: ControlState = 'idle';
  message = '';
  /** The row it sits in now (kept by the injector, never exposed on the element). */
  row: Element | undefined;

  constructor(readonly orderId: string, readonly key: string, symbol: string | undefined, private readonly callbacks: ControlCallbacks) {
    const { host, shadow } = makeHost();
    this.host = host;
    track(host, key);
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.label = `Cancel order ${orderId}${symbol ? ` (${symbol})` : ''}`;
    shadow.append(style, this.button);
    this.button.addEventListener('click', (event) => this.onClick(event));
    for (const type of SWALLOWED) this.button.addEventListener(type, (event) => event.stopPropagation());
    this.button.addEventListener('pointerdown', (e) => e.isTrusted && this.callbacks.onPress?.(this));
    this.button.addEventListener('keydown', (e) => e.isTrusted && (e.key === 'Enter' || e.key === ' ') && this.callbacks.onPress?.(this));
    this.render();
  }

  private onClick(event: MouseEvent) {
    event.stopPropagation();
    event.preventDefault();
    if (!event.isTrusted && !testHooks.acceptUntrusted) return;
    this.accept(() => this.refusal(event));
  }

  /**
   * The hover hotkey: the row check and the visibility checks of a click (at the control's centre:
   * the pointer is on the row, not necessarily on the control), then the same cancel. `aim` is why
   * the pointer's rest on the row does not count, if it does not.
   */
  hotkey(aim: string | undefined): boolean {
    return this.accept(() => this.centreRefusal(), aim);
  }

  /** Acts if the checks pass; false when it refused (the refusal shows) or had nothing to do. */
  private accept(layoutRefusal: () => string | undefined, aim?: string): boolean {
    if (this.state === 'sending' || this.state === 'cancelled' || this.state === 'closed') return false;
    const refusal = this.callbacks.misplaced?.(this) ?? aim ?? (testHooks.ignoreLayout ? undefined : layoutRefusal());
    if (refusal) {
      this.set('failed', refusal);
      return false;
    }
    this.callbacks.onCancel(this);
    return true;
  }

  private centreRefusal(): string | undefined {
    const rect = this.host.getBoundingClientRect();
    return visibilityRefusal(this.host, rect.left + rect.width / 2, rect.top + rect.height / 2);
  }

  /** Why a click must not act: hidden, faded, covered, or the control came to the pointer. */
  private refusal(event: MouseEvent): string | undefined {
    // A key press has no pointer position (nor a pointer to arrive): check the control's centre.
    if (event.detail === 0) return this.centreRefusal();
    return visibilityRefusal(this.host, event.clientX, event.clientY) ?? (deliberate(this.host) ? undefined : REFUSAL.sudden);
  }

  set(state: ControlState, message = ''): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.render();
  }

  private render() {
    const { button, state } = this;
    button.dataset.state = state;
    button.textContent = LABELS[state];
    button.title = this.message || this.label;
    button.setAttribute('aria-label', state === 'idle' ? this.label : `${this.label}: ${LABELS[state]}${this.message ? ` — ${this.message}` : ''}`);
    button.disabled = state === 'cancelled' || state === 'closed';
  }
}
