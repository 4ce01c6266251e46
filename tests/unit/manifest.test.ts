// The manifest asks for the venues' API origins and nothing more, and runs its content script on
// the venues' trading pages and nowhere else: all of it derived from the registry.
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import venuePages from '../../entrypoints/venues.content';
import { manifestPermissions, venuePageMatches } from '../../lib/manifest';
import { venues } from '../../lib/venues';
import { descriptors } from '../../lib/venues/registry';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('manifest permissions', () => {
  it('host_permissions are exactly the registry’s API origins and trading pages (teaching injects there), and the adapters use the same', () => {
    const origins = [...new Set(descriptors.flatMap((d) => d.apiOrigins))];
    expect(sorted(manifestPermissions.host_permissions)).toEqual(sorted([...new Set([...origins, ...descriptors.flatMap((d) => d.pageMatches)])]));
    expect(sorted([...new Set(Object.values(venues).flatMap((v) => v.apiOrigins))])).toEqual(sorted(origins));
  });

  it('optional_host_permissions are exactly the registry’s optional origins (Tradernet’s other domains)', () => {
    expect(sorted(manifestPermissions.optional_host_permissions)).toEqual(['https://freedom24.com/*', 'https://tradernet.global/*', 'https://tradernet.kz/*']);
    expect(sorted(manifestPermissions.optional_host_permissions)).toEqual(sorted(descriptors.flatMap((d) => d.optionalApiOrigins ?? [])));
  });

  it('never asks for every site', () => {
    const all = [...manifestPermissions.host_permissions, ...manifestPermissions.optional_host_permissions, ...venuePageMatches];
    expect(all.some((p) => p.includes('<all_urls>') || p.startsWith('*://') || p.startsWith('https://*/'))).toBe(false);
  });
});

describe('content script matches', () => {
  it('are exactly the registry’s trading pages', () => {
    expect(sorted((venuePages.matches ?? []) as string[])).toEqual(sorted(descriptors.flatMap((d) => d.pageMatches)));
    expect(sorted(venuePageMatches)).toEqual(sorted(descriptors.flatMap((d) => d.pageMatches)));
  });

  it('never run on an API host: a page there (or an XSS on it) would get controls', () => {
    const pageHosts = new Set(descriptors.flatMap((d) => d.pageMatches.map((m) => new URL(m.replace('*.', '')).hostname)));
    // Where a venue serves its web UI and its API from one origin (the Tradelab brokers, Tradernet),
    // the host cannot be told apart; every other API host must match no content-script pattern.
    const apiOnly = descriptors
      .flatMap((d) => [...d.apiOrigins, ...(d.optionalApiOrigins ?? [])])
      .map((o) => new URL(o.replace('/*', '/')).hostname)
      .filter((host) => !pageHosts.has(host));
    expect(apiOnly).toContain('futuresbe.zebpay.com');
    for (const host of apiOnly) {
      const covering = venuePageMatches.filter((m) => new MatchPattern(m).includes(`https://${host}/api/v1/trade/order`));
      expect(covering, host).toEqual([]);
    }
  });

  it('name hosts exactly: no wildcard subdomain, and no host that is only an API host', () => {
    for (const m of venuePageMatches) expect(new URL(m.replace('/*', '/')).hostname, m).not.toContain('*');
    for (const sub of ['https://help.tradernet.com/', 'https://blog.freedom24.com/', 'https://api.zebpay.com/', 'https://futuresbe.zebpay.com/']) {
      expect(venuePageMatches.filter((m) => new MatchPattern(m).includes(sub)), sub).toEqual([]);
    }
  });

  it('every adapter’s pageMatches are its descriptor’s', () => {
    for (const d of descriptors) expect(venues[d.id].pageMatches).toEqual(d.pageMatches);
  });
});
