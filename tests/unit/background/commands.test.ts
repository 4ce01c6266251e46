import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hoverCancel, venueOfUrl } from '../../../lib/background/commands';
import { HOVER_CANCEL } from '../../../lib/page/runtime/hover-hotkey';
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

describe('the hover hotkey, background side', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks the top frame of the tab it was pressed on, and answers what the page did', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue('sent');
    expect(await hoverCancel(7)).toBe('sent');
    expect(send).toHaveBeenCalledWith(7, { type: HOVER_CANCEL }, { frameId: 0 });
  });

  it('without a tab, asks the active one; a tab with no content script is no error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 } as never]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await hoverCancel(undefined)).toBeUndefined();
    expect(send).toHaveBeenCalledWith(4, { type: HOVER_CANCEL }, { frameId: 0 });
  });
});
