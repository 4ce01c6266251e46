// A cancel is not sent to an origin the browser has not granted (Firefox lets a user withhold any).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { missingPermission } from '../../../lib/background/reach';
import { venues } from '../../../lib/venues';

// The fake browser cannot fire permission events: keep the listeners reach.ts registers.
const permissionListeners: Array<() => void> = [];
for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
  vi.spyOn(event, 'addListener').mockImplementation((listener) => void permissionListeners.push(listener as () => void));
}
afterEach(() => vi.restoreAllMocks());

describe('missingPermission', () => {
  it('asks for the venue’s API origins, or Tradernet’s issuing domain, and names the host when not granted', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await missingPermission(venues.tradernet, { domain: 'freedom24.com' })).toMatch(/^Not sent: .*permission to reach freedom24\.com\. .*Tradernet/);
    expect(contains).toHaveBeenLastCalledWith({ origins: ['https://freedom24.com/*'] });
    expect(await missingPermission(venues.coinswitch, {})).toContain('permission to reach coinswitch.co.');
    expect(contains).toHaveBeenLastCalledWith({ origins: venues.coinswitch.apiOrigins });
  });

  it('nothing to say when granted, or when the browser cannot be asked', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await missingPermission(venues['zebpay-futures'], {})).toBeUndefined();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockRejectedValue(new Error('not implemented'));
    expect(await missingPermission(venues.pocketful, {})).toBeUndefined();
  });

  it('asks the browser once per set of origins, and again after a permission is added or removed', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await missingPermission(venues.pacetrader, {})).toBeUndefined();
    expect(await missingPermission(venues.pacetrader, {})).toBeUndefined();
    expect(contains).toHaveBeenCalledTimes(1);
    contains.mockResolvedValue(false);
    for (const listener of permissionListeners) listener();
    expect(await missingPermission(venues.pacetrader, {})).toContain('permission to reach pacetrader.pacefin.in.');
    expect(contains).toHaveBeenCalledTimes(2);
  });
});

