// The Cancel control: a custom element with a closed shadow root, so the page's CSS cannot
// restyle it and the page's scripts cannot reach its button. It acts only on trusted clicks that
// land on it, visible and uncovered.
export type ControlState = 'idle' | 'sending' | 'cancelled' | 'pending' | 'failed';

export interface ControlCallbacks {
  onCancel(control: CancelControl): void;
}

const LABELS: Record<ControlState, string> = {
  idle: 'Cancel',
  sending: 'Sending…',
  cancelled: 'Cancelled',
  pending: 'Pending…',
  failed: 'Failed',
};

const STYLE = `:host{all:initial;display:inline-block;vertical-align:middle;margin:0 4px}
button{font:600 12px/1 system-ui,sans-serif;padding:4px 10px;border-radius:4px;border:1px solid #b3261e;background:#fff;color:#b3261e;cursor:pointer}
button:hover{background:#b3261e;color:#fff}button:focus-visible{outline:2px solid #1f6feb;outline-offset:1px}
button[data-state=sending],button[data-state=pending]{border-color:#9a6700;color:#9a6700;background:#fff8c5;cursor:progress}
button[data-state=cancelled]{border-color:#1a7f37;color:#1a7f37;background:#dafbe1;cursor:default}
button[data-state=failed]{border-color:#b3261e;color:#fff;background:#b3261e}`;

/** Set by unit tests only: happy-dom cannot produce trusted events. */
export const testHooks = { acceptUntrusted: false };

export class CancelControl {
  readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  state: ControlState = 'idle';

  constructor(readonly orderId: string, private readonly callbacks: ControlCallbacks) {
    this.host = document.createElement('qc-cancel');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.setAttribute('aria-label', `Cancel order ${orderId}`);
    shadow.append(style, this.button);
    this.button.addEventListener('click', (event) => this.onClick(event));
    this.render('');
  }

  private onClick(event: MouseEvent) {
    event.stopPropagation();
    event.preventDefault();
    if (!event.isTrusted && !testHooks.acceptUntrusted) return;
    if (this.state === 'sending' || this.state === 'cancelled') return;
    const refusal = this.refusal(event);
    if (refusal) return this.set('failed', refusal);
    this.callbacks.onCancel(this);
  }

  /** Why a click must not act: hidden, or another element sits where the click landed. */
  private refusal(event: MouseEvent): string | undefined {
    const rect = this.host.getBoundingClientRect();
    if (!this.host.isConnected || rect.width === 0 || rect.height === 0) return 'Not sent: the control is hidden';
    if (typeof this.host.checkVisibility === 'function' && !this.host.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      return 'Not sent: the control is hidden';
    }
    // A keyboard press has no pointer position; check the control's centre instead.
    const x = event.detail === 0 ? rect.left + rect.width / 2 : event.clientX;
    const y = event.detail === 0 ? rect.top + rect.height / 2 : event.clientY;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== this.host) return 'Not sent: something on the page covers the control';
    return undefined;
  }

  set(state: ControlState, message = ''): void {
    this.state = state;
    this.render(message);
  }

  private render(message: string) {
    this.button.dataset.state = this.state;
    this.button.textContent = LABELS[this.state];
    this.button.title = message;
    this.host.dataset.state = this.state;
    this.button.disabled = this.state === 'cancelled';
  }
}
