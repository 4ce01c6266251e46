// The Cancel control: a built-in element with a closed shadow root (host.ts), so the page's CSS
// cannot restyle it and the page's scripts cannot reach its button. It acts only on trusted clicks
// (a real pointer or a real key press) that a person could see and meant (acceptance.ts), on the
// order whose row it still sits in, and shows the cancel's state in place, with the message as a
// tooltip. Nothing of its state is in the page's DOM. A pointer's click is judged at its press,
// when the person decided: the checks are off the click's path, and a page that changes what is
// shown between the press and the release changes nothing.
import { deliberate, drawnOver, placed, pointerAt, REFUSAL, SETTLE_MS, stillSeen, testHooks, track, visibilityRefusal } from './acceptance';
import { makeHost } from './host';
import { registeredMenu, type MenuActions, type MenuChecks, type OpenableMenu } from './row-menu-contract';
import { benchMark } from '../../bench-marks';

export type ControlState = 'idle' | 'confirm' | 'sending' | 'cancelled' | 'closed' | 'pending' | 'failed';

export interface ControlCallbacks {
  onCancel(control: CancelControl): void;
  /** A trusted press (pointerdown, Enter/Space) that may become a click: ready the request. */
  onPress?(control: CancelControl): void;
  /**
   * Why the control must not act for its order where it is now (moved to another row…), if so.
   * `forMenu`: for a menu item, which may act on a row that shows its order closed by now.
   */
  misplaced?(control: CancelControl, forMenu?: boolean): string | undefined;
  /** What the row menu (the "▾" part) offers and does; without it the control has no menu. */
  menu?: MenuActions;
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
// moves the page's table, nor makes the browser lay a big table out again. The "▾" part takes the
// right 18 px of the same box; its menu is drawn in the top layer (row-menu.ts), outside the box.
const STYLE = `button{all:initial;box-sizing:border-box;width:70px;height:100%;vertical-align:top;font:600 12px/1 system-ui,sans-serif;padding:4px 3px;border:1px solid;border-radius:4px 0 0 4px;color:#b3261e;background:#fff;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;text-align:center}
button:only-of-type{width:100%;border-radius:4px}.more{width:18px;padding:0;border-left:0;border-radius:0 4px 4px 0}
button:focus-visible{outline:2px solid #1f6feb;outline-offset:-3px}[data-state=failed]{color:#fff;background:#b3261e}
[data-state=sending],[data-state=pending],[data-state=confirm]{color:#8a5a00}[data-state=cancelled]{color:#1a7f37}[data-state=closed]{color:#57606a}`;

export { testHooks };

/** The checks the row menu applies to a press on its items: this script's own (row-menu-contract.ts). */
const MENU_CHECKS: MenuChecks = { drawnOver, placed, pointerAt, visibilityRefusal, testHooks, REFUSAL, SETTLE_MS };

/**
 * What the click's checks found when the button was pressed: a person decides when they press,
 * so the press is what they saw, and the click that follows it only says "now".
 */
interface Press {
  /** The pointerdown's event time (the click's is on the same clock). */
  at: number;
  refusal: string | undefined;
  row: Element | undefined;
  parent: ParentNode | null;
}
/** A click this long after its press is looked at anew (a press held this long is not a click). */
const PRESS_HOLDS_MS = 1500;

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
  /** When a cancel timer on this order fires (ms since the epoch), while one is set. */
  private timerAt: number | undefined;
  private menu: OpenableMenu | undefined;
  private menuLoading = false;
  private readonly shadow: ShadowRoot;
  private press: Press | undefined;

  constructor(readonly orderId: string, readonly key: string, symbol: string | undefined, private readonly callbacks: ControlCallbacks) {
    const { host, shadow } = makeHost();
    this.host = host;
    this.shadow = shadow;
    track(host, key);
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.label = `Cancel order ${orderId}${symbol ? ` (${symbol})` : ''}`;
    shadow.append(style, this.button);
    this.button.addEventListener('click', (event) => this.onClick(event));
    const actions = callbacks.menu;
    if (actions) {
      const more = document.createElement('button');
      more.className = 'more';
      more.textContent = '▾';
      more.setAttribute('aria-label', `More for order ${orderId}: cancel all of its symbol, or cancel it on a timer`);
      more.setAttribute('aria-haspopup', 'dialog');
      shadow.append(more);
      // Opening the menu sends nothing; still, only a person opens it (a page cannot reach it).
      const open = (event: Event) => {
        event.preventDefault();
        event.stopPropagation();
        if (!event.isTrusted && !testHooks.acceptUntrusted) return;
        void this.toggleMenu(shadow, more, actions);
      };
      more.addEventListener('click', open);
      host.addEventListener('contextmenu', open);
      for (const type of SWALLOWED) more.addEventListener(type, (event) => event.stopPropagation());
    }
    for (const type of SWALLOWED) this.button.addEventListener(type, (event) => event.stopPropagation());
    this.button.addEventListener('pointerdown', (e) => this.onPress(e));
    this.button.addEventListener('keydown', (e) => e.isTrusted && (e.key === 'Enter' || e.key === ' ') && this.callbacks.onPress?.(this));
    this.render();
  }

  /** Opens or closes the row menu, loading its script on the first open (row-menu-loader.ts). */
  private async toggleMenu(shadow: ShadowRoot, more: HTMLElement, actions: MenuActions) {
    if (!this.menu) {
      const ready = registeredMenu();
      // A press while the script loads adds nothing: the menu opens once, when it is there.
      if (!ready && this.menuLoading) return;
      this.menuLoading = true;
      const made = ready ?? (await actions.load());
      this.menuLoading = false;
      more.title = typeof made === 'string' ? made : '';
      if (typeof made === 'string' || !this.host.isConnected) return;
      this.menu ??= made(this, shadow, more, actions, MENU_CHECKS);
    }
    this.menu.toggle();
  }

  /** The menu is open: the injector keeps the control in its row until it closes. */
  get menuOpen(): boolean {
    return !!this.menu?.open;
  }

  /** The control was put (back) in a row: an open menu is drawn again beside it. */
  mounted(): void {
    this.menu?.reshow();
  }

  /** Why the row menu must not act for this order now (the same row check as a click), if so. */
  misplaced(): string | undefined {
    return this.callbacks.misplaced?.(this, true);
  }

  /**
   * A pointer pressed the button: the click's checks run now, off the click's path, and a press
   * that passes readies the request (onPress). A refused press readies nothing and shows why at
   * once (a control put back in its own row is no longer under the pointer to be clicked).
   */
  private onPress(event: PointerEvent) {
    // Cancel pressed with the menu open: the menu goes first (the checks see the control alone).
    this.menu?.close();
    this.press = undefined;
    if (event.button !== 0 || (!event.isTrusted && !testHooks.acceptUntrusted) || !this.actionable) return;
    const refusal = this.checks(() => this.pointerRefusal(event));
    this.press = { at: event.timeStamp, refusal, row: this.row, parent: this.host.parentNode };
    if (refusal) this.set('failed', refusal);
    else this.callbacks.onPress?.(this);
  }

  private onClick(event: MouseEvent) {
    benchMark('qc:click');
    event.stopPropagation();
    event.preventDefault();
    if (!event.isTrusted && !testHooks.acceptUntrusted) return;
    // The press this click ends, if the control saw it (a key's click has none).
    const press = this.press && event.detail > 0 && event.timeStamp - this.press.at < PRESS_HOLDS_MS ? this.press : undefined;
    this.press = undefined;
    // A key press has no pointer position (nor a pointer to arrive): the control's centre is checked.
    const look = () => (event.detail === 0 ? this.centreRefusal() : this.pointerRefusal(event));
    // A refused press refuses its click, whatever the page shows by the release.
    this.accept(() => press?.refusal ?? (press && this.unchangedSince(press) ? undefined : this.checks(look)));
  }

  /**
   * The press's checks stand for its click while nothing they looked at can have changed unseen:
   * the control is where it was pressed, and the browser, which keeps watching it
   * (IntersectionObserver v2, Chromium), still sees it whole. Anywhere else (Firefox, a control
   * moved, a press held long, a pointerdown the page kept from the control) the click looks anew.
   */
  private unchangedSince(press: Press): boolean {
    return press.row === this.row && press.parent === this.host.parentNode && stillSeen(this.host);
  }

  /**
   * The hover hotkey: the row check and the visibility checks of a click (at the control's centre:
   * the pointer is on the row, not necessarily on the control), then the same cancel. `aim` is why
   * the pointer's rest on the row does not count, if it does not.
   */
  hotkey(aim: string | undefined): boolean {
    return this.accept(() => this.checks(() => this.centreRefusal(), aim));
  }

  /** A cancel is not already on its way or done. */
  private get actionable(): boolean {
    return this.state !== 'sending' && this.state !== 'cancelled' && this.state !== 'closed';
  }

  /** Why the control must not act now: the row check, then the aim, then what is drawn (`look`). */
  private checks(look: () => string | undefined, aim?: string): string | undefined {
    return this.callbacks.misplaced?.(this) ?? aim ?? (testHooks.ignoreLayout ? undefined : look());
  }

  /** Acts if the checks pass; false when it refused (the refusal shows) or had nothing to do. */
  private accept(checks: () => string | undefined): boolean {
    if (!this.actionable) return false;
    const refusal = checks();
    if (refusal) {
      this.set('failed', refusal);
      return false;
    }
    benchMark('qc:accepted');
    this.callbacks.onCancel(this);
    return true;
  }

  private centreRefusal(): string | undefined {
    const rect = this.host.getBoundingClientRect();
    return visibilityRefusal(this.host, rect.left + rect.width / 2, rect.top + rect.height / 2);
  }

  /** Why a pointer's press or click must not act: hidden, faded, covered, or the control came to the pointer. */
  private pointerRefusal(event: MouseEvent): string | undefined {
    return visibilityRefusal(this.host, event.clientX, event.clientY) ?? (deliberate(this.host) ? undefined : REFUSAL.sudden);
  }

  set(state: ControlState, message = ''): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.render();
  }

  /** A cancel timer on this order fires at `at` (undefined: none any more); shown as a countdown. */
  timer(at: number | undefined): void {
    this.timerAt = at;
    this.render();
  }

  private render() {
    const { button, state, timerAt } = this;
    const left = timerAt === undefined || state !== 'idle' ? undefined : Math.max(0, Math.ceil((timerAt - Date.now()) / 1000));
    // The time it fires, not the seconds left: a screen reader is not re-told every second.
    const label = left === undefined ? this.label : `${this.label} — a timer cancels it at ${new Date(timerAt!).toLocaleTimeString()} unless it fills first`;
    button.dataset.state = state;
    button.textContent = left === undefined ? LABELS[state] : `Cancel ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    button.title = this.message || label;
    button.setAttribute('aria-label', state === 'idle' ? label : `${label}: ${LABELS[state]}${this.message ? ` — ${this.message}` : ''}`);
    button.disabled = state === 'cancelled' || state === 'closed';
  }
}
