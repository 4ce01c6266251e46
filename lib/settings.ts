// The settings' owner, writing side: the background's versioned storage item (the only writer,
// on a message from the options page) and the schema that checks a settings.set message. Every
// reader, here too, goes through parseSettings (lib/settings-defaults.ts).
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, MAX_AUTO_LOCK_MINUTES, MAX_EXPIRY_WARN_MINUTES, parseSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings } from './settings-defaults';
import type { VenueId } from './model';
import { VENUE_IDS } from './venues/registry';

export const settingsSchema = z.object({
  confirmSingle: z.boolean(),
  confirmCancelAll: z.boolean(),
  notifications: z.boolean(),
  sound: z.boolean(),
  hoverHotkey: z.boolean(),
  autoLockMinutes: z.number().int().min(0).max(MAX_AUTO_LOCK_MINUTES),
  disabledVenues: z.array(z.enum(VENUE_IDS)),
  lastQuickCancelVenue: z.enum(VENUE_IDS).optional(),
  expiryWarnMinutes: z.number().int().min(0).max(MAX_EXPIRY_WARN_MINUTES),
  venues: z.partialRecord(
    z.enum(VENUE_IDS),
    z.object({ confirmSingle: z.boolean().optional(), sound: z.boolean().optional(), notifications: z.boolean().optional(), hoverHotkey: z.boolean().optional() }).strict(),
  ),
}) satisfies z.ZodType<Settings>;

export { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings };

/** A venue this build knows: what the background keeps (a removed venue's id is dropped). */
export const isVenueId = (v: unknown): v is VenueId => (VENUE_IDS as readonly unknown[]).includes(v);

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  // Each version's step: (the value as the version before stored it) => this version's format.
  migrations: { 2: migrateV1toV2 },
});

/**
 * v1 → v2: every v1 value kept as it was (they become the global behaviour); no venue overrides
 * yet, so every venue behaves as before; the expiry warning gets its default lead time.
 */
export function migrateV1toV2(v1: unknown): unknown {
  const old = v1 && typeof v1 === 'object' && !Array.isArray(v1) ? (v1 as Record<string, unknown>) : {};
  return { ...old, venues: {}, expiryWarnMinutes: DEFAULT_SETTINGS.expiryWarnMinutes };
}

/** Stored settings merged over the defaults, so a setting added later has its default. */
export async function readSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue(), isVenueId);
}

let cached: Promise<Settings> | undefined;

/** The settings, read once and then kept current from storage changes: cheap on the click path. */
export function currentSettings(): Promise<Settings> {
  if (!cached) {
    cached = readSettings();
    settingsItem.watch(() => void (cached = readSettings()));
  }
  return cached;
}
