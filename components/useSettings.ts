// Settings as live state, read straight from storage.local (they are not secret); only the
// background writes them, on a settings.set message. Stored values are merged over the defaults
// field by field, so one bad or missing field never hides the others.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/lib/settings-defaults';
import { VENUE_IDS } from '@/lib/model';
import { send } from './api';

export function mergeSettings(stored: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, disabledVenues: [] };
  if (!stored || typeof stored !== 'object') return out;
  const s = stored as Record<string, unknown>;
  for (const key of ['confirmSingle', 'confirmCancelAll', 'notifications', 'sound'] as const) {
    if (typeof s[key] === 'boolean') out[key] = s[key];
  }
  if (typeof s.autoLockMinutes === 'number' && Number.isInteger(s.autoLockMinutes) && s.autoLockMinutes >= 0) out.autoLockMinutes = s.autoLockMinutes;
  const isVenue = (v: unknown): v is Settings['disabledVenues'][number] => (VENUE_IDS as readonly unknown[]).includes(v);
  if (Array.isArray(s.disabledVenues)) out.disabledVenues = s.disabledVenues.filter(isVenue);
  if (isVenue(s.lastQuickCancelVenue)) out.lastQuickCancelVenue = s.lastQuickCancelVenue;
  return out;
}

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let alive = true;
    void browser.storage.local.get(SETTINGS_KEY).then(
      (got) => alive && setSettings(mergeSettings(got[SETTINGS_KEY])),
      () => alive && setSettings({ ...DEFAULT_SETTINGS }),
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(mergeSettings(changes[SETTINGS_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}

/** Asks the background to store a change; the new value arrives through storage.onChanged. */
export async function saveSettings(patch: Partial<Settings>): Promise<string | null> {
  const reply = await send({ type: 'settings.set', settings: patch });
  return reply.ok ? null : reply.error;
}
