// Recent cancels, newest first. Only the rows in view (plus a few either side) are in the DOM:
// rows have a fixed height, so a 1,000-entry history renders as fast as a 20-entry one.
import { useMemo, useState } from 'preact/hooks';
import type { JournalEntry } from '@/lib/model';
import { outcomeText } from '@/lib/outcome-text';
import { send } from '../api';
import { Badge, canRetry } from '../outcome';
import { venueInfo } from '../venue-info';
import { OrderId } from './OrderId';

/** Must match `.history li` height in base.css. */
export const ROW_HEIGHT = 64;
/** Must match `.history-scroll` max-height in base.css. */
export const VIEWPORT_HEIGHT = 320;
const OVERSCAN = 4;

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function when(ms: number, nowMs: number): string {
  return nowMs - ms < 20 * 3600_000 ? timeFormat.format(ms) : dateFormat.format(ms);
}

export function History({ entries, nowMs = Date.now() }: { entries: JournalEntry[]; nowMs?: number }) {
  const [scrollTop, setScrollTop] = useState(0);
  const [retryErrors, setRetryErrors] = useState<Record<string, string>>({});
  const [retrying, setRetrying] = useState<Record<string, boolean>>({});
  // An entry with a newer one for the same order has been retried (or re-clicked): offering Retry
  // there again would only repeat what the newer entry already shows.
  const superseded = useMemo(() => {
    const seen = new Set<string>();
    const out = new Set<string>();
    for (const e of entries) {
      const key = `${e.venue}:${e.orderId}`;
      if (seen.has(key)) out.add(e.id);
      seen.add(key);
    }
    return out;
  }, [entries]);

  if (!entries.length) {
    return (
      <p class="empty">
        No cancels yet. Open orders on a supported broker page get a Cancel button; you can also cancel by order id above.
      </p>
    );
  }

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(entries.length, Math.ceil((scrollTop + VIEWPORT_HEIGHT) / ROW_HEIGHT) + OVERSCAN);

  async function retry(e: JournalEntry) {
    setRetrying((r) => ({ ...r, [e.id]: true }));
    const reply = await send({ type: 'retry', entryId: e.id });
    setRetrying((r) => ({ ...r, [e.id]: false }));
    setRetryErrors((errs) => ({ ...errs, [e.id]: reply.ok ? '' : reply.error }));
  }

  return (
    <div class="history-scroll" role="region" tabIndex={0} aria-label="Recent cancels, scrollable" onScroll={(ev) => setScrollTop((ev.currentTarget as HTMLElement).scrollTop)}>
      <ul class="history" aria-label="Recent cancels" style={{ height: `${entries.length * ROW_HEIGHT}px` }}>
        {entries.slice(first, last).map((e, i) => {
          const index = first + i;
          const shown = [e.symbol, e.side, e.quantity && `qty ${e.quantity}`].filter(Boolean).join(' ');
          // What only the broker page said is not presented as the venue's word.
          const detail = shown && e.detailsFrom === 'page' ? `${shown} (as the page showed)` : shown;
          const meta = [detail, when(e.startedAtMs, nowMs), e.latencyMs !== undefined ? `${e.latencyMs} ms` : ''].filter(Boolean).join(' · ');
          const error = retryErrors[e.id];
          const text = outcomeText(e);
          return (
            <li key={e.id} data-entry={e.id} data-status={e.status} aria-setsize={entries.length} aria-posinset={index + 1} style={{ top: `${index * ROW_HEIGHT}px` }}>
              <span class="line">
                <OrderId id={e.orderId} venueName={venueInfo[e.venue]?.name ?? e.venue} />
                <Badge status={e.status} />
              </span>
              <span class="line meta">
                <span class="ellipsis">{meta}</span>
                {canRetry(e) && !superseded.has(e.id) && (
                  <button type="button" class="link" disabled={retrying[e.id]} onClick={() => void retry(e)} aria-label={`Retry cancel of ${e.orderId}`}>
                    {retrying[e.id] ? 'retrying…' : 'Retry'}
                  </button>
                )}
              </span>
              <span class={`line message ellipsis${error ? ' error' : ''}`} title={error || text}>
                {error || text}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
