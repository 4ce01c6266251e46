import { describe, expect, it } from 'vitest';
import { venueOfUrl } from '../../../lib/background/commands';
import { venues } from '../../../lib/venues';

describe('the venue of the tab a shortcut was pressed on', () => {
  it.each([
    ['https://trade.pocketful.in/orders', 'pocketful'],
    ['https://pacetrader.pacefin.in/', 'pacetrader'],
    ['https://zebpay.com/in/futures', 'zebpay-futures'],
    ['https://tradernet.com/terminal/', 'tradernet'],
    ['https://pro.coinswitch.co/orders', 'coinswitch'],
    ['https://coinswitch.co/pro/spot', 'coinswitch'],
    ['https://example.com/', undefined],
    ['https://coinswitch.co/blog', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, venue) => {
    expect(venueOfUrl(url, venues)).toBe(venue);
  });
});
