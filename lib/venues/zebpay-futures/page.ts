// Where ZebPay's web app is, and how its pages show the client order id it cancels by.
import type { VenuePage } from '../descriptor';
import { zebpayFuturesRecipe } from './recipe';

export const zebpayFuturesPage: VenuePage<'zebpay-futures'> = {
  venue: 'zebpay-futures',
  matches: ['https://zebpay.com/*', 'https://*.zebpay.com/*'],
  idPattern: /^[\x21-\x7e]{1,128}$/,
  // ZebPay cancels only by its client order id.
  idPreference: ['client'],
  recipe: zebpayFuturesRecipe,
};

export const pages = [zebpayFuturesPage];
