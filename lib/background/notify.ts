// A system notification for each finished cancel, when the user wants them (default on): the
// trader may have moved on to another window by the time the venue answers.
import { browser } from 'wxt/browser';
import { currentSettings } from '../settings';
import { behaviourFor } from '../settings-defaults';
import type { JournalEntry, VenueId } from '@/lib/model';
import { fillHeadline } from '@/lib/outcome-text';
import type { VenueAdapter } from '../venues/types';

const TITLE: Partial<Record<JournalEntry['status'], string>> = {
  cancelled: 'Cancelled',
  pending: 'Cancel accepted, not yet confirmed',
  'already-closed': 'Already closed',
  rejected: 'Cancel rejected',
  'auth-failed': 'Cancel failed: credentials',
  'rate-limited': 'Cancel failed: rate-limited',
  unknown: 'Cancel outcome unknown',
  'not-sent': 'Cancel not sent',
};

export async function notifyOutcome(entry: JournalEntry, venues: Record<VenueId, VenueAdapter>): Promise<void> {
  // A fill changes what the cancel did: it leads the title ("Cancelled — 3 of 10 filled").
  const title = fillHeadline(entry) ?? TITLE[entry.status];
  if (!title || !behaviourFor(await currentSettings(), entry.venue, 'notifications')) return;
  const shown = [entry.symbol, entry.side].filter(Boolean).join(' ');
  const order = shown && entry.detailsFrom === 'page' ? `${shown}, as the page showed` : shown;
  await browser.notifications.create(`qc-${entry.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `${title} — ${venues[entry.venue].name}`,
    message: `Order ${entry.orderId}${order ? ` (${order})` : ''}: ${entry.message ?? entry.status}`,
  });
}
