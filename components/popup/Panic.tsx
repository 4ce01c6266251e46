// Panic: every open order on every venue with keys, all venues at once. The report is per venue
// and follows the journal, so an outcome the engine is still verifying shows "checking" until the
// venue has said how it ended.
import { useEffect, useRef, useState } from 'preact/hooks';
import { tally, tallyText } from '@/lib/cancel-tally';
import type { PanicVenueResult } from '@/lib/messages';
import type { JournalEntry, VenueId } from '@/lib/model';
import { send } from '../api';
import { STATUS_LABEL } from '../outcome';
import { venueInfo } from '../venue-info';
import { Confirm } from './ConfirmList';
import { latest, unread } from './orders';

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'running' } | { kind: 'done'; venues: PanicVenueResult[] } | { kind: 'error'; text: string };

/** The journal's order id for a venue-wide cancel (engine.ts ALL_ORDERS; the UI may not import the engine). */
const ALL_ORDERS = '*';

export function venueLine(result: PanicVenueResult, live: readonly JournalEntry[] | undefined): string {
  const name = venueInfo[result.venue].name;
  if ('outcome' in result) return `${name}: failed — ${result.outcome.message ?? result.outcome.kind}`;
  const now = latest(result.entries, live);
  if (!now.length) return `${name}: no open orders`;
  if (now.length === 1 && now[0]!.orderId === ALL_ORDERS) return `${name}: every open order (the venue's own cancel-all) — ${STATUS_LABEL[now[0]!.status]}`;
  const rest = result.more ? ` — and ${unread(name)}` : '';
  return `${name}: ${tallyText(tally(now))}${rest}`;
}

export function Panic({ venues, confirm, autoStart = false, entries }: { venues: VenueId[]; confirm: boolean; autoStart?: boolean; entries?: JournalEntry[] }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const started = useRef(false);
  useEffect(() => {
    // Opened by the panic shortcut: straight to the confirmation (never past it).
    if (autoStart && !started.current) {
      started.current = true;
      setStep({ kind: 'confirm' });
    }
  }, [autoStart]);

  async function run() {
    setStep({ kind: 'running' });
    const reply = await send({ type: 'panic' });
    setStep(reply.ok ? { kind: 'done', venues: reply.venues } : { kind: 'error', text: reply.error });
  }

  const names = venues.map((v) => venueInfo[v].name).join(', ');
  return (
    <section class="panic" aria-label="Panic: cancel everything">
      {step.kind === 'confirm' ? (
        <Confirm
          label="Confirm panic"
          question={<>Cancel <strong>every open order on {venues.length} venue{venues.length === 1 ? '' : 's'}</strong> ({names})?</>}
          confirmText="Cancel everything"
          onBack={() => setStep({ kind: 'idle' })}
          onConfirm={() => void run()}
        />
      ) : (
        <button type="button" class="danger" disabled={!venues.length || step.kind === 'running'} onClick={() => (confirm ? setStep({ kind: 'confirm' }) : void run())}>
          {step.kind === 'running' ? 'Cancelling on every venue…' : 'Panic: cancel everything…'}
        </button>
      )}
      <div role="status" aria-live="polite">
        {step.kind === 'error' && <p class="error" data-panic="error">{step.text}</p>}
        {step.kind === 'done' && (
          <ul class="panic-report" data-panic="done">
            {step.venues.map((r) => (
              <li key={r.venue} data-panic-venue={r.venue}>{venueLine(r, entries)}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
