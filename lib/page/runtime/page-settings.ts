// What a page reads of the settings: its venue's "confirm before a single cancel" and hover hotkey
// (the venue's own override, else the global value) and whether the venue is turned off. The same
// reading as parseSettings + behaviourFor (lib/settings-defaults.ts) for these keys only: the full
// parser would be half a kB of the content script every broker page loads. A unit test holds the
// two to the same answers (tests/unit/page/page-settings.test.ts). Never throws.
import type { VenueId } from '@/lib/model';
import { DEFAULT_SETTINGS, type VenueBehaviour } from '../../settings-defaults';

export interface PageSettings {
  confirmSingle: boolean;
  hoverHotkey: boolean;
  /** Turned off in Settings: the page gets no controls. */
  disabled: boolean;
}

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {});

export function pageSettings(stored: unknown, venue: VenueId): PageSettings {
  const s = fields(stored);
  const own = fields(fields(s.venues)[venue]);
  const pick = (key: VenueBehaviour & keyof PageSettings): boolean => {
    const value = typeof own[key] === 'boolean' ? own[key] : s[key];
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
  };
  return { confirmSingle: pick('confirmSingle'), hoverHotkey: pick('hoverHotkey'), disabled: Array.isArray(s.disabledVenues) && s.disabledVenues.includes(venue) };
}
