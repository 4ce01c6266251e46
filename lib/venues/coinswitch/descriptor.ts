// CoinSwitch PRO (spot): the web app on coinswitch.co/pro and pro.coinswitch.co; orders are UUIDs.
import type { VenueDescriptor } from '../descriptor';

// Named, so that the page facts take them without the rest of the descriptor.
export const COINSWITCH_MATCHES = ['https://coinswitch.co/pro/*', 'https://pro.coinswitch.co/*'];
export const COINSWITCH_ID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

export const coinswitch: VenueDescriptor<'coinswitch'> = {
  id: 'coinswitch',
  name: 'CoinSwitch PRO',
  pageMatches: COINSWITCH_MATCHES,
  apiOrigins: ['https://coinswitch.co/*'],
  ids: {
    pattern: COINSWITCH_ID,
    hint: 'a UUID like 698ed406-8ef5-4664-9779-f7978702a447',
    label: 'order id',
    example: '698ed406-8ef5-4664-9779-f7978702a447',
  },
};
