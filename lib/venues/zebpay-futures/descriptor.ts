// ZebPay Futures: the web app on zebpay.com, the futures API on its own host.
import type { VenueDescriptor } from '../descriptor';

// Named, so that the page facts take them without the rest of the descriptor.
// zebpay.com only: `*.zebpay.com` would take in the API host (futuresbe) and every other
// subdomain, so an XSS anywhere there would get Cancel controls. The web app's own host is not
// documented; the help centre and the marketing pages are on zebpay.com.
export const ZEBPAY_FUTURES_MATCHES = ['https://zebpay.com/*'];
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
