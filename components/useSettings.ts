// Settings as live state, read through the settings' owner (they are not secret); only the
// background writes them, on a settings.set message.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, watchSettings, type Settings } from '@/lib/settings-defaults';
import { send } from './api';

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let alive = true;
    const stop = watchSettings(
      (s) => alive && setSettings(s),
      () => alive && setSettings({ ...DEFAULT_SETTINGS }),
    );
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return settings;
}

/** Asks the background to store a change; the new value arrives through storage.onChanged. */
export async function saveSettings(patch: Partial<Settings>): Promise<string | null> {
  const reply = await send({ type: 'settings.set', settings: patch });
  return reply.ok ? null : reply.error;
}
