// Cancel-all for one venue. The confirmation lists the exact open orders the venue reports now,
// and only those are cancelled: an order placed after the confirmation stays open, and the result
// says how many did.
import { useEffect, useState } from 'preact/hooks';
import type { JournalEntry, OrderView, VenueId } from '@/lib/model';
import { send } from '../api';
import { venueInfo } from '../venue-info';
import { Confirm, SymbolAsk } from './ConfirmList';
import { latest, resultText, unread } from './orders';
import { parseSymbols, useOpenOrders } from './useOpenOrders';

export { summarize } from './orders';

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm'; orders: OrderView[]; symbols?: string[]; more?: boolean }
  | { kind: 'running'; count: number }
  | { kind: 'done'; text: string; ok: boolean; entries?: JournalEntry[]; appeared?: number; more?: boolean };

const orders = (n: number) => `${n} open order${n === 1 ? '' : 's'}`;
const settled = (e: JournalEntry) => e.status === 'cancelled' || e.status === 'already-closed';
const beyond = (name: string) => ` ${name} lists ${unread(name)}.`;

/** Sends exactly these keys; `listed` is every order the confirmation showed. */
export async function cancelExactly(venue: VenueId, chosen: readonly OrderView[], listed: readonly OrderView[], symbols?: string[]) {
  const reply = await send({ type: 'cancel-orders', venue, orderIds: chosen.map((o) => o.key), listed: listed.map((o) => o.key), ...(symbols?.length ? { symbols } : {}) });
  if (!reply.ok) return { kind: 'done' as const, ok: false, text: reply.error };
  return { kind: 'done' as const, ok: reply.entries.every(settled), text: resultText(reply.entries, reply.appeared), entries: reply.entries, appeared: reply.appeared };
}

export function CancelAll({ venue, confirmCancelAll, autoStart = false, entries }: { venue: VenueId; confirmCancelAll: boolean; autoStart?: boolean; entries?: JournalEntry[] }) {
  const name = venueInfo[venue].name;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [list, load, resetList] = useOpenOrders(venue);
  // Opened by the cancel-all shortcut: go straight to the (confirmed) cancel-all.
  useEffect(() => {
    resetList();
    if (autoStart) void start();
    else setStep({ kind: 'idle' });
  }, [venue]);

  async function run(open: OrderView[], symbols?: string[], more = false) {
    setStep({ kind: 'running', count: open.length });
    setStep({ ...(await cancelExactly(venue, open, open, symbols)), more });
  }

  async function start(symbols?: string[]) {
    setStep({ kind: 'idle' });
    const got = await load(symbols);
    if (got.kind !== 'ready') return;
    resetList();
    if (!got.orders.length) return setStep({ kind: 'done', ok: true, text: `No open orders on ${name}${got.symbols ? ` in ${got.symbols.join(', ')}` : ''}.` });
    if (!confirmCancelAll) return run(got.orders, got.symbols, !!got.more);
    setStep({ kind: 'confirm', orders: got.orders, symbols: got.symbols, more: !!got.more });
  }

  // The result follows the journal: an entry still being verified updates when the engine knows.
  const shown = step.kind === 'done' && step.entries
    ? { ...step, text: resultText(latest(step.entries, entries), step.appeared ?? 0) + (step.more ? beyond(name) : ''), ok: !step.more && latest(step.entries, entries).every(settled) }
    : step;
  const busy = list.kind === 'loading' || step.kind === 'running';
  return (
    <section class="cancel-all" aria-label={`Cancel all on ${name}`}>
      {step.kind === 'confirm' ? (
        <Confirm
          label="Confirm cancel-all"
          question={<>Cancel these <strong>{orders(step.orders.length)}</strong> on {name}{step.symbols ? ` (${step.symbols.join(', ')})` : ''}? Orders placed after this are left open.{step.more && beyond(name)}</>}
          orders={step.orders}
          confirmText={`Cancel these ${step.orders.length}`}
          onBack={() => setStep({ kind: 'idle' })}
          onConfirm={() => void run(step.orders, step.symbols, step.more)}
        />
      ) : list.kind === 'needs-symbol' ? (
        <SymbolAsk venueName={name} onList={(text) => void start(parseSymbols(text))} />
      ) : (
        <button type="button" class="danger-outline" disabled={busy} onClick={() => void start()}>
          {list.kind === 'loading' ? 'Listing open orders…' : step.kind === 'running' ? `Cancelling ${step.count}…` : `Cancel all on ${name}…`}
        </button>
      )}
      <div role="status" aria-live="polite">
        {list.kind === 'error' && <p class="error" data-cancel-all="done">{list.text}</p>}
        {shown.kind === 'done' && <p class={shown.ok ? 'muted' : 'error'} data-cancel-all="done">{shown.text}</p>}
      </div>
    </section>
  );
}
