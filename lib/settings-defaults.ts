// The settings' owner, reading side: shape, defaults, version and the one parser every reader
// uses (background, popup, options, content scripts). Without zod and without WXT's storage
// module: the popup and the content scripts read settings too, and neither library could be left
// out of those bundles. The writing side (the background's versioned item) is lib/settings.ts.
import { browser } from 'wxt/browser';
import type { VenueId } from './model';


/** storage.local key of the settings (not secret; only the background writes it). */
export const SETTINGS_KEY = 'settings';
/**
 * The stored format's version (WXT keeps it in `settings$`). 1: global behaviour only. 2: adds
 * per-venue overrides (`venues`) and the token-expiry warning's lead time (and, read with its
 * default when absent so no migration is needed, the hover hotkey's arming). Each new one gets a
 * migration in lib/settings.ts, and this parser keeps reading every older one.
 */
export const SETTINGS_VERSION = 2;
export const MAX_AUTO_LOCK_MINUTES = 24 * 60;
/** A day: a daily token cannot be warned about earlier than it was issued. */
export const MAX_EXPIRY_WARN_MINUTES = 24 * 60;

/** The behaviour a venue may set for itself; a key left out uses the global value. */
export const VENUE_BEHAVIOURS = ['confirmSingle', 'sound', 'notifications', 'hoverHotkey'] as const;
export type VenueBehaviour = (typeof VENUE_BEHAVIOURS)[number];
export type VenueOverrides = Partial<Record<VenueBehaviour, boolean>>;

export interface Settings {
  /** One click is the point: no confirmation by default. */
  confirmSingle: boolean;
  confirmCancelAll: boolean;
  notifications: boolean;
  sound: boolean;
  /** The "cancel the order under the mouse" shortcut acts: off until the user arms it. */
  hoverHotkey: boolean;
  /** 0 means: lock only when the browser closes. */
  autoLockMinutes: number;
  disabledVenues: VenueId[];
  lastQuickCancelVenue?: VenueId;
  /** How long before a daily token expires the badge and a notification warn; 0: only at expiry. */
  expiryWarnMinutes: number;
  /** Per-venue overrides of the global behaviour. */
  venues: Partial<Record<VenueId, VenueOverrides>>;
}

export const DEFAULT_SETTINGS: Settings = {
  confirmSingle: false,
  confirmCancelAll: true,
  notifications: true,
  sound: false,
  hoverHotkey: false,
  autoLockMinutes: 30,
  disabledVenues: [],
  expiryWarnMinutes: 30,
  venues: {},
};

/** What a venue does for one behaviour: its own override, else the global setting. */
export function behaviourFor(settings: Settings, venue: VenueId, key: VenueBehaviour): boolean {
  return settings.venues[venue]?.[key] ?? settings[key];
}

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
  const out: Settings = { ...DEFAULT_SETTINGS, disabledVenues: [], venues: {} };
  if (!stored || typeof stored !== 'object') return out;
  const s = stored as Record<string, unknown>;
  for (const key of ['confirmSingle', 'confirmCancelAll', 'notifications', 'sound', 'hoverHotkey'] as const) {
    if (typeof s[key] === 'boolean') out[key] = s[key];
  }
  const minutes = s.autoLockMinutes;
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_AUTO_LOCK_MINUTES) out.autoLockMinutes = minutes;
  if (Array.isArray(s.disabledVenues)) out.disabledVenues = s.disabledVenues.filter(isVenue);
  if (isVenue(s.lastQuickCancelVenue)) out.lastQuickCancelVenue = s.lastQuickCancelVenue;
  const warn = s.expiryWarnMinutes;
  if (typeof warn === 'number' && Number.isInteger(warn) && warn >= 0 && warn <= MAX_EXPIRY_WARN_MINUTES) out.expiryWarnMinutes = warn;
  out.venues = parseVenueOverrides(s.venues, isVenue);
  return out;
}

/** Per-venue overrides, keeping each venue's valid keys (a v1 value has none: all global). */
function parseVenueOverrides(stored: unknown, isVenue: (v: unknown) => v is VenueId): Settings['venues'] {
  const out: Settings['venues'] = {};
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  for (const [venue, value] of Object.entries(stored as Record<string, unknown>)) {
    if (!isVenue(venue) || !value || typeof value !== 'object') continue;
    const overrides: VenueOverrides = {};
    for (const key of VENUE_BEHAVIOURS) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'boolean') overrides[key] = v;
    }
    if (Object.keys(overrides).length) out[venue] = overrides;
  }
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
