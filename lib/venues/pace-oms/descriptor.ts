// PaceTrader and Pocketful: two brokers on one Tradelab OMS, so one adapter with two descriptors.
import type { VenueDescriptor, VenueIds } from '../descriptor';
import { jwtExpiryMs, jwtPayload, num, str } from '../values';
import { PACETRADER_ORIGIN, pacetraderPage, POCKETFUL_ORIGIN, pocketfulPage } from './page';

const ids: VenueIds = {
  pattern: /^[A-Za-z0-9-]{1,40}$/,
  hint: 'an OMS order number like 202403132605',
  label: 'OMS order number',
  example: '202403132605',
};

function describeCredentials(c: Record<string, unknown>) {
  const expiresAtMs = jwtExpiryMs(jwtPayload(str(c.accessToken))) ?? num(c.expiresAtMs);
  const client = str(c.clientId) || str(jwtPayload(str(c.accessToken))?.client_id);
  const label = `Access token${client ? ` for client ${client}` : ''}`;
  return expiresAtMs === undefined ? { label } : { label, expiresAtMs };
}

export const pacetrader: VenueDescriptor<'pacetrader'> = {
  id: 'pacetrader',
  name: 'PaceTrader',
  page: pacetraderPage,
  apiOrigins: [`${PACETRADER_ORIGIN}/*`],
  ids,
  describeCredentials,
};

export const pocketful: VenueDescriptor<'pocketful'> = {
  id: 'pocketful',
  name: 'Pocketful',
  page: pocketfulPage,
  apiOrigins: [`${POCKETFUL_ORIGIN}/*`],
  ids,
  describeCredentials,
};
