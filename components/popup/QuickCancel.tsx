// Cancel by order id: the id is checked against the venue's format as it is typed, the order the
// venue reports for it is shown before anything is cancelled, and one press cancels it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JournalEntry, OrderView, VenueId } from '@/lib/model';
import { send } from '../api';
import { Badge } from '../outcome';
import { idProblem, venueInfo } from '../venue-info';

type Preview =
  | { kind: 'idle' }
  | { kind: 'loading'; id: string }
  | { kind: 'found'; id: string; order: OrderView }
  | { kind: 'missing'; id: string; message: string }
  | { kind: 'error'; id: string; message: string };

export interface QuickCancelProps {
  venue: VenueId;
  confirmSingle: boolean;
  /** The live history, so the last cancel's outcome updates in place. */
  entries: JournalEntry[] | undefined;
  /** Wait after typing before asking the venue (ms). */
  previewDelayMs?: number;
}

export function describeOrder(o: OrderView): string {
  const qty = o.quantity !== undefined ? `qty ${o.quantity}${o.remaining !== undefined && o.remaining !== o.quantity ? ` (${o.remaining} open)` : ''}` : '';
  const price = o.price !== undefined ? `@ ${o.price}` : '';
  return [o.symbol, o.side, qty, price].filter(Boolean).join(' ') || o.key;
}

export function QuickCancel({ venue, confirmSingle, entries, previewDelayMs = 250 }: QuickCancelProps) {
  const info = venueInfo[venue];
  const [raw, setRaw] = useState('');
  const [preview, setPreview] = useState<Preview>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ entry?: JournalEntry; error?: string }>();
  const seq = useRef(0);

  const id = raw.trim();
  const problem = id ? idProblem(venue, id) : null;

  useEffect(() => {
    setConfirming(false);
    const mine = ++seq.current;
    if (!id || problem) return setPreview({ kind: 'idle' });
    setPreview({ kind: 'loading', id });
    const lookUp = async () => {
      const reply = await send({ type: 'preview', venue, orderId: id });
      if (mine !== seq.current) return;
      if (!reply.ok) return setPreview({ kind: 'error', id, message: reply.error });
      if (reply.order?.state === 'closed') {
        return setPreview({ kind: 'missing', id, message: `Already closed at ${info.name} (${reply.order.venueStatus || 'closed'}): nothing to cancel.` });
      }
      if (reply.order) return setPreview({ kind: 'found', id, order: reply.order });
      if (reply.outcome) return setPreview({ kind: 'error', id, message: `Could not look it up: ${reply.outcome.message ?? reply.outcome.kind}` });
      setPreview({ kind: 'missing', id, message: `Not found: ${info.name} has no open order ${id}.` });
    };
    // send() answers every failure with a reply, so the lookup has no rejection to lose.
    const timer = setTimeout(() => void lookUp(), previewDelayMs);
    return () => clearTimeout(timer);
  }, [venue, id, problem]);

  const blocked = !id || !!problem || busy || preview.kind === 'missing';

  async function cancel() {
    if (blocked) return;
    if (confirmSingle && !confirming) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    const reply = await send({ type: 'cancel', venue, orderId: id, hints: {} });
    setBusy(false);
    // A cancel without a scope or timer answers with its entry.
    setResult(!reply.ok ? { error: reply.error } : 'entry' in reply ? { entry: reply.entry } : { error: 'QuickCancel answered in another shape' });
    if (reply.ok) setRaw('');
  }

  const live = result?.entry && (entries?.find((e) => e.id === result.entry!.id) ?? result.entry);
  const inputId = `qc-id-${venue}`;

  return (
    <section class="quick" aria-label="Cancel by order id">
      <form
        class="row"
        onSubmit={(ev) => {
          ev.preventDefault();
          void cancel();
        }}
      >
        <label for={inputId} class="sr-only">
          {info.name} {info.idLabel}
        </label>
        <input
          id={inputId}
          name="orderId"
          value={raw}
          placeholder={`${info.idLabel}, e.g. ${info.idExample}`}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={!!problem}
          aria-describedby={`${inputId}-status`}
          onInput={(ev) => setRaw((ev.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="danger" disabled={blocked}>
          {busy ? 'Cancelling…' : confirming ? 'Confirm cancel' : 'Cancel order'}
        </button>
      </form>
      <div id={`${inputId}-status`} class="status" role="status" aria-live="polite">
        {problem && <p class="error">{problem}</p>}
        {preview.kind === 'loading' && <p class="muted">Looking up {preview.id} at {info.name}…</p>}
        {preview.kind === 'found' && (
          <p class="order" data-preview="found">
            <strong>{describeOrder(preview.order)}</strong> <span class="muted">· {preview.order.venueStatus || preview.order.state}</span>
          </p>
        )}
        {preview.kind === 'missing' && <p class="warn" data-preview="missing">{preview.message}</p>}
        {preview.kind === 'error' && <p class="error" data-preview="error">{preview.message}</p>}
        {confirming && (
          <p class="confirm">
            Cancel {preview.kind === 'found' ? describeOrder(preview.order) : id} at {info.name}?{' '}
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </p>
        )}
        {result?.error && <p class="error">{result.error}</p>}
        {live && (
          <p class="result" data-result={live.status}>
            {live.orderId}: <Badge status={live.status} /> <span class="muted">{live.message}</span>
          </p>
        )}
      </div>
    </section>
  );
}
