// How PaceTrader's and Pocketful's pages show an order: the content script's part of the venue.
import type { VenuePage } from '../descriptor';
import { PACETRADER_MATCHES, POCKETFUL_MATCHES } from './descriptor';
import { pacetraderRecipe } from './recipe-pacetrader';
import { pocketfulRecipe } from './recipe-pocketful';

// The OMS number is opaque text (seen as 202403132605 and 20210226-92); a word without a digit
// ("No", "Order") is not one.
const OMS_ID = /^(?=[^\d]*\d)[A-Za-z0-9-]{1,40}$/;
const OMS_ID_COLUMNS: VenuePage['idPreference'] = ['oms', 'order', 'bare'];

export const pacetraderPage: VenuePage<'pacetrader'> = {
  venue: 'pacetrader',
  matches: PACETRADER_MATCHES,
  idPattern: OMS_ID,
  idPreference: OMS_ID_COLUMNS,
  recipe: pacetraderRecipe,
};

export const pocketfulPage: VenuePage<'pocketful'> = {
  venue: 'pocketful',
  matches: POCKETFUL_MATCHES,
  idPattern: OMS_ID,
  idPreference: OMS_ID_COLUMNS,
  recipe: pocketfulRecipe,
};

export const pages = [pacetraderPage, pocketfulPage];
