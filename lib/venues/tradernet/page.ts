// How the Tradernet / Freedom24 terminals show an order: the content script's part of the venue.
import type { VenuePage } from '../descriptor';
import { TRADERNET_MATCHES } from './descriptor';
import { tradernetRecipe } from './recipe';

export const tradernetPage: VenuePage<'tradernet'> = {
  venue: 'tradernet',
  matches: TRADERNET_MATCHES,
  idPattern: /^\d{1,16}$/,
  idPreference: ['order', 'bare'],
  recipe: tradernetRecipe,
};

export const pages = [tradernetPage];
