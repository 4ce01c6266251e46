// What the content script and the lazily loaded row menu (entrypoints/row-menu.ts, injected by the
// background on the first "▾" press) share. The menu script registers its factory on the isolated
// world's global, which the page's own scripts can neither read nor write (they run in another
// world); the checks it applies to a press are handed to it by the content script, so that it uses
// the very pointer and placement records the content script keeps (a second copy would know nothing).
import type * as Acceptance from './acceptance';
import type { KnownOrders } from '../detect/known';
import type { CancelControl } from './control';
import type { ScopeChoice } from './row-scope';

export interface MenuActions {
  /** What the menu's offer is computed from: the venue's open orders (if known) and what the row shows. */
  offerInput(control: CancelControl): { known: KnownOrders | undefined; hints: Record<string, string> };
  /** Sends the confirmed scoped cancel; how it ended, in words. */
  scoped(control: CancelControl, choice: ScopeChoice): Promise<string>;
  /** Sets a timer on the order: why it could not be set, or undefined. */
  timer(control: CancelControl, seconds: number): Promise<string | undefined>;
  /** The menu closed: a control kept in its row for the menu's sake may go. */
  closed(control: CancelControl): void;
  /** Loads the menu's script if it is not there yet: the factory, or why it could not be loaded. */
  load(): Promise<MenuFactory | string>;
}

/** The content script's own acceptance checks, as the menu applies them to a press on an item. */
export type MenuChecks = Pick<typeof Acceptance, 'drawnOver' | 'placed' | 'pointerAt' | 'visibilityRefusal' | 'testHooks' | 'REFUSAL' | 'SETTLE_MS'>;

export interface OpenableMenu {
  readonly open: boolean;
  toggle(): void;
  close(): void;
  /** The control was put back in a row: an open menu is drawn again beside it. */
  reshow(): void;
}

export type MenuFactory = (control: CancelControl, shadow: ShadowRoot, opener: HTMLElement, actions: MenuActions, checks: MenuChecks) => OpenableMenu;

/** Where the menu script leaves its factory, on the isolated world's global. */
export const ROW_MENU = Symbol.for('quickcancel.rowMenu');

export const registeredMenu = (): MenuFactory | undefined => (globalThis as { [ROW_MENU]?: MenuFactory })[ROW_MENU];
