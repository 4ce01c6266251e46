// Each venue's descriptor is the one statement of its facts: the adapter, page code, popup, options
// page and manifest read it. These tests check that each descriptor is consistent in itself and
// that every part of a venue's folder is found for every registry line.
import { describe, expect, it } from 'vitest';
import { venues } from '../../../lib/venues';
import { credentialForms } from '../../../lib/venues/forms';
import { pageOf, venuePages } from '../../../lib/venues/pages';
import { descriptorOf, descriptors, VENUE_IDS } from '../../../lib/venues/registry';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS, ZEBPAY_TEST_JWT } from '../../simulator/venues/zebpay-futures';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the registry', () => {
  it('lists each venue once, and VENUE_IDS follows its order', () => {
    expect(VENUE_IDS).toEqual(descriptors.map((d) => d.id));
    expect(new Set(VENUE_IDS).size).toBe(VENUE_IDS.length);
    for (const id of VENUE_IDS) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('every registered venue has an adapter, page facts and a credential form, and nothing else does', () => {
    expect(sorted(Object.values(venues).map((a) => a?.id ?? 'missing'))).toEqual(sorted(VENUE_IDS));
    expect(sorted(venuePages.map((p) => p.venue))).toEqual(sorted(VENUE_IDS));
    expect(sorted(Object.keys(credentialForms))).toEqual(sorted(VENUE_IDS));
  });
});

describe.each(descriptors.map((d) => [d.id, d] as const))('%s descriptor', (id, d) => {
  it('is keyed by its own id, and its pages are the ones its page facts (the content script) use', () => {
    expect(descriptorOf[id]).toBe(d);
    expect(pageOf[id].venue).toBe(id);
    expect(pageOf[id].matches).toBe(d.pageMatches);
  });

  it('its id example is a well-formed id, on the page and for the adapter', () => {
    expect(d.ids.pattern.test(d.ids.example)).toBe(true);
    expect(pageOf[id].idPattern.test(d.ids.example)).toBe(true);
    expect(d.ids.hint).not.toBe('');
    expect(d.ids.label).not.toBe('');
  });

  it('every id its pages accept is one its adapter accepts', () => {
    for (const sample of [d.ids.example, '1', '20210226-92', 'x'.repeat(300), 'No', '—']) {
      if (pageOf[id].idPattern.test(sample)) expect(d.ids.pattern.test(sample)).toBe(true);
    }
  });

  it('the adapter takes its name, id check, pages and origins from the descriptor', () => {
    const adapter = venues[id];
    expect(adapter.id).toBe(id);
    expect(adapter.name).toBe(d.name);
    expect(adapter.idPattern).toBe(d.ids.pattern);
    expect(adapter.idHint).toBe(d.ids.hint);
    expect(adapter.pageMatches).toEqual(d.pageMatches);
    expect(adapter.apiOrigins).toEqual(d.apiOrigins);
  });

  it('pages and API origins are https match patterns of named hosts', () => {
    for (const p of [...d.pageMatches, ...d.apiOrigins, ...(d.optionalApiOrigins ?? [])]) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]+\/.*$/);
    expect(pageOf[id].idPreference.length).toBeGreaterThan(0);
    expect(pageOf[id].recipe.row).not.toBe('');
  });

  it('its credential form is for its adapter’s schema', () => {
    expect(credentialForms[id].schema).toBe(venues[id].credentialsSchema);
  });
});

describe('the adapters’ describeCredentials', () => {
  const secrets = (c: Record<string, unknown>) => Object.entries(c).filter(([k]) => /secret|private|token|jwt/i.test(k)).map(([, v]) => String(v));

  it.each([
    ['pacetrader', PACE_TEST_CREDENTIALS.pacetrader],
    ['pocketful', PACE_TEST_CREDENTIALS.pocketful],
    ['zebpay-futures', ZEBPAY_TEST_CREDENTIALS],
    ['zebpay-futures', { authKind: 'jwt', jwt: ZEBPAY_TEST_JWT }],
    ['tradernet', TRADERNET_TEST_CREDENTIALS],
    ['coinswitch', COINSWITCH_TEST_CREDENTIALS],
  ] as const)('%s: says what kind of credentials, never a secret', (id, credentials) => {
    const { label } = venues[id].describeCredentials(credentials as Record<string, unknown>);
    expect(label).not.toBe('');
    for (const secret of secrets(credentials as Record<string, unknown>)) expect(label).not.toContain(secret.slice(0, 12));
  });
});

describe('optionalOrigin', () => {
  it('Tradernet keys from another domain need exactly that domain’s optional origin', () => {
    const d = descriptorOf.tradernet;
    expect(d.optionalOrigin?.({ domain: 'tradernet.com' })).toBeUndefined();
    expect(d.optionalOrigin?.({})).toBeUndefined();
    for (const origin of d.optionalApiOrigins ?? []) {
      const domain = new URL(origin.replace('/*', '/')).hostname;
      expect(d.optionalOrigin?.({ domain })).toBe(origin);
    }
  });

  it('no other venue asks for an optional origin', () => {
    for (const d of descriptors) if (d.id !== 'tradernet') expect(d.optionalApiOrigins ?? []).toEqual([]);
  });
});
