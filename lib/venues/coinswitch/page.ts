// Where CoinSwitch PRO's web app is, and how its pages show an order id (a UUID).
import type { VenuePage } from '../descriptor';
import { coinswitchRecipe } from './recipe';

export const coinswitchPage: VenuePage<'coinswitch'> = {
  venue: 'coinswitch',
  matches: ['https://coinswitch.co/pro/*', 'https://pro.coinswitch.co/*'],
  idPattern: /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/,
  idPreference: ['order', 'bare'],
  recipe: coinswitchRecipe,
};

export const pages = [coinswitchPage];
