// Tradernet / Freedom24: one API on four domains; keys work only on the domain that issued them.
import type { VenueDescriptor } from '../descriptor';

/** The domains that issue Tradernet keys; the first is the default. */
export const TRADERNET_DOMAINS = ['tradernet.com', 'freedom24.com', 'tradernet.global', 'tradernet.kz'] as const;

const DEFAULT_DOMAIN = TRADERNET_DOMAINS[0];

// Named, so that the page facts take it without the rest of the descriptor. The trading terminal
// is on each domain itself (venues/tradernet.md); its subdomains are help centres, blogs and white
// labels, where a page (or an XSS on it) must get no controls.
export const TRADERNET_MATCHES = TRADERNET_DOMAINS.map((d) => `https://${d}/*`);

export const tradernet: VenueDescriptor<'tradernet'> = {
  id: 'tradernet',
  name: 'Tradernet / Freedom24',
  pageMatches: TRADERNET_MATCHES,
  apiOrigins: [`https://${DEFAULT_DOMAIN}/*`],
  // The other domains' APIs: asked for only when the user's keys come from one of them.
  optionalApiOrigins: TRADERNET_DOMAINS.filter((d) => d !== DEFAULT_DOMAIN).map((d) => `https://${d}/*`),
  ids: { pattern: /^\d+$/, hint: 'a whole number', label: 'order id', example: '512734880' },
  optionalOrigin(c) {
    const domain = c.domain;
    return typeof domain === 'string' && domain !== DEFAULT_DOMAIN ? `https://${domain}/*` : undefined;
  },
};
