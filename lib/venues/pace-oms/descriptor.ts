// PaceTrader and Pocketful: two brokers on one Tradelab OMS, so one adapter with two descriptors.
// The OMS API is served from each web terminal's own origin.
import type { VenueDescriptor, VenueIds } from '../descriptor';

export const PACETRADER_ORIGIN = 'https://pacetrader.pacefin.in';
export const POCKETFUL_ORIGIN = 'https://trade.pocketful.in';
// Named, so that the page facts take them without the rest of the descriptors.
export const PACETRADER_MATCHES = [`${PACETRADER_ORIGIN}/*`];
export const POCKETFUL_MATCHES = [`${POCKETFUL_ORIGIN}/*`];

const ids: VenueIds = {
  pattern: /^[A-Za-z0-9-]{1,40}$/,
  hint: 'an OMS order number like 202403132605',
  label: 'OMS order number',
  example: '202403132605',
};

export const pacetrader: VenueDescriptor<'pacetrader'> = {
  id: 'pacetrader',
  name: 'PaceTrader',
  pageMatches: PACETRADER_MATCHES,
  apiOrigins: [`${PACETRADER_ORIGIN}/*`],
  ids,
};

export const pocketful: VenueDescriptor<'pocketful'> = {
  id: 'pocketful',
  name: 'Pocketful',
  pageMatches: POCKETFUL_MATCHES,
  apiOrigins: [`${POCKETFUL_ORIGIN}/*`],
  ids,
};
