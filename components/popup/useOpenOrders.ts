// The venue's open orders for a confirmation. Where a venue lists open orders only per symbol
// (ZebPay), the background tries the symbols of recent cancels; without any it asks for one.
import { useState } from 'preact/hooks';
import type { OrderView, VenueId } from '@/lib/model';
import { send } from '../api';

export type OpenOrdersState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'needs-symbol' }
  | { kind: 'ready'; orders: OrderView[]; symbols?: string[]; more?: true }
  | { kind: 'error'; text: string };

/** "BTCUSDT, ethusdt" → ['BTCUSDT', 'ETHUSDT']. */
export const parseSymbols = (text: string) => [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];

export function useOpenOrders(venue: VenueId): [OpenOrdersState, (symbols?: string[]) => Promise<OpenOrdersState>, () => void] {
  const [state, setState] = useState<OpenOrdersState>({ kind: 'idle' });
  async function load(symbols?: string[]): Promise<OpenOrdersState> {
    setState({ kind: 'loading' });
    const reply = await send({ type: 'open-orders', venue, ...(symbols?.length ? { symbols } : {}) });
    const next: OpenOrdersState = !reply.ok
      ? { kind: 'error', text: reply.error }
      : 'outcome' in reply
        ? { kind: 'error', text: `Could not list open orders: ${reply.outcome.message ?? reply.outcome.kind}` }
        : 'uncounted' in reply
          ? { kind: 'needs-symbol' }
          : { kind: 'ready', orders: reply.orders.filter((o) => o.state !== 'closed'), symbols: reply.symbols, ...(reply.more ? { more: true as const } : {}) };
    setState(next);
    return next;
  }
  return [state, load, () => setState({ kind: 'idle' })];
}
