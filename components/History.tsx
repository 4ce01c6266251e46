import type { JournalEntry } from '@/lib/engine/journal';
import { venueNames } from './venue-names';

const LABEL: Record<JournalEntry['status'], string> = {
  sending: 'sending…',
  verifying: 'verifying…',
  cancelled: 'cancelled',
  pending: 'pending…',
  'already-closed': 'already closed',
  rejected: 'rejected',
  'auth-failed': 'auth failed',
  'rate-limited': 'rate limited',
  unknown: 'unknown → verifying',
  'not-sent': 'not sent',
};

export function History({ entries }: { entries: JournalEntry[] }) {
  if (!entries.length) return <p class="empty">No cancels yet. Open orders on a supported broker page get a Cancel button.</p>;
  return (
    <ul class="history" aria-label="Recent cancels">
      {entries.map((e) => (
        <li key={e.id} data-entry={e.id} data-status={e.status}>
          <strong>
            {venueNames[e.venue]} · {e.orderId}
          </strong>
          <span class="badge" data-kind={e.status}>{LABEL[e.status]}</span>
          <span class="meta">
            {[e.symbol, e.side, new Date(e.startedAtMs).toLocaleTimeString(), e.latencyMs !== undefined ? `${e.latencyMs} ms` : '']
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span class="meta message">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
