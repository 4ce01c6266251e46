// Where PaceTrader's and Pocketful's web terminals are, and how their pages show an order id.
import type { VenuePage } from '../descriptor';
import { pacetraderRecipe } from './recipe-pacetrader';
import { pocketfulRecipe } from './recipe-pocketful';

// The OMS number is opaque text (seen as 202403132605 and 20210226-92); a word without a digit
// ("No", "Order") is not one.
const OMS_ID = /^(?=[^\d]*\d)[A-Za-z0-9-]{1,40}$/;

export const PACETRADER_ORIGIN = 'https://pacetrader.pacefin.in';
export const POCKETFUL_ORIGIN = 'https://trade.pocketful.in';

export const pacetraderPage: VenuePage<'pacetrader'> = {
  venue: 'pacetrader',
  matches: [`${PACETRADER_ORIGIN}/*`],
  idPattern: OMS_ID,
  idPreference: ['oms', 'order', 'bare'],
  recipe: pacetraderRecipe,
};

export const pocketfulPage: VenuePage<'pocketful'> = {
  venue: 'pocketful',
  matches: [`${POCKETFUL_ORIGIN}/*`],
  idPattern: OMS_ID,
  idPreference: ['oms', 'order', 'bare'],
  recipe: pocketfulRecipe,
};

export const pages = [pacetraderPage, pocketfulPage];
