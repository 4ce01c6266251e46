// What a real-browser test needs from a browser, whichever it is: tests in tests/e2e/both/ are
// written against this and run in Chromium (Playwright) and Firefox (puppeteer-core over BiDi).
import type { Simulator } from '../../simulator/server';
import type { VenueId } from '../../../lib/venues/types';
import type { ControlInfo } from '../control-info';
import type { ShadowPart } from '../shadow-parts';

export type { ControlInfo, ShadowPart };

export type BrowserName = 'chromium' | 'firefox';

/** The few page operations each browser's driver implements itself. */
export interface RawPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** A trusted click through the browser's own mouse, at the centre of the first match. */
  click(selector: string): Promise<void>;
  /** Replaces an input's value by typing, as a person would. */
  fill(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Moves the browser's own mouse to (x, y) in the viewport, without clicking. */
  mouseMove(x: number, y: number): Promise<void>;
  /** Presses and releases the mouse where it is now, without moving it. */
  mouseClickHere(): Promise<void>;
  /** Presses, or releases, the mouse button where the mouse is now. */
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  /** A QuickCancel control's button, read through its closed shadow root (null: none there). */
  control(selector: string): Promise<ControlInfo | null>;
  /** The buttons and text inside a control's closed shadow root (its row menu too), with their boxes. */
  shadowParts(selector: string): Promise<ShadowPart[]>;
  /** A synthetic el.click() from the page's own world on the first part whose text starts with `text`. */
  shadowSyntheticClick(selector: string, text: string): Promise<void>;
  /** The text inside the element's (closed) shadow root, as a person reads it; null: no such element. */
  shadowText(selector: string): Promise<string | null>;
  /** Chooses an option of a <select> by value. */
  select(selector: string, value: string): Promise<void>;
  bringToFront(): Promise<void>;
  reload(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface DriverPage extends RawPage {
  count(selector: string): Promise<number>;
  /** The attribute of the first match, null when there is no match or no attribute. */
  attr(selector: string, name: string): Promise<string | null>;
  text(selector: string): Promise<string | null>;
  /** Clicks (trusted) the first button whose text starts with `name`, inside `within` if given. */
  clickButton(name: string, within?: string): Promise<void>;
  /** The state a QuickCancel control shows (idle, failed, cancelled…), null when there is none. */
  controlState(selector: string): Promise<string | null>;
  /** Moves the mouse to the centre of the first match, without clicking. */
  hover(selector: string): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  controlPort?: number;
  /** Firefox only: extra preferences (the Chromium driver ignores them). */
  firefoxPrefs?: Record<string, unknown>;
}

export interface Driver {
  name: BrowserName;
  sim: Simulator;
  /** The profile directory: after close({ keepProfile: true }) it is left on disk to be scanned. */
  profileDir: string;
  /** An extension page (popup.html, options.html) opened as a tab. */
  extensionPage(path: string): Promise<DriverPage>;
  /** A page at its real https host (a simulated venue). */
  open(url: string): Promise<DriverPage>;
  /** A runtime message from an extension page, as the popup or options page sends it. */
  send<T = any>(message: unknown): Promise<T>;
  storage(): Promise<Record<string, any>>;
  setStorage(items: Record<string, unknown>): Promise<void>;
  setCredentials(venue: VenueId, credentials: unknown): Promise<void>;
  /**
   * A keyboard command, as if its shortcut were pressed with the tab in front. Firefox fires the
   * browser's own command event; Chromium offers no way to, so its service worker sends what the
   * background sends for that command (only `cancel-hovered` so far).
   */
  command(name: string): Promise<void>;
  /** Stops the extension's background (Chromium's service worker, Firefox's event page). */
  stopBackground(): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}
