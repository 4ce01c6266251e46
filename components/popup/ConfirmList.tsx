// A confirmation that lists exactly the orders that will be cancelled. The safe choice has the
// focus: Enter pressed out of habit goes back, it does not cancel.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OrderView } from '@/lib/model';
import { describeOrder } from './QuickCancel';
import './batch.css';

export function OrderList({ orders }: { orders: readonly OrderView[] }) {
  return (
    <ul class="order-list" aria-label="Orders to cancel">
      {orders.map((o) => (
        <li key={o.key} data-order={o.key}>
          {describeOrder(o)}
          {o.orderType ? ` ${o.orderType}` : ''} <span class="key">#{o.key}</span>
        </li>
      ))}
    </ul>
  );
}

export function SymbolAsk({ venueName, onList }: { venueName: string; onList(symbols: string): void }) {
  const [text, setText] = useState('');
  return (
    <form class="row" onSubmit={(ev) => {
      ev.preventDefault();
      onList(text);
    }}>
      <label for="qc-symbols">{venueName} lists open orders per symbol. Symbols</label>
      <input id="qc-symbols" name="symbols" placeholder="BTCUSDT, ETHUSDT" value={text} onInput={(ev) => setText((ev.currentTarget as HTMLInputElement).value)} />
      <button type="submit" disabled={!text.trim()}>List</button>
    </form>
  );
}

export interface ConfirmProps {
  label: string;
  question: ComponentChildren;
  orders?: readonly OrderView[];
  confirmText: string;
  onConfirm(): void;
  onBack(): void;
}

export function Confirm({ label, question, orders, confirmText, onConfirm, onBack }: ConfirmProps) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-label={label} onKeyDown={(ev) => ev.key === 'Escape' && onBack()}>
      <p>{question}</p>
      {orders && <OrderList orders={orders} />}
      <div class="row">
        <button type="button" ref={back} onClick={onBack}>
          Back
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          {confirmText}
        </button>
      </div>
    </div>
  );
}
