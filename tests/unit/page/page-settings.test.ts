// The page's reading of the settings gives the same answers as the settings' one parser
// (parseSettings + behaviourFor) for what a page uses, whatever storage holds: defaults, global
// values, the venue's own overrides, other venues' overrides, turned-off venues, and junk.
import { describe, expect, it } from 'vitest';
import { behaviourFor, parseSettings } from '../../../lib/settings-defaults';
import { pageSettings } from '../../../lib/page/runtime/page-settings';
import type { VenueId } from '../../../lib/model';

const VENUE: VenueId = 'tradernet';
const byTheParser = (stored: unknown, venue: VenueId) => {
  const s = parseSettings(stored);
  return { confirmSingle: behaviourFor(s, venue, 'confirmSingle'), hoverHotkey: behaviourFor(s, venue, 'hoverHotkey'), disabled: s.disabledVenues.includes(venue) };
};

const STORED: Array<[string, unknown]> = [
  ['nothing stored', undefined],
  ['null', null],
  ['a string', 'confirmSingle'],
  ['an array', [true]],
  ['an empty object', {}],
  ['global values', { confirmSingle: true, hoverHotkey: true }],
  ['global values of the wrong type', { confirmSingle: 'yes', hoverHotkey: 1 }],
  ['the venue\'s own overrides over the global values', { confirmSingle: true, hoverHotkey: false, venues: { tradernet: { confirmSingle: false, hoverHotkey: true } } }],
  ['another venue\'s overrides only', { confirmSingle: false, venues: { pocketful: { confirmSingle: true, hoverHotkey: true } } }],
  ['an override of the wrong type', { confirmSingle: true, venues: { tradernet: { confirmSingle: 'no', hoverHotkey: null } } }],
  ['overrides that are not an object', { hoverHotkey: true, venues: [{ hoverHotkey: false }] }],
  ['a venue\'s overrides that are not an object', { hoverHotkey: true, venues: { tradernet: 'off' } }],
  ['the venue turned off', { disabledVenues: ['pocketful', 'tradernet'] }],
  ['other venues turned off', { disabledVenues: ['pocketful'] }],
  ['turned-off venues that are not a list', { disabledVenues: 'tradernet' }],
  ['a v1 value (no overrides)', { confirmSingle: true, confirmCancelAll: true, notifications: false, sound: true, autoLockMinutes: 5, disabledVenues: [] }],
];

describe('what a page reads of the settings', () => {
  it.each(STORED)('%s: the same as the settings\' parser', (_, stored) => {
    expect(pageSettings(stored, VENUE)).toEqual(byTheParser(stored, VENUE));
  });

  it('each answer can differ from the default (the comparison above is not vacuous)', () => {
    expect(pageSettings({ venues: { tradernet: { confirmSingle: true, hoverHotkey: true } }, disabledVenues: ['tradernet'] }, VENUE)).toEqual({ confirmSingle: true, hoverHotkey: true, disabled: true });
    expect(pageSettings(undefined, VENUE)).toEqual({ confirmSingle: false, hoverHotkey: false, disabled: false });
  });
});
