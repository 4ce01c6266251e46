import { useState } from 'preact/hooks';
import { send } from '../api';

/** The passphrase prompt; a wrong passphrase is refused by the background and said so here. */
export function Unlock({ onUnlocked, autoFocus = true }: { onUnlocked: () => void; autoFocus?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="unlock"
      onSubmit={async (ev) => {
        ev.preventDefault();
        if (!passphrase) return setError('Enter your passphrase.');
        setBusy(true);
        const reply = await send({ type: 'vault.unlock', passphrase });
        setBusy(false);
        setPassphrase('');
        if (!reply.ok) return setError(reply.error);
        setError('');
        onUnlocked();
      }}
    >
      <label for="qc-passphrase">QuickCancel is locked. Enter your passphrase to cancel orders.</label>
      <div class="row">
        <input
          id="qc-passphrase"
          type="password"
          autocomplete="current-password"
          value={passphrase}
          autoFocus={autoFocus}
          aria-invalid={!!error}
          aria-describedby="qc-passphrase-error"
          onInput={(ev) => setPassphrase((ev.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
      <p id="qc-passphrase-error" class="error" role="alert">
        {error}
      </p>
    </form>
  );
}
