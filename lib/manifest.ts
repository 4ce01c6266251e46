// The only hosts the extension may talk to, and the pages it runs on: derived from the venue
// registry, so that a new venue needs no edit here.
import { descriptors } from './venues/registry';

const unique = (xs: string[]) => [...new Set(xs)];

export const manifestPermissions = {
  // The trading pages too: "Teach this page" injects its script there on demand
  // (scripting.executeScript needs host access; the content script's matches do not give it).
  // These are the pages the content script already runs on, so the browser asks for nothing new.
  host_permissions: unique(descriptors.flatMap((d) => [...d.apiOrigins, ...d.pageMatches])),
  // Asked for only when the user's credentials need them (Tradernet keys from another domain).
  optional_host_permissions: unique(descriptors.flatMap((d) => d.optionalApiOrigins ?? [])),
};

/** Every venue's trading pages: where the content script runs. */
export const venuePageMatches = unique(descriptors.flatMap((d) => d.pageMatches));
