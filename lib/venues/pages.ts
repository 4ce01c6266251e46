/// <reference types="vite/client" />
// Every venue's page facts, for the content script and the page code: read from each folder's
// page.ts by name, not through the registry, so that a content script carries no descriptor
// (names, help text) it does not need. A unit test keeps this list equal to the registry's.
import type { VenuePage } from './descriptor';
import type { VenueId } from './registry';

const modules = import.meta.glob<Array<VenuePage<VenueId>>>('./*/page.ts', { eager: true, import: 'pages' });

export const venuePages: ReadonlyArray<VenuePage<VenueId>> = Object.values(modules).flat();

export const pageOf = Object.fromEntries(venuePages.map((p) => [p.venue, p])) as Record<VenueId, VenuePage<VenueId>>;

/** The venue whose web UI is on this host (hosts of different venues never overlap). */
export function pageForHost(hostname: string): VenuePage<VenueId> | undefined {
  return venuePages.find((p) =>
    p.matches.some((m) => {
      // https://host/… or https://*.host/…
      const host = m.split('/')[2]!;
      return host[0] === '*' ? hostname.endsWith(host.slice(1)) : hostname === host;
    }),
  );
}
