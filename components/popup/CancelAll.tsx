// Cancel-all for one venue. The confirmation states how many open orders the venue reports right
// now, so "yes" means exactly that; the result counts what really happened to each.
import { useEffect, useState } from 'preact/hooks';
import type { JournalEntry, JournalStatus, VenueId } from '@/lib/model';
import { send } from '../api';
import { STATUS_LABEL } from '../outcome';
import { venueInfo } from '../venue-info';

type Step =
  | { kind: 'idle' }
  | { kind: 'counting' }
  /** count undefined: the venue cannot list every open order (ZebPay lists per symbol only). */
  | { kind: 'confirm'; count?: number }
  | { kind: 'running'; count?: number }
  | { kind: 'done'; text: string; ok: boolean };

const orders = (n: number) => `${n} open order${n === 1 ? '' : 's'}`;

export function summarize(entries: JournalEntry[]): string {
  const counts = new Map<JournalStatus, number>();
  for (const e of entries) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${STATUS_LABEL[status]}`);
  return `${entries.length} cancel${entries.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

export function CancelAll({ venue, confirmCancelAll, autoStart = false }: { venue: VenueId; confirmCancelAll: boolean; autoStart?: boolean }) {
  const name = venueInfo[venue].name;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  // Opened by the cancel-all shortcut: go straight to the (confirmed) cancel-all.
  useEffect(() => (autoStart ? void start() : setStep({ kind: 'idle' })), [venue]);

  async function run(count?: number) {
    setStep({ kind: 'running', count });
    const reply = await send({ type: 'cancel-all', venue });
    if (!reply.ok) return setStep({ kind: 'done', ok: false, text: reply.error });
    if ('outcome' in reply) return setStep({ kind: 'done', ok: false, text: `Nothing was cancelled: ${reply.outcome.message ?? reply.outcome.kind}` });
    if (!reply.entries.length) return setStep({ kind: 'done', ok: true, text: `No open orders on ${name}.` });
    const ok = reply.entries.every((e) => e.status === 'cancelled' || e.status === 'already-closed');
    setStep({ kind: 'done', ok, text: summarize(reply.entries) });
  }

  async function start() {
    if (!confirmCancelAll) return run();
    setStep({ kind: 'counting' });
    const reply = await send({ type: 'open-orders', venue });
    if (!reply.ok) return setStep({ kind: 'done', ok: false, text: reply.error });
    if ('outcome' in reply) return setStep({ kind: 'done', ok: false, text: `Could not list open orders: ${reply.outcome.message ?? reply.outcome.kind}` });
    if ('uncounted' in reply) return setStep({ kind: 'confirm' });
    const count = reply.orders.filter((o) => o.state !== 'closed').length;
    setStep(count ? { kind: 'confirm', count } : { kind: 'done', ok: true, text: `No open orders on ${name}.` });
  }

  return (
    <section class="cancel-all" aria-label={`Cancel all on ${name}`}>
      {step.kind === 'confirm' ? (
        <div
          class="confirm"
          role="alertdialog"
          aria-label="Confirm cancel-all"
          onKeyDown={(ev) => ev.key === 'Escape' && setStep({ kind: 'idle' })}
        >
          <p>
            {step.count === undefined ? (
              <>Cancel <strong>every open order</strong> on {name}? (The venue does not list them all, so QuickCancel cannot count them first.)</>
            ) : (
              <>Cancel all <strong>{orders(step.count)}</strong> on {name}?</>
            )}
          </p>
          <div class="row">
            <button type="button" onClick={() => setStep({ kind: 'idle' })}>
              Keep them
            </button>
            <button type="button" class="danger" autoFocus onClick={() => void run(step.count)}>
              Cancel all{step.count === undefined ? '' : ` ${step.count}`}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="danger-outline" disabled={step.kind === 'counting' || step.kind === 'running'} onClick={() => void start()}>
          {step.kind === 'counting' ? 'Counting open orders…' : step.kind === 'running' ? `Cancelling${step.count ? ` ${step.count}` : ''}…` : `Cancel all on ${name}…`}
        </button>
      )}
      <div role="status" aria-live="polite">
        {step.kind === 'done' && <p class={step.ok ? 'muted' : 'error'} data-cancel-all="done">{step.text}</p>}
      </div>
    </section>
  );
}
