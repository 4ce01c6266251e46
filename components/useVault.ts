// The vault's state as the background reports it (never a secret: a state and, per venue, a label).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CredentialSummary, VaultState } from '@/lib/messages';
import { send } from './api';

export type VaultView =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; state: VaultState; configured: CredentialSummary[] };

export function useVault(): [VaultView, () => Promise<void>] {
  const [view, setView] = useState<VaultView>({ kind: 'loading' });
  const refresh = useCallback(async () => {
    const reply = await send({ type: 'vault.status' });
    setView(reply.ok ? { kind: 'ready', state: reply.state, configured: reply.configured } : { kind: 'error', error: reply.error });
  }, []);
  useEffect(() => {
    void refresh();
    // The vault may lock itself (idle timer) while a page stays open.
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refresh]);
  return [view, refresh];
}
