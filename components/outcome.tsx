// How an entry's status is shown. The words must be the truth: an entry that has not finished
// says so ("sending…", "verifying…"), and one that was never sent never looks like a failure at
// the venue.
import type { JournalEntry, JournalStatus } from '@/lib/model';

export const STATUS_LABEL: Record<JournalStatus, string> = {
  sending: 'sending…',
  verifying: 'verifying…',
  cancelled: 'cancelled',
  pending: 'pending…',
  'already-closed': 'already closed',
  rejected: 'rejected',
  'auth-failed': 'auth failed',
  'rate-limited': 'rate limited',
  unknown: 'unknown — verifying',
  'not-sent': 'not sent',
};

export type Tone = 'ok' | 'wait' | 'info' | 'bad';

export const STATUS_TONE: Record<JournalStatus, Tone> = {
  sending: 'wait',
  verifying: 'wait',
  pending: 'wait',
  unknown: 'wait',
  cancelled: 'ok',
  'already-closed': 'info',
  rejected: 'bad',
  'auth-failed': 'bad',
  'rate-limited': 'bad',
  'not-sent': 'bad',
};

const RETRYABLE = new Set<JournalStatus>(['not-sent', 'rejected', 'auth-failed', 'rate-limited', 'unknown']);

/** Failed or never sent (e.g. the vault was locked): the user may ask again from the history. */
export const canRetry = (e: JournalEntry) => RETRYABLE.has(e.status);

export function Badge({ status }: { status: JournalStatus }) {
  return (
    <span class="badge" data-kind={status} data-tone={STATUS_TONE[status]}>
      {STATUS_LABEL[status]}
    </span>
  );
}
