// Keyboard shortcuts. `_execute_action` (open the popup: quick-cancel) is the browser's own; the
// cancel-all shortcut acts on the venue of the tab in front; the panic shortcut acts on every venue.
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { VenueId } from '@/lib/model';
import { tally, tallyText } from '../cancel-tally';
import type { PanicReply } from '../messages';
import { currentSettings } from '../settings';
import type { VenueAdapter } from '../venues/types';
import { HOVER_CANCEL } from '../page/runtime/hover-hotkey';
import { panic, type PanicDeps } from './panic';

export const CANCEL_ALL_COMMAND = 'cancel-all-here';
export const PANIC_COMMAND = 'panic';
export const HOVER_COMMAND = 'cancel-hovered';

/**
 * The hover hotkey: the tab's own content script knows what is under the mouse and decides
 * (lib/page/runtime/hover-hotkey.ts). Only the top frame: that is where the order rows are read.
 */
export async function hoverCancel(tabId: number | undefined): Promise<unknown> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return undefined;
  try {
    return await browser.tabs.sendMessage(id, { type: HOVER_CANCEL }, { frameId: 0 });
  } catch {
    // Not a venue page (no content script answers): the shortcut does nothing there.
    return undefined;
  }
}

export function venueOfUrl(url: string | undefined, venues: Record<VenueId, VenueAdapter>): VenueId | undefined {
  // MatchPattern throws on a malformed URL, and must be given a string: for a URL object it asks
  // `instanceof Location`, which a service worker does not have.
  if (!url) return undefined;
  try {
    new URL(url);
  } catch {
    return undefined;
  }
  return (Object.keys(venues) as VenueId[]).find((id) => venues[id].pageMatches.some((p) => new MatchPattern(p).includes(url)));
}

const notice = (message: string, title = 'QuickCancel') =>
  browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });

const openPopupWindow = (hash: string) =>
  browser.windows.create({ url: browser.runtime.getURL(`/popup.html#${hash}`), type: 'popup', width: 420, height: 600 });

/** One line per venue: what the panic did there (a notification is the only place it shows). */
export function panicSummary(reply: PanicReply, venues: Record<VenueId, VenueAdapter>): string {
  if (!reply.ok) return reply.error;
  return reply.venues
    .map((r) => `${venues[r.venue].name}: ${'entries' in r ? (r.entries.length ? tallyText(tally(r.entries)) : 'no open orders') : `failed — ${r.outcome.message ?? r.outcome.kind}`}`)
    .join('\n');
}

/**
 * Cancel-all opens the popup's cancel-all for the tab's venue, where the usual confirmation applies.
 * Panic opens the popup's panic confirmation; with confirmation turned off it runs at once, and
 * the result comes as a notification.
 */
export async function onCommand(command: string, tabUrl: string | undefined, venues: Record<VenueId, VenueAdapter>, panicDeps?: PanicDeps): Promise<void> {
  if (command === PANIC_COMMAND) {
    if ((await currentSettings()).confirmCancelAll || !panicDeps) {
      await openPopupWindow('panic');
      return;
    }
    await notice(panicSummary(await panic(panicDeps), venues), 'QuickCancel panic');
    return;
  }
  if (command !== CANCEL_ALL_COMMAND) return;
  const venue = venueOfUrl(tabUrl, venues);
  if (!venue) {
    await notice('Cancel-all works on a supported broker page: this tab is not one.');
    return;
  }
  await openPopupWindow(`cancel-all=${venue}`);
}
