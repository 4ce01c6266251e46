import type { VenueDescriptor } from '../descriptor';
import { str } from '../values';
import { TRADERNET_DOMAINS, tradernetPage } from './page';

const DEFAULT_DOMAIN = TRADERNET_DOMAINS[0];
const prefix = (value: string, n = 6) => (value.length > n + 2 ? `${value.slice(0, n)}…` : '…');

export const tradernet: VenueDescriptor<'tradernet'> = {
  id: 'tradernet',
  name: 'Tradernet / Freedom24',
  page: tradernetPage,
  apiOrigins: [`https://${DEFAULT_DOMAIN}/*`],
  // The other domains' APIs: asked for only when the user's keys come from one of them.
  optionalApiOrigins: TRADERNET_DOMAINS.filter((d) => d !== DEFAULT_DOMAIN).map((d) => `https://${d}/*`),
  ids: { pattern: /^\d+$/, hint: 'a whole number', label: 'order id', example: '512734880' },
  describeCredentials: (c) => ({
    label: `Public key ${prefix(str(c.publicKey))} on ${str(c.domain) || DEFAULT_DOMAIN} (${str(c.scheme) || 'v2'})`,
  }),
  optionalOrigin(c) {
    const domain = c.domain;
    return typeof domain === 'string' && domain !== DEFAULT_DOMAIN ? `https://${domain}/*` : undefined;
  },
};
