// The vault: set a passphrase on first use, unlock, change the passphrase, auto-lock time, lock
// now, and wipe everything (after saying exactly what goes).
import { useState } from 'preact/hooks';
import type { VaultState } from '@/lib/messages';
import { send } from '../api';
import { Unlock } from '../popup/Unlock';

const AUTO_LOCK = [
  { minutes: 5, label: 'after 5 minutes idle' },
  { minutes: 15, label: 'after 15 minutes idle' },
  { minutes: 30, label: 'after 30 minutes idle' },
  { minutes: 60, label: 'after 1 hour idle' },
  { minutes: 240, label: 'after 4 hours idle' },
  { minutes: 0, label: 'only when the browser closes' },
];

function PassphraseForm(props: { current: boolean; submitLabel: string; onSubmit: (current: string, next: string) => Promise<string | null> }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const id = props.current ? 'change' : 'setup';
  return (
    <form
      aria-label={props.submitLabel}
      onSubmit={async (ev) => {
        ev.preventDefault();
        if (next.length < 8) return setNote({ ok: false, text: 'Use at least 8 characters.' });
        if (next !== repeat) return setNote({ ok: false, text: 'The two new passphrases differ.' });
        setBusy(true);
        const error = await props.onSubmit(current, next);
        setBusy(false);
        setNote(error ? { ok: false, text: error } : { ok: true, text: 'Passphrase saved.' });
        if (!error) {
          setCurrent('');
          setNext('');
          setRepeat('');
        }
      }}
    >
      {props.current && (
        <div class="field">
          <label for={`${id}-current`}>Current passphrase</label>
          <input id={`${id}-current`} type="password" autocomplete="current-password" value={current} onInput={(e) => setCurrent((e.currentTarget as HTMLInputElement).value)} />
        </div>
      )}
      <div class="field">
        <label for={`${id}-next`}>{props.current ? 'New passphrase' : 'Passphrase'}</label>
        <input id={`${id}-next`} type="password" autocomplete="new-password" value={next} onInput={(e) => setNext((e.currentTarget as HTMLInputElement).value)} />
        <small class="muted">At least 8 characters. It encrypts your API keys on this computer; nobody can recover it for you.</small>
      </div>
      <div class="field">
        <label for={`${id}-repeat`}>Repeat it</label>
        <input id={`${id}-repeat`} type="password" autocomplete="new-password" value={repeat} onInput={(e) => setRepeat((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {props.submitLabel}
      </button>
      <p role="status" class={note?.ok ? 'muted' : 'error'}>
        {note?.text}
      </p>
    </form>
  );
}

export interface VaultSectionProps {
  state: VaultState;
  autoLockMinutes: number;
  onAutoLock: (minutes: number) => void;
  onChanged: () => void;
}

export function VaultSection({ state, autoLockMinutes, onAutoLock, onChanged }: VaultSectionProps) {
  const [wiping, setWiping] = useState(false);
  const [error, setError] = useState('');
  const act = async (message: Parameters<typeof send>[0]) => {
    const reply = await send(message);
    setError(reply.ok ? '' : reply.error);
    onChanged();
    return reply.ok ? null : reply.error;
  };
  const choices = AUTO_LOCK.some((c) => c.minutes === autoLockMinutes) ? AUTO_LOCK : [...AUTO_LOCK, { minutes: autoLockMinutes, label: `after ${autoLockMinutes} minutes idle` }];

  return (
    <section class="card" aria-labelledby="vault-title" data-vault={state}>
      <h2 id="vault-title">Passphrase and lock</h2>
      {state === 'uninitialized' && (
        <>
          <p>Choose a passphrase first. Your API keys are stored encrypted with it, and QuickCancel asks for it again after the browser restarts or the auto-lock time passes.</p>
          <PassphraseForm current={false} submitLabel="Set passphrase" onSubmit={(_, next) => act({ type: 'vault.setup', passphrase: next })} />
        </>
      )}
      {state === 'locked' && <Unlock onUnlocked={onChanged} autoFocus={false} />}
      {state === 'unlocked' && (
        <>
          <div class="row">
            <span>QuickCancel is unlocked.</span>
            <button type="button" onClick={() => void act({ type: 'vault.lock' })}>
              Lock now
            </button>
          </div>
          <details>
            <summary>Change passphrase</summary>
            <PassphraseForm current submitLabel="Change passphrase" onSubmit={(current, next) => act({ type: 'vault.change-passphrase', current, next })} />
          </details>
        </>
      )}
      <div class="field row">
        <label for="auto-lock">Lock automatically</label>
        <select id="auto-lock" value={String(autoLockMinutes)} onChange={(e) => onAutoLock(Number((e.currentTarget as HTMLSelectElement).value))}>
          {choices.map((c) => (
            <option key={c.minutes} value={String(c.minutes)}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {state !== 'uninitialized' &&
        (wiping ? (
          <div class="confirm" role="alertdialog" aria-label="Confirm wipe" onKeyDown={(e) => e.key === 'Escape' && setWiping(false)}>
            <p>Delete every API key, every setting and the whole cancel history from this browser? This cannot be undone.</p>
            <div class="row">
              <button type="button" autoFocus onClick={() => setWiping(false)}>
                Keep everything
              </button>
              <button type="button" class="danger" onClick={() => {
                  setWiping(false);
                  void act({ type: 'vault.wipe' });
                }}>
                Wipe everything
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="danger-outline" onClick={() => setWiping(true)}>
            Wipe everything…
          </button>
        ))}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
