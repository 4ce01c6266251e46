// Firefox lets a user withhold any host permission, and Tradernet's other domains are optional
// host permissions everywhere: a cancel to an origin the browser would not let us reach is not
// sent (its request would fail or half-leave as a CORS probe), and the user is told what to allow.
import { browser } from 'wxt/browser';
import { descriptorOf } from '../venues/registry';
import type { VenueAdapter } from '../venues/types';

/** The API origins a venue's requests go to with these credentials (e.g. Tradernet's issuing domain). */
function originsFor(adapter: VenueAdapter, credentials: unknown): string[] {
  const optional = descriptorOf[adapter.id].optionalOrigin?.(credentials as Record<string, unknown>);
  return optional ? [optional] : adapter.apiOrigins;
}

// Asking the browser is a round trip to its main process, and this check sits on the click path:
// each answer is kept until a permission is added or removed.
let granted = new Map<string, Promise<boolean>>();
let watching: boolean | undefined;

/** Whether answers may be kept: only while the browser tells us when permissions change. */
function watch(): boolean {
  if (watching === undefined) {
    try {
      const forget = () => (granted = new Map());
      browser.permissions.onAdded.addListener(forget);
      browser.permissions.onRemoved.addListener(forget);
      watching = true;
    } catch {
      watching = false;
    }
  }
  return watching;
}

function isGranted(origins: string[]): Promise<boolean> {
  if (!watch()) return browser.permissions.contains({ origins });
  const key = origins.join(' ');
  let answer = granted.get(key);
  if (!answer) {
    answer = browser.permissions.contains({ origins });
    granted.set(key, answer);
    answer.catch(() => granted.delete(key));
  }
  return answer;
}

/** Why the cancel cannot be sent, or undefined when every origin it needs is granted. */
export async function missingPermission(adapter: VenueAdapter, credentials: unknown): Promise<string | undefined> {
  const origins = originsFor(adapter, credentials);
  try {
    if (await isGranted(origins)) return undefined;
  } catch {
    // No way to ask (not an extension context): the request itself will say what happened.
    return undefined;
  }
  const hosts = origins.map((o) => o.replace(/^https:\/\/|\/\*$/g, '')).join(', ');
  return `Not sent: your browser has not given QuickCancel permission to reach ${hosts}. ` +
    `Allow it in the add-on's permissions (Firefox: Add-ons and themes → QuickCancel → Permissions), or save the ${adapter.name} keys again in Settings to be asked.`;
}
