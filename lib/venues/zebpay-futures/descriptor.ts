// ZebPay Futures: the web app on zebpay.com, the futures API on its own host.
import type { VenueDescriptor } from '../descriptor';

// Named, so that the page facts take them without the rest of the descriptor.
export const ZEBPAY_FUTURES_MATCHES = ['https://zebpay.com/*', 'https://*.zebpay.com/*'];
export const ZEBPAY_FUTURES_ID = /^[\x21-\x7e]{1,128}$/;

export const zebpayFutures: VenueDescriptor<'zebpay-futures'> = {
  id: 'zebpay-futures',
  name: 'ZebPay Futures',
  pageMatches: ZEBPAY_FUTURES_MATCHES,
  apiOrigins: ['https://futuresbe.zebpay.com/*'],
  ids: {
    pattern: ZEBPAY_FUTURES_ID,
    hint: 'a client order id: 1–128 letters, digits or symbols without spaces (e.g. myLimitOrder456)',
    label: 'client order id',
    example: 'myLimitOrder456',
  },
};
