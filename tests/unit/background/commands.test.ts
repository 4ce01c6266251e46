import { describe, expect, it, vi } from 'vitest';
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

  it('works where there is no Location (a service worker), and on a malformed URL', () => {
    vi.stubGlobal('Location', undefined);
    try {
      expect(venueOfUrl('https://trade.pocketful.in/orders', venues)).toBe('pocketful');
      expect(venueOfUrl('not a url', venues)).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
