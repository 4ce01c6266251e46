import type { VenueDescriptor } from '../descriptor';
import { str } from '../values';
import { coinswitchPage } from './page';

const prefix = (value: string, n = 8) => (value.length > n + 2 ? `${value.slice(0, n)}…` : '…');

export const coinswitch: VenueDescriptor<'coinswitch'> = {
  id: 'coinswitch',
  name: 'CoinSwitch PRO',
  page: coinswitchPage,
  apiOrigins: ['https://coinswitch.co/*'],
  ids: {
    pattern: coinswitchPage.idPattern,
    hint: 'a UUID like 698ed406-8ef5-4664-9779-f7978702a447',
    label: 'order id',
    example: '698ed406-8ef5-4664-9779-f7978702a447',
  },
  describeCredentials: (c) => ({ label: `API key ${prefix(str(c.apiKey))}` }),
};
