// Firefox lets a user withhold any host permission, and Tradernet's other domains are optional
// host permissions everywhere: a cancel to an origin the browser would not let us reach is not
// sent (its request would fail or half-leave as a CORS probe), and the user is told what to allow.
import { browser } from 'wxt/browser';
import type { VenueAdapter } from '../venues/types';

/** The API origins a venue's requests go to with these credentials (Tradernet: the issuing domain). */
function originsFor(adapter: VenueAdapter, credentials: unknown): string[] {
  const domain = (credentials as { domain?: unknown } | null)?.domain;
  return adapter.id === 'tradernet' && typeof domain === 'string' ? [`https://${domain}/*`] : adapter.apiOrigins;
}

/** Why the cancel cannot be sent, or undefined when every origin it needs is granted. */
export async function missingPermission(adapter: VenueAdapter, credentials: unknown): Promise<string | undefined> {
  const origins = originsFor(adapter, credentials);
  try {
    if (await browser.permissions.contains({ origins })) return undefined;
  } catch {
    // No way to ask (not an extension context): the request itself will say what happened.
    return undefined;
  }
  const hosts = origins.map((o) => o.replace(/^https:\/\/|\/\*$/g, '')).join(', ');
  return `Not sent: your browser has not given QuickCancel permission to reach ${hosts}. ` +
    `Allow it in the add-on's permissions (Firefox: Add-ons and themes → QuickCancel → Permissions), or save the ${adapter.name} keys again in Settings to be asked.`;
}
