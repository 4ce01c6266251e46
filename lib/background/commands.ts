// Keyboard shortcuts. `_execute_action` (open the popup: quick-cancel) is the browser's own; the
// cancel-all shortcut acts on the venue of the tab in front.
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { VenueId } from '@/lib/model';
import type { VenueAdapter } from '../venues/types';

export const CANCEL_ALL_COMMAND = 'cancel-all-here';

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

/** Opens the popup's cancel-all for the tab's venue, where the usual confirmation applies. */
export async function onCommand(command: string, tabUrl: string | undefined, venues: Record<VenueId, VenueAdapter>): Promise<void> {
  if (command !== CANCEL_ALL_COMMAND) return;
  const venue = venueOfUrl(tabUrl, venues);
  if (!venue) {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'QuickCancel',
      message: 'Cancel-all works on a supported broker page: this tab is not one.',
    });
    return;
  }
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html#cancel-all=${venue}`), type: 'popup', width: 420, height: 600 });
}
