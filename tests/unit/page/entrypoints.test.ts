// The one venue-pages content script runs where the venues' web UIs are, and on each host starts
// that host's venue.
import { describe, expect, it } from 'vitest';
import script from '../../../entrypoints/venues.content';
import { descriptors } from '../../../lib/venues/registry';
import { pageForHost, venuePages } from '../../../lib/venues/pages';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('venue-pages content script', () => {
  it('matches every venue’s trading pages, and only those', () => {
    expect(sorted((script.matches ?? []) as string[])).toEqual(sorted(descriptors.flatMap((d) => d.pageMatches)));
    expect(script.matches).not.toContain('<all_urls>');
  });

  it('reads the same page facts as the registry', () => {
    expect(sorted(venuePages.map((p) => p.venue))).toEqual(sorted(descriptors.map((d) => d.id)));
    for (const d of descriptors) expect(venuePages.find((p) => p.venue === d.id)?.matches).toBe(d.pageMatches);
  });

  it.each([
    ['trade.pocketful.in', 'pocketful'],
    ['pacetrader.pacefin.in', 'pacetrader'],
    ['zebpay.com', 'zebpay-futures'],
    ['freedom24.com', 'tradernet'],
    ['tradernet.kz', 'tradernet'],
    ['pro.coinswitch.co', 'coinswitch'],
    ['coinswitch.co', 'coinswitch'],
  ])('%s is %s', (host, venue) => {
    expect(pageForHost(host)?.venue).toBe(venue);
  });

  it('starts nothing on a host no venue claims', () => {
    expect(pageForHost('example.com')).toBeUndefined();
    expect(pageForHost('notzebpay.com')).toBeUndefined();
    // ZebPay's API host is not a trading page.
    expect(pageForHost('futuresbe.zebpay.com')).toBeUndefined();
    // Nor are a venue's help centre, blog or other subdomains.
    expect(pageForHost('help.tradernet.com')).toBeUndefined();
    expect(pageForHost('my.tradernet.kz')).toBeUndefined();
  });
});
