// How ZebPay's web app shows the client order id it cancels by: the content script's part.
import type { VenuePage } from '../descriptor';
import { ZEBPAY_FUTURES_ID, ZEBPAY_FUTURES_MATCHES } from './descriptor';
import { zebpayFuturesRecipe } from './recipe';

export const zebpayFuturesPage: VenuePage<'zebpay-futures'> = {
  venue: 'zebpay-futures',
  matches: ZEBPAY_FUTURES_MATCHES,
  idPattern: ZEBPAY_FUTURES_ID,
  // ZebPay cancels only by its client order id.
  idPreference: ['client'],
  recipe: zebpayFuturesRecipe,
};

export const pages = [zebpayFuturesPage];
