// Scoped cancel: one venue's open orders filtered by symbol, side, order type (where the venue
// gives one) or "the last order placed". The confirmation lists exactly the matching orders, and
// only their keys are sent.
import { useEffect, useState } from 'preact/hooks';
import type { JournalEntry, OrderView, VenueId } from '@/lib/model';
import { venueInfo } from '../venue-info';
import { cancelExactly } from './CancelAll';
import { Confirm, OrderList, SymbolAsk } from './ConfirmList';
import { ANY_SCOPE, choices, describeScope, hasTimes, latest, resultText, select, type Scope } from './orders';
import { parseSymbols, useOpenOrders } from './useOpenOrders';

type Step =
  | { kind: 'idle' }
  | { kind: 'filter'; orders: OrderView[]; symbols?: string[] }
  | { kind: 'confirm'; orders: OrderView[]; chosen: OrderView[]; symbols?: string[] }
  | { kind: 'running' }
  | { kind: 'done'; text: string; entries?: JournalEntry[]; appeared?: number };

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: Array<[string, string]>; onChange(v: string): void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(ev) => onChange((ev.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </>
  );
}

export function ScopedCancel({ venue, entries }: { venue: VenueId; entries?: JournalEntry[] }) {
  const name = venueInfo[venue].name;
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [scope, setScope] = useState<Scope>(ANY_SCOPE);
  const [list, load, resetList] = useOpenOrders(venue);
  useEffect(() => {
    resetList();
    setStep({ kind: 'idle' });
    setScope(ANY_SCOPE);
  }, [venue]);

  async function open(symbols?: string[]) {
    const got = await load(symbols);
    if (got.kind !== 'ready') return;
    resetList();
    setStep({ kind: 'filter', orders: got.orders, symbols: got.symbols });
  }

  const set = (patch: Partial<Scope>) => setScope((s) => ({ ...s, ...patch }));

  if (step.kind === 'filter') {
    const chosen = select(step.orders, scope);
    const types = choices(step.orders, 'orderType');
    return (
      <section class="scoped" aria-label={`Cancel some orders on ${name}`}>
        <div class="scope">
          <Choice id="qc-scope-symbol" label="Symbol" value={scope.symbol} onChange={(symbol) => set({ symbol })} options={[['', 'any'], ...choices(step.orders, 'symbol').map((s): [string, string] => [s, s])]} />
          <Choice id="qc-scope-side" label="Side" value={scope.side} onChange={(side) => set({ side })} options={[['', 'any'], ['BUY', 'buy'], ['SELL', 'sell']]} />
          {types.length > 0 && <Choice id="qc-scope-type" label="Type" value={scope.orderType} onChange={(orderType) => set({ orderType })} options={[['', 'any'], ...types.map((t): [string, string] => [t, t])]} />}
          {hasTimes(step.orders) && (
            <>
              <input id="qc-scope-last" type="checkbox" checked={scope.lastOnly} onChange={(ev) => set({ lastOnly: (ev.currentTarget as HTMLInputElement).checked })} />
              <label for="qc-scope-last">Only the last order placed</label>
            </>
          )}
        </div>
        <p class="muted" data-scope-count>{chosen.length} of {step.orders.length} open orders match.</p>
        <div class="row">
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>Back</button>
          <button type="button" class="danger-outline" disabled={!chosen.length} onClick={() => setStep({ kind: 'confirm', orders: step.orders, chosen, symbols: step.symbols })}>
            Review {chosen.length}…
          </button>
        </div>
        {chosen.length > 0 && <OrderList orders={chosen} />}
      </section>
    );
  }

  const shown = step.kind === 'done' && step.entries ? resultText(latest(step.entries, entries), step.appeared ?? 0) : step.kind === 'done' ? step.text : '';
  return (
    <section class="scoped" aria-label={`Cancel some orders on ${name}`}>
      {step.kind === 'confirm' ? (
        <Confirm
          label="Confirm scoped cancel"
          question={<>Cancel {describeScope(scope)} on {name}: <strong>exactly these {step.chosen.length}</strong>?</>}
          orders={step.chosen}
          confirmText={`Cancel these ${step.chosen.length}`}
          onBack={() => setStep({ kind: 'filter', orders: step.orders, symbols: step.symbols })}
          onConfirm={() => {
            setStep({ kind: 'running' });
            void cancelExactly(venue, step.chosen, step.orders, step.symbols).then((done) => setStep(done));
          }}
        />
      ) : list.kind === 'needs-symbol' ? (
        <SymbolAsk venueName={name} onList={(text) => void open(parseSymbols(text))} />
      ) : (
        <button type="button" disabled={list.kind === 'loading' || step.kind === 'running'} onClick={() => void open()}>
          {list.kind === 'loading' ? 'Listing open orders…' : step.kind === 'running' ? 'Cancelling…' : `Cancel some on ${name}…`}
        </button>
      )}
      <div role="status" aria-live="polite">
        {list.kind === 'error' && <p class="error" data-scoped="done">{list.text}</p>}
        {step.kind === 'done' && <p class="muted" data-scoped="done">{shown}</p>}
      </div>
    </section>
  );
}
