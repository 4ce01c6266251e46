// The popup: vault state first (nothing can be cancelled while locked, and the popup says so),
// then quick-cancel and cancel-all for the chosen venue, then the live history.
import { useEffect, useState } from 'preact/hooks';
import type { CredentialSummary } from '@/lib/messages';
import { behaviourFor, type Settings } from '@/lib/settings-defaults';
import type { JournalEntry, VenueId } from '@/lib/model';
import { openOptions, send } from '../api';
import { useJournal } from '../useJournal';
import { saveSettings, useSettings } from '../useSettings';
import { useVault } from '../useVault';
import { venueList } from '../venue-info';
import { CancelAll } from './CancelAll';
import { Expiry } from './Expiry';
import { History } from './History';
import { PageHealth } from './PageHealth';
import { KeepWarm } from './KeepWarm';
import { Panic } from './Panic';
import { QuickCancel } from './QuickCancel';
import { ScopedCancel } from './ScopedCancel';
import { Timers } from './Timers';
import { Unlock } from './Unlock';

export function Popup() {
  const entries = useJournal();
  const settings = useSettings();
  const [vault, refresh] = useVault();
  const unlocked = vault.kind === 'ready' && vault.state === 'unlocked';
  // For the bench (tests/bench/popup.ts): the moment the history first shows.
  useEffect(() => {
    if (entries && !performance.getEntriesByName('qc:first-render').length) performance.mark('qc:first-render');
  }, [entries]);

  return (
    <main class="popup">
      <header>
        <h1>QuickCancel</h1>
        {unlocked && (
          <button type="button" class="header-button" onClick={async () => {
              await send({ type: 'vault.lock' });
              await refresh();
            }}>
            Lock
          </button>
        )}
        <button type="button" class="header-button" onClick={openOptions}>
          Settings
        </button>
      </header>
      {vault.kind === 'loading' && <p class="muted pad">Checking QuickCancel’s state…</p>}
      {vault.kind === 'error' && <p class="error pad" role="alert">{vault.error}</p>}
      {vault.kind === 'ready' && vault.state === 'uninitialized' && (
        <div class="pad setup">
          <p>QuickCancel is not set up yet. Choose a passphrase and add your broker’s API keys in Settings.</p>
          <button type="button" class="primary" onClick={openOptions} autoFocus>
            Open Settings
          </button>
        </div>
      )}
      {vault.kind === 'ready' && vault.state === 'locked' && (
        <div class="pad">
          <Unlock onUnlocked={() => void refresh()} />
        </div>
      )}
      {unlocked && settings && <Expiry configured={vault.configured} warnMinutes={settings.expiryWarnMinutes} />}
      {unlocked && settings && <Actions settings={settings} configured={vault.configured} entries={entries} />}
      {vault.kind === 'ready' && vault.state !== 'uninitialized' && <PageHealth />}
      <h2>Recent cancels</h2>
      {entries ? <History entries={entries} /> : <p class="empty">Loading…</p>}
    </main>
  );
}

/** Set by the cancel-all keyboard shortcut, which opens the popup as `popup.html#cancel-all=<venue>`. */
const shortcutVenue = new URLSearchParams(location.hash.slice(1)).get('cancel-all') as VenueId | null;
/** Set by the panic shortcut (`popup.html#panic`): the popup opens on the panic confirmation. */
const shortcutPanic = new URLSearchParams(location.hash.slice(1)).has('panic');

function Actions({ settings, configured, entries }: { settings: Settings; configured: CredentialSummary[]; entries: JournalEntry[] | undefined }) {
  const enabled = venueList.filter((v) => !settings.disabledVenues.includes(v.id));
  const hasKeys = (id: VenueId) => configured.some((c) => c.venue === id);
  const [picked, setPicked] = useState<VenueId | undefined>(shortcutVenue ?? undefined);
  const fallback = enabled.find((v) => hasKeys(v.id)) ?? enabled[0];
  const remembered = enabled.find((v) => v.id === settings.lastQuickCancelVenue);
  const venue = enabled.find((v) => v.id === picked) ?? remembered ?? fallback;

  if (!venue) {
    return (
      <p class="pad muted">
        Every venue is turned off.{' '}
        <button type="button" class="link" onClick={openOptions}>
          Turn one on in Settings
        </button>
      </p>
    );
  }

  return (
    <div class="actions pad">
      <div class="row">
        <label for="qc-venue">Venue</label>
        <select
          id="qc-venue"
          value={venue.id}
          onChange={(ev) => {
            const id = (ev.currentTarget as HTMLSelectElement).value as VenueId;
            setPicked(id);
            void saveSettings({ lastQuickCancelVenue: id });
          }}
        >
          {enabled.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
              {hasKeys(v.id) ? '' : ' (no keys yet)'}
            </option>
          ))}
        </select>
      </div>
      {hasKeys(venue.id) ? (
        <>
          <KeepWarm venue={venue.id} />
          <QuickCancel key={venue.id} venue={venue.id} confirmSingle={behaviourFor(settings, venue.id, 'confirmSingle')} entries={entries} />
          <CancelAll venue={venue.id} confirmCancelAll={settings.confirmCancelAll} autoStart={venue.id === shortcutVenue} entries={entries} />
          <ScopedCancel key={venue.id} venue={venue.id} entries={entries} />
          <Timers venue={venue.id} />
        </>
      ) : (
        <p class="muted">
          No {venue.name} keys yet.{' '}
          <button type="button" class="link" onClick={openOptions}>
            Add them in Settings
          </button>
        </p>
      )}
      <Panic venues={enabled.filter((v) => hasKeys(v.id)).map((v) => v.id)} confirm={settings.confirmCancelAll} autoStart={shortcutPanic} entries={entries} />
    </div>
  );
}
