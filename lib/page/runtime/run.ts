// What a venue's content script runs: detection, controls and observation on this page, the
// user's page rules from storage (followed as they change), torn down when the extension is
// updated or reloaded (the context is invalidated) so a newer instance starts on a clean page.
import { browser } from 'wxt/browser';
import { CONTENT_PORT, type VenueId } from '@/lib/model';
import { discoverLayouts } from '../detect/discover';
import { KnownOrders } from '../detect/known';
import { shownSymbols } from '../detect/field-layout';
import { followVenueOrders, type VenueOrders } from './venue-orders';
import { healthOf, healthReporter } from './health';
import { HoverHotkey } from './hover-hotkey';
import { Injector } from './inject';
import { portMessenger } from './messenger';
import { PageWatcher } from './observe';
import { PAGE_RULES_KEY, parseRules } from '../detect/rules';
import type { VenuePage } from '../../venues/descriptor';
import type { PageRule } from '../types';
import { SETTINGS_KEY } from '../../settings-defaults';
import { pageSettings } from './page-settings';
import { TIMERS_KEY } from '../../timers-key';

export interface PageContext {
  readonly signal: AbortSignal;
  /** WXT's check: false (and the invalidated callbacks run) once the extension context is gone. */
  readonly isValid: boolean;
  onInvalidated(cb: () => void): unknown;
}

/** Starts QuickCancel on this page, for the venue whose page facts (its page.ts) are given. */
export function startPage(page: Pick<VenuePage<VenueId>, 'venue' | 'recipe'>, ctx: PageContext): void {
  if (ctx.signal.aborted) return;
  const { venue, recipe } = page;
  let rules: PageRule[] = [];
  const messenger = portMessenger(() => browser.runtime.connect({ name: CONTENT_PORT }));
  const injector = new Injector(venue, messenger);
  let known: KnownOrders | undefined;
  let orders: VenueOrders | undefined;
  const discover = () => {
    const found = discoverLayouts(document, venue, recipe, rules, known);
    // A page without ids shows its symbols only once drawn: ZebPay's list needs them.
    if (!found.active) orders?.pageChanged();
    return found;
  };
  const watcher = new PageWatcher(injector, { discover, alive: () => ctx.isValid });
  watcher.start();
  orders = followVenueOrders(venue, messenger, (list) => {
    known = list ? new KnownOrders(list) : undefined;
    injector.venueOrders = known;
    watcher.refresh();
  }, () => injector.size > 0, ctx.signal, () => {
    // Rows read show their symbols; a page without ids shows them before any row is an order.
    const symbols = injector.symbols();
    return symbols.length ? symbols : shownSymbols(document);
  });
  injector.onUnknownId = () => orders.unknownSeen();
  injector.onChange = healthReporter(
    () => healthOf(injector.tracked(), injector.unread, injector.layouts, known),
    (health) => void messenger.send({ type: 'status', venue, orderIds: [], health }).catch(() => undefined),
  );
  let hoverArmed = false;
  const hover = new HoverHotkey({ controlOf: (el) => injector.controlOf(el), armed: () => hoverArmed, extensionId: browser.runtime.id });
  hover.start();
  // Answered at once: the reply tells the sender (tests) what the shortcut did here.
  const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }, reply: (r: unknown) => void) => {
    const result = hover.onMessage(message, sender);
    if (result) reply(result);
    return false;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const applyRules = (value: unknown) => {
    rules = parseRules(value, venue);
    watcher.refresh();
  };
  const applySettings = (value: unknown) => {
    const settings = pageSettings(value, venue);
    injector.confirmSingle = settings.confirmSingle;
    hoverArmed = settings.hoverHotkey;
    // A venue turned off in Settings gets no controls (the background refuses its cancels anyway).
    if (settings.disabled) watcher.pause();
    else watcher.resume();
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (PAGE_RULES_KEY in changes) applyRules(changes[PAGE_RULES_KEY]!.newValue);
    if (SETTINGS_KEY in changes) applySettings(changes[SETTINGS_KEY]!.newValue);
    if (TIMERS_KEY in changes) injector.timers.apply(changes[TIMERS_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  browser.storage.local.get([PAGE_RULES_KEY, SETTINGS_KEY, TIMERS_KEY]).then(
    (stored) => {
      if (ctx.signal.aborted) return;
      applySettings(stored[SETTINGS_KEY]);
      injector.timers.apply(stored[TIMERS_KEY]);
      if (stored[PAGE_RULES_KEY] !== undefined) applyRules(stored[PAGE_RULES_KEY]);
    },
    () => undefined,
  );

  ctx.onInvalidated(() => {
    watcher.stop();
    hover.stop();
    try {
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // The extension context is gone already.
    }
  });
}
