// User settings: not secret, kept in storage.local, written only by the background (on a message
// from the options page) and read by anyone who needs them.
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings-defaults';
import { VENUE_IDS } from './model';

export const settingsSchema = z.object({
  confirmSingle: z.boolean(),
  confirmCancelAll: z.boolean(),
  notifications: z.boolean(),
  sound: z.boolean(),
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  disabledVenues: z.array(z.enum(VENUE_IDS)),
  lastQuickCancelVenue: z.enum(VENUE_IDS).optional(),
}) satisfies z.ZodType<Settings>;

export { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings };

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });

/** Stored settings merged over the defaults, so a setting added later has its default. */
export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.partial().safeParse(await settingsItem.getValue());
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
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
