import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings-defaults';

type Toggle = 'confirmSingle' | 'confirmCancelAll' | 'notifications' | 'sound' | 'hoverHotkey';

const TOGGLES: Array<{ key: Toggle; label: string; help: string }> = [
  { key: 'confirmSingle', label: 'Ask before cancelling one order', help: 'Off by default: one click is the point.' },
  { key: 'confirmCancelAll', label: 'Ask before cancel-all', help: 'The question lists every open order it will cancel; it also guards Panic (its shortcut then opens the popup on the question).' },
  { key: 'notifications', label: 'Notify me of each outcome', help: 'A browser notification when a cancel finishes.' },
  { key: 'sound', label: 'Play a sound on each outcome', help: 'A short sound when a cancel finishes.' },
  {
    key: 'hoverHotkey',
    label: 'Cancel the order under the mouse with a shortcut',
    help: 'Off by default. Choose the key for “Cancel the order under the mouse” in the browser’s shortcut settings (chrome://extensions/shortcuts, or Firefox’s Manage Extension Shortcuts). It never acts while you type in a field.',
  },
];

export function SettingsSection({ settings, onChange }: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  return (
    <section class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Behaviour</h2>
      {TOGGLES.map((t) => (
        <div class="field check" key={t.key}>
          <input
            type="checkbox"
            id={`setting-${t.key}`}
            name={t.key}
            checked={settings[t.key]}
            aria-describedby={`setting-${t.key}-help`}
            onChange={(e) => onChange({ [t.key]: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for={`setting-${t.key}`}>{t.label}</label>
          <small id={`setting-${t.key}-help`} class="muted">
            {t.help}
          </small>
        </div>
      ))}
      <p class="muted">Each venue can ask, sound, notify and take the hover shortcut differently: see “Behaviour on …” in its card above.</p>
      <div class="field row">
        <label for="setting-expiryWarnMinutes">Warn before a daily token expires</label>
        <select
          id="setting-expiryWarnMinutes"
          aria-describedby="setting-expiryWarnMinutes-help"
          value={String(settings.expiryWarnMinutes)}
          onChange={(e) => onChange({ expiryWarnMinutes: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {withCurrent(WARN_CHOICES, settings.expiryWarnMinutes).map((m) => (
            <option key={m} value={String(m)}>
              {m ? `${m} minutes before` : 'only when it expires'}
            </option>
          ))}
        </select>
      </div>
      <small id="setting-expiryWarnMinutes-help" class="muted">
        PaceTrader, Pocketful and ZebPay (JWT) tokens last a day: the toolbar badge and a notification say when one is about to run out.
      </small>
    </section>
  );
}

const WARN_CHOICES = [0, 5, 15, 30, 60, 120];
/** A stored value that is not one of the choices (an older build's) is still shown as it is. */
const withCurrent = (choices: number[], current: number) => (choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b));

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** Shortcuts are the manifest's `commands`; only the browser's own page can change them. */
export function Shortcuts() {
  const [commands, setCommands] = useState<Command[]>();
  const [error, setError] = useState('');
  useEffect(() => {
    if (!browser.commands?.getAll) return setCommands([]);
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(setCommands, (e: unknown) => setError(`Could not read the shortcuts: ${e instanceof Error ? e.message : String(e)}`));
  }, []);
  const firefox = import.meta.env.FIREFOX;
  return (
    <section class="card" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {error && <p class="error">{error}</p>}
      {commands && !commands.length && <p class="muted">This version defines no keyboard shortcuts.</p>}
      {commands && commands.length > 0 && (
        <table class="shortcuts">
          <tbody>
            {commands.map((c) => (
              <tr key={c.name}>
                <td>{c.description || (c.name === '_execute_action' ? 'Open the popup' : c.name)}</td>
                <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {firefox ? (
        <p class="muted">To change them: about:addons → the gear menu → Manage Extension Shortcuts.</p>
      ) : (
        // Pages cannot link to chrome:// URLs; the tabs API may open it.
        <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
          Change shortcuts…
        </button>
      )}
    </section>
  );
}
