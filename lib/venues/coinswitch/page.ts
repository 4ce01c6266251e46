// How CoinSwitch PRO's web app shows an order id (a UUID): the content script's part of the venue.
import type { VenuePage } from '../descriptor';
import { COINSWITCH_ID, COINSWITCH_MATCHES } from './descriptor';
import { coinswitchRecipe } from './recipe';

export const coinswitchPage: VenuePage<'coinswitch'> = {
  venue: 'coinswitch',
  matches: COINSWITCH_MATCHES,
  idPattern: COINSWITCH_ID,
  idPreference: ['order', 'bare'],
  recipe: coinswitchRecipe,
};

export const pages = [coinswitchPage];
