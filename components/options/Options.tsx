// The options page: the vault first (nothing else can be saved without it), then each venue's
// keys, then behaviour, shortcuts, page rules and the history.
import { useEffect, useState } from 'preact/hooks';
import { venueFromHash } from '@/lib/token-expiry';
import type { Settings } from '@/lib/settings-defaults';
import type { VenueId } from '@/lib/model';
import { useJournal } from '../useJournal';
import { saveSettings, useSettings } from '../useSettings';
import { useVault } from '../useVault';
import { venueList } from '../venue-info';
import { HistorySection } from './HistorySection';
import { PageRules } from './PageRules';
import { SettingsSection, Shortcuts } from './SettingsSection';
import { VaultSection } from './VaultSection';
import { VenueCard } from './VenueCard';

export function Options() {
  const [vault, refresh] = useVault();
  const settings = useSettings();
  const entries = useJournal();
  const [error, setError] = useState('');

  const ready = vault.kind === 'ready' && !!settings;
  // Opened as options.html#venue=<id> (from an expiry warning): straight to that venue's card.
  useEffect(() => {
    if (!ready) return;
    const show = () => {
      const venue = venueFromHash(location.hash);
      const card = venue && document.getElementById(`venue-${venue}`);
      if (!card) return;
      card.scrollIntoView({ block: 'start' });
      card.querySelector<HTMLElement>('h3')?.focus();
    };
    show();
    addEventListener('hashchange', show);
    return () => removeEventListener('hashchange', show);
  }, [ready]);

  const change = async (patch: Partial<Settings>) => setError((await saveSettings(patch)) ?? '');
  const toggle = (venue: VenueId, on: boolean) => {
    // Only venues this build knows: the background refuses settings naming any other.
    const off = new Set(settings!.disabledVenues.filter((id) => venueList.some((v) => v.id === id)));
    if (on) off.delete(venue);
    else off.add(venue);
    void change({ disabledVenues: [...off] });
  };

  return (
    <>
      <header class="options-header">
        <h1>QuickCancel settings</h1>
      </header>
      <main class="options">
        {error && (
          <p class="error banner" role="alert">
            Not saved: {error}
          </p>
        )}
        {vault.kind === 'loading' && <p class="muted">Checking QuickCancel’s state…</p>}
        {vault.kind === 'error' && (
          <p class="error banner" role="alert">
            {vault.error}
          </p>
        )}
        {vault.kind === 'ready' && settings && (
          <>
            <VaultSection state={vault.state} autoLockMinutes={settings.autoLockMinutes} onAutoLock={(m) => void change({ autoLockMinutes: m })} onChanged={() => void refresh()} />
            <h2 class="group">Venues</h2>
            {venueList.map((v) => (
              <VenueCard
                key={v.id}
                venue={v.id}
                vault={vault.state}
                summary={vault.configured.find((c) => c.venue === v.id)}
                enabled={!settings.disabledVenues.includes(v.id)}
                onToggle={(on) => toggle(v.id, on)}
                onChanged={() => void refresh()}
                behaviour={{ settings, onChange: (venues) => void change({ venues }) }}
              />
            ))}
            <SettingsSection settings={settings} onChange={(p) => void change(p)} />
          </>
        )}
        <Shortcuts />
        <PageRules />
        <HistorySection entries={entries} />
      </main>
    </>
  );
}
