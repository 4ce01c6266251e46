// The settings' owner, reading side: shape, defaults, version and the one parser every reader
// uses (background, popup, options, content scripts). Without zod and without WXT's storage
// module: the popup and the content scripts read settings too, and neither library could be left
// out of those bundles. The writing side (the background's versioned item) is lib/settings.ts.
import { browser } from 'wxt/browser';
import type { VenueId } from './model';


/** storage.local key of the settings (not secret; only the background writes it). */
export const SETTINGS_KEY = 'settings';
/**
 * The stored format's version (WXT keeps it in `settings$`). 1: the only format so far; a new one
 * gets a migration in lib/settings.ts, and this parser keeps reading every older one.
 */
export const SETTINGS_VERSION = 1;
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;

export interface Settings {
  /** One click is the point: no confirmation by default. */
  confirmSingle: boolean;
  confirmCancelAll: boolean;
  notifications: boolean;
  sound: boolean;
  /** 0 means: lock only when the browser closes. */
  autoLockMinutes: number;
  disabledVenues: VenueId[];
  lastQuickCancelVenue?: VenueId;
}

export const DEFAULT_SETTINGS: Settings = {
  confirmSingle: false,
  confirmCancelAll: true,
  notifications: true,
  sound: false,
  autoLockMinutes: 30,
  disabledVenues: [],
};

/**
 * Shaped like a venue id. The pages' default check: the content script reads settings too and must
 * not carry every venue's descriptor for it, and a page only asks whether a given venue is in the
 * list, so an id this build does not know is inert there. The background checks against the registry.
 */
export const looksLikeVenueId = (v: unknown): v is VenueId => typeof v === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(v);

/**
 * Whatever storage holds, as settings: stored values merged over the defaults field by field, so
 * a setting added later has its default and one bad field never hides the others. Never throws.
 */
export function parseSettings(stored: unknown, isVenue: (v: unknown) => v is VenueId = looksLikeVenueId): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, disabledVenues: [] };
  if (!stored || typeof stored !== 'object') return out;
  const s = stored as Record<string, unknown>;
  for (const key of ['confirmSingle', 'confirmCancelAll', 'notifications', 'sound'] as const) {
    if (typeof s[key] === 'boolean') out[key] = s[key];
  }
  const minutes = s.autoLockMinutes;
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_AUTO_LOCK_MINUTES) out.autoLockMinutes = minutes;
  if (Array.isArray(s.disabledVenues)) out.disabledVenues = s.disabledVenues.filter(isVenue);
  if (isVenue(s.lastQuickCancelVenue)) out.lastQuickCancelVenue = s.lastQuickCancelVenue;
  return out;
}

/**
 * The settings now and after every change, for pages and content scripts (the background reads
 * lib/settings.ts). Returns the unsubscribe.
 */
export function watchSettings(onSettings: (settings: Settings) => void, onError?: (error: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onSettings(parseSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(SETTINGS_KEY).then((got) => onSettings(parseSettings(got[SETTINGS_KEY])), onError);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
