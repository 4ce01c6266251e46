// The manifest asks for the venues' API origins and nothing more.
import { describe, expect, it } from 'vitest';
import { manifestPermissions } from '../../lib/manifest';
import { venues } from '../../lib/venues';
import { TRADERNET_OPTIONAL_API_ORIGINS } from '../../lib/venues/tradernet';

describe('manifest permissions', () => {
  it('host_permissions are exactly the adapters\' API origins', () => {
    const origins = [...new Set(Object.values(venues).flatMap((v) => v.apiOrigins))].sort();
    expect([...manifestPermissions.host_permissions].sort()).toEqual(origins);
  });

  it('Tradernet\'s other domains are optional, asked for only when chosen', () => {
    expect([...manifestPermissions.optional_host_permissions].sort()).toEqual([...TRADERNET_OPTIONAL_API_ORIGINS].sort());
  });

  it('never asks for every site', () => {
    const all = [...manifestPermissions.host_permissions, ...manifestPermissions.optional_host_permissions];
    expect(all.some((p) => p.includes('<all_urls>') || p.startsWith('*://') || p.startsWith('https://*/'))).toBe(false);
  });
});
