// Each venue family's content script runs exactly where that venue's adapter says its web UI is.
import { describe, expect, it } from 'vitest';
import coinswitch from '../../../entrypoints/coinswitch.content';
import pace from '../../../entrypoints/pace.content';
import tradernet from '../../../entrypoints/tradernet.content';
import zebpay from '../../../entrypoints/zebpay.content';
import { venues } from '../../../lib/venues';

const list = (s: { matches?: unknown }) => (s.matches ?? []) as string[];
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('content script matches', () => {
  it.each([
    ['pace', pace, [...venues.pocketful.pageMatches, ...venues.pacetrader.pageMatches]],
    ['zebpay', zebpay, venues['zebpay-futures'].pageMatches],
    ['tradernet', tradernet, venues.tradernet.pageMatches],
    ['coinswitch', coinswitch, venues.coinswitch.pageMatches],
  ])('%s.content matches its adapters\' pageMatches', (_, script, matches) => {
    expect(sorted(list(script))).toEqual(sorted(matches));
    expect(list(script)).not.toContain('<all_urls>');
  });

  it('every venue has a content script', () => {
    const covered = [pace, zebpay, tradernet, coinswitch].flatMap(list);
    for (const adapter of Object.values(venues)) for (const p of adapter.pageMatches) expect(covered).toContain(p);
  });
});
