// The row menu: the control's "▾" part (or a right-click on the control) opens, inside the
// control's closed shadow root, a small menu for that row's order — "Cancel all <symbol>" and
// "Cancel all <side> <symbol>", each confirmed with the exact orders it will cancel, and "Cancel if
// not filled in 30 s / 2 min / 5 min". It is drawn in the top layer (a manual popover), so the
// control keeps its fixed box and the page's table never moves. Opening it sends nothing. An item
// acts only on a trusted event that passes a click's checks: the row still shows the order, the
// control is visible, nothing is drawn over the item where it was pressed, and the pointer came to
// the menu rather than the menu (or a new view of it) to a resting pointer. A refused item says
// why and sends nothing.
// This file is not part of the always-loaded content script: entrypoints/row-menu.ts loads it on
// the first "▾" press, and it takes the content script's own checks (row-menu-contract.ts) rather
// than import them, so it judges a press with the same records as a click on the control.
import type { CancelControl } from './control';
import type { MenuActions, MenuChecks, MenuFactory } from './row-menu-contract';
import { menuOffer, orderLine, type ScopeChoice } from './row-scope';

export const TIMER_CHOICES: ReadonlyArray<[seconds: number, words: string]> = [[30, '30 s'], [120, '2 min'], [300, '5 min']];
export const MENU_SUDDEN = 'Not sent: the menu just appeared under the pointer; move onto it and click again';

const STYLE = `[popover]{position:fixed;inset:auto;margin:0;width:max-content;max-width:320px;padding:4px;border:1px solid #8c959f;border-radius:6px;background:#fff;color:#1f2328;font:12px/1.4 system-ui,sans-serif;box-shadow:0 4px 14px #0003}
[popover] button{display:block;width:100%;margin:1px 0;padding:4px 8px;border:0;color:#1f2328;font-weight:400;text-align:left}[popover] button:hover{background:#eef1f5}
[popover] .go{color:#fff;background:#b3261e}p,ul{margin:4px 8px}ul{padding:0;list-style:none;max-height:160px;overflow:auto;font:11px/1.5 monospace}`;

const SWALLOWED = ['pointerdown', 'mousedown', 'mouseup', 'click', 'keydown', 'contextmenu'] as const;
/** A press elsewhere, or the page scrolling or resizing under it, closes the menu. */
const DISMISS = ['pointerdown', 'scroll', 'resize'] as const;

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

export class RowMenu {
  open = false;
  private readonly box = make('div');
  private status = make('p');
  /** Where the pointer was when the current view appeared, and whether it has moved since. */
  private shownAt = 0;
  private restingAt = '';
  private moved = false;
  private spot = '';
  /** A press outside the control closes the menu (a press on its Cancel does too: control.ts). */
  private readonly dismiss = (event: Event) => {
    if (!event.composedPath().includes(this.control.host)) this.close();
  };

  constructor(
    private readonly control: CancelControl,
    private readonly shadow: ShadowRoot,
    private readonly opener: HTMLElement,
    private readonly actions: MenuActions,
    private readonly checks: MenuChecks,
  ) {
    const { box } = this;
    box.setAttribute('popover', 'manual');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', `More for order ${control.orderId}`);
    if (typeof box.showPopover !== 'function') box.hidden = true;
    box.addEventListener('pointermove', (event) => {
      if (event.isTrusted && checks.pointerAt() !== this.restingAt) this.moved = true;
    });
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      this.close();
      opener.focus();
    });
    // The page's own handlers (select the row, its shortcuts) never see a press in the menu.
    for (const type of SWALLOWED) box.addEventListener(type, (event) => event.stopPropagation());
    shadow.append(Object.assign(make('style'), { textContent: STYLE }), box);
  }

  toggle(): void {
    if (this.open) return this.close();
    this.open = true;
    this.opener.setAttribute('aria-expanded', 'true');
    for (const type of DISMISS) window.addEventListener(type, this.dismiss, true);
    this.items();
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.opener.setAttribute('aria-expanded', 'false');
    for (const type of DISMISS) window.removeEventListener(type, this.dismiss, true);
    this.display(false);
    // Chromium's visibility verdict calls the control hidden while its menu is open (the menu is in
    // the top layer): what it said meanwhile says nothing of the control now.
    this.checks.placed(this.control.host);
    this.actions.closed(this.control);
  }

  /** The control was put back in a row (the page re-rendered it): the open menu is drawn again beside it. */
  reshow(): void {
    if (this.open) this.place();
  }

  private display(on: boolean) {
    const { box } = this;
    if (typeof box.showPopover !== 'function') {
      box.hidden = !on;
      return;
    }
    try {
      if (on) box.showPopover();
      else box.hidePopover();
    } catch {
      // Already in that state, or out of the document with its control.
    }
  }

  /** Next to the control, right-aligned under it (over it when there is no room below). */
  private place() {
    this.display(true);
    const r = this.control.host.getBoundingClientRect();
    const m = this.box.getBoundingClientRect();
    const top = r.bottom + 2 + m.height > innerHeight && r.top - 2 - m.height >= 0 ? r.top - 2 - m.height : r.bottom + 2;
    const left = Math.max(0, Math.min(r.right - m.width, innerWidth - m.width));
    this.box.style.cssText = `left:${left}px;top:${top}px`;
    // Moved under the pointer by the page (a re-rendered row somewhere else): aim again.
    if (`${left},${top}` !== this.spot) this.rearm();
    this.spot = `${left},${top}`;
  }

  private rearm() {
    this.shownAt = performance.now();
    this.restingAt = this.checks.pointerAt();
    this.moved = false;
  }

  /** Shows these nodes as the menu's content; `focus` gets the keyboard. */
  private view(nodes: Node[], focus?: HTMLElement) {
    this.status = make('p');
    this.status.setAttribute('role', 'status');
    this.box.replaceChildren(...nodes, this.status);
    this.place();
    this.rearm();
    (focus ?? this.box.querySelector('button'))?.focus();
  }

  /** A menu button; `checked`: it leads to a cancel, so it passes a click's checks first. */
  private button(text: string, act: () => unknown, checked = true, className = ''): HTMLButtonElement {
    const b = make('button', text);
    b.type = 'button';
    b.className = className;
    b.addEventListener('click', (event) => {
      event.preventDefault();
      if (!event.isTrusted && !this.checks.testHooks.acceptUntrusted) return;
      const refusal = checked ? this.refusal(event, b) : undefined;
      if (refusal) this.status.textContent = refusal;
      else act();
    });
    return b;
  }

  private items() {
    const { known, hints } = this.actions.offerInput(this.control);
    const { scopes, note } = menuOffer(known, this.control.orderId, hints);
    const nodes: Node[] = scopes.map((c) => this.button(`${c.label} (${c.orders.length})…`, () => this.confirm(c)));
    if (note) nodes.push(make('p', note));
    const { state } = this.control;
    // A timer is for an order still to cancel.
    if (state !== 'sending' && state !== 'cancelled' && state !== 'closed') {
      for (const [seconds, words] of TIMER_CHOICES) nodes.push(this.button(`Cancel if not filled in ${words}`, () => this.setTimer(seconds)));
    }
    this.view(nodes);
  }

  private confirm(choice: ScopeChoice) {
    const n = choice.orders.length;
    const list = make('ul');
    for (const o of choice.orders) list.append(make('li', orderLine(o)));
    const back = this.button('Back', () => this.items(), false);
    // The focus starts on Back, so an Enter pressed out of habit cancels nothing.
    this.view([make('p', `${choice.label}: exactly these ${n}?`), list, back, this.button(`Cancel these ${n}`, () => this.run(choice), true, 'go')], back);
  }

  private async run(choice: ScopeChoice) {
    this.view([make('p', `Cancelling ${choice.orders.length}…`)]);
    const text = await this.actions.scoped(this.control, choice);
    if (this.open) this.view([make('p', text), this.button('Close', () => this.close(), false)]);
  }

  private async setTimer(seconds: number) {
    this.status.textContent = 'Setting the timer…';
    const error = await this.actions.timer(this.control, seconds);
    if (error) this.status.textContent = error;
    else this.close();
  }

  /** Why this press on a menu item must not act, or undefined when it may: a click's checks. */
  private refusal(event: MouseEvent, item: HTMLElement): string | undefined {
    const { drawnOver, REFUSAL, SETTLE_MS, testHooks, visibilityRefusal } = this.checks;
    const misplaced = this.control.misplaced();
    if (misplaced || testHooks.ignoreLayout) return misplaced;
    const { host } = this.control;
    const r = host.getBoundingClientRect();
    const hidden = visibilityRefusal(host, r.left + r.width / 2, r.top + r.height / 2, true);
    if (hidden) return hidden;
    // A key press has no pointer position (nor a pointer to arrive): the item's centre is checked.
    const key = event.detail === 0;
    const ir = item.getBoundingClientRect();
    const x = key ? ir.left + ir.width / 2 : event.clientX;
    const y = key ? ir.top + ir.height / 2 : event.clientY;
    if (document.elementFromPoint(x, y) !== host || !item.contains(this.shadow.elementFromPoint(x, y))) return REFUSAL.covered;
    if (drawnOver(host, [[x, y]])) return REFUSAL.drawnOver;
    if (!key && !this.moved && performance.now() - this.shownAt < SETTLE_MS) return MENU_SUDDEN;
    return undefined;
  }
}

export const createRowMenu: MenuFactory = (control, shadow, opener, actions, checks) => new RowMenu(control, shadow, opener, actions, checks);
