import type { VenueDescriptor } from '../descriptor';
import { jwtExpiryMs, jwtPayload, str } from '../values';
import { zebpayFuturesPage } from './page';

const prefix = (value: string, n = 6) => (value.length > n + 2 ? `${value.slice(0, n)}…` : '…');

export const zebpayFutures: VenueDescriptor<'zebpay-futures'> = {
  id: 'zebpay-futures',
  name: 'ZebPay Futures',
  page: zebpayFuturesPage,
  apiOrigins: ['https://futuresbe.zebpay.com/*'],
  ids: {
    pattern: /^[\x21-\x7e]{1,128}$/,
    hint: 'a client order id: 1–128 letters, digits or symbols without spaces (e.g. myLimitOrder456)',
    label: 'client order id',
    example: 'myLimitOrder456',
  },
  describeCredentials(c) {
    if (c.authKind !== 'jwt') return { label: `API key ${prefix(str(c.apiKey))}` };
    const expiresAtMs = jwtExpiryMs(jwtPayload(str(c.jwt)));
    return expiresAtMs === undefined ? { label: 'JWT' } : { label: 'JWT', expiresAtMs };
  },
};
