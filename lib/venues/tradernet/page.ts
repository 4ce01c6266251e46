// Where the Tradernet / Freedom24 web terminals are, and how their pages show an order id.
import type { VenuePage } from '../descriptor';
import { tradernetRecipe } from './recipe';

/** The domains that issue Tradernet keys; a key works only on its own domain's API. */
export const TRADERNET_DOMAINS = ['tradernet.com', 'freedom24.com', 'tradernet.global', 'tradernet.kz'] as const;

export const tradernetPage: VenuePage<'tradernet'> = {
  venue: 'tradernet',
  matches: TRADERNET_DOMAINS.flatMap((d) => [`https://${d}/*`, `https://*.${d}/*`]),
  idPattern: /^\d{1,16}$/,
  idPreference: ['order', 'bare'],
  recipe: tradernetRecipe,
};

export const pages = [tradernetPage];
