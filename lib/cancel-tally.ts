// How a batch of cancels ended, in the four words a trader acts on. Shared by the popup (live, as
// the journal resolves entries) and the panic notification.
import type { JournalEntry, JournalStatus } from './model';

export interface Tally {
  cancelled: number;
  alreadyClosed: number;
  failed: number;
  /** Sent or accepted, not yet confirmed: the engine keeps checking these until they resolve. */
  checking: number;
}

const CHECKING: ReadonlySet<JournalStatus> = new Set(['sending', 'verifying', 'pending', 'unknown']);

export function tally(entries: readonly Pick<JournalEntry, 'status'>[]): Tally {
  const t: Tally = { cancelled: 0, alreadyClosed: 0, failed: 0, checking: 0 };
  for (const e of entries) {
    if (e.status === 'cancelled') t.cancelled++;
    else if (e.status === 'already-closed') t.alreadyClosed++;
    else if (CHECKING.has(e.status)) t.checking++;
    else t.failed++;
  }
  return t;
}

export function tallyText(t: Tally): string {
  const parts = [`${t.cancelled} cancelled`, `${t.alreadyClosed} already closed`, `${t.failed} failed`];
  if (t.checking) parts.push(`${t.checking} checking`);
  return parts.join(', ');
}
