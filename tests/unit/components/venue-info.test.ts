import { describe, expect, it } from 'vitest';
import { venues } from '../../../lib/venues';
import { descriptorOf } from '../../../lib/venues/registry';
import { VENUE_IDS } from '../../../lib/venues/types';
import { settingsSchema } from '../../../lib/settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings-defaults';
import { idProblem, venueInfo } from '../../../components/venue-info';
import { parseSettings } from '../../../lib/settings-defaults';
import { venueForms } from '../../../components/options/venue-forms';

describe('what the UI copies from elsewhere stays equal to it', () => {
  it.each(VENUE_IDS)('%s: the popup reads the venue’s descriptor', (id) => {
    const d = descriptorOf[id];
    expect(venueInfo[id]).toEqual({ id, name: d.name, idPattern: d.ids.pattern, idHint: d.ids.hint, idLabel: d.ids.label, idExample: d.ids.example });
  });

  it('the zod-free settings defaults are valid settings by the background’s schema', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it.each(VENUE_IDS)('%s: the credential form has exactly the schema’s fields, with the adapter’s schema', (id) => {
    const form = venueForms[id];
    expect(form.schema).toBe(venues[id].credentialsSchema);
    const schema = form.schema as any;
    const shapes: Array<Record<string, unknown>> = schema.shape ? [schema.shape] : schema.options.map((o: any) => o.shape);
    const keys = new Set(shapes.flatMap((s) => Object.keys(s)));
    expect(new Set(form.fields.map((f) => f.name))).toEqual(keys);
  });
});

describe('idProblem', () => {
  it('accepts a well-formed id, trimmed', () => {
    expect(idProblem('coinswitch', ' 698ed406-8ef5-4664-9779-f7978702a447 ')).toBeNull();
    expect(idProblem('tradernet', '512734880')).toBeNull();
  });

  it('says what the venue expects when the id is malformed', () => {
    expect(idProblem('tradernet', '12ab')).toBe('That does not look like a Tradernet / Freedom24 order id: expected a whole number.');
    expect(idProblem('coinswitch', '12345')).toContain('a UUID like');
    expect(idProblem('pocketful', '')).toBe('Enter a Pocketful OMS order number.');
  });
});

describe('parseSettings', () => {
  it('keeps every valid stored field and falls back per field', () => {
    expect(parseSettings({ confirmSingle: true, autoLockMinutes: 'x', disabledVenues: ['tradernet', 'Not A Venue', 42], lastQuickCancelVenue: 'coinswitch' })).toEqual({
      ...DEFAULT_SETTINGS,
      confirmSingle: true,
      disabledVenues: ['tradernet'],
      lastQuickCancelVenue: 'coinswitch',
    });
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });
});
