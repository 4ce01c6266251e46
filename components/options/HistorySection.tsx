import { useState } from 'preact/hooks';
import type { JournalEntry } from '@/lib/model';
import { send } from '../api';
import { download, toCsv, toJson } from './export';

export function HistorySection({ entries }: { entries: JournalEntry[] | undefined }) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const n = entries?.length ?? 0;
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

  async function clear() {
    setConfirming(false);
    const reply = await send({ type: 'history.clear' });
    setNote(reply.ok ? { ok: true, text: 'History cleared.' } : { ok: false, text: reply.error });
  }

  return (
    <section class="card" aria-labelledby="history-title">
      <h2 id="history-title">Cancel history</h2>
      <p data-history-count={n}>{entries ? `${n} cancel${n === 1 ? '' : 's'} recorded (the last 1,000 are kept).` : 'Loading…'}</p>
      <div class="row">
        <button type="button" disabled={!n} onClick={() => download(`quickcancel-history-${stamp()}.csv`, 'text/csv', toCsv(entries!))}>
          Export CSV
        </button>
        <button type="button" disabled={!n} onClick={() => download(`quickcancel-history-${stamp()}.json`, 'application/json', toJson(entries!))}>
          Export JSON
        </button>
        {!confirming && (
          <button type="button" class="danger-outline" disabled={!n} onClick={() => setConfirming(true)}>
            Clear history…
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-label="Confirm clearing the history" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
          <p>Delete all {n} history entries? Export them first if you need them.</p>
          <div class="row">
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Keep them
            </button>
            <button type="button" class="danger" onClick={() => void clear()}>
              Clear history
            </button>
          </div>
        </div>
      )}
      <p role="status" class={note?.ok === false ? 'error' : 'muted'}>
        {note?.text}
      </p>
    </section>
  );
}
