// What a row's menu offers to cancel besides its own order, as pure functions: "cancel all
// <symbol>" and "cancel all <side> <symbol>", each with exactly the open orders the venue reported
// for that scope — the list its confirmation shows and the only ids sent. The symbol and side are
// the venue's (the order the row is anchored to), or else what the row shows, matched to the
// venue's spelling. Without the venue's list there is nothing to confirm, so nothing is offered.
import type { KnownOrder } from '@/lib/model';
import { sameSymbol, sideOf, type KnownOrders } from '../detect/known';

export interface RowScope {
  /** As the venue spells it. */
  symbol: string;
  side?: 'buy' | 'sell';
}

export interface ScopeChoice {
  label: string;
  scope: RowScope;
  /** The venue's open orders in the scope: what the confirmation lists. */
  orders: KnownOrder[];
}

export interface MenuOffer {
  scopes: ScopeChoice[];
  /** Why no scope is offered, when that is worth saying. */
  note?: string;
}

export const NO_LIST = 'Cancel all of a symbol: QuickCancel must be unlocked, with this venue’s keys';

export function menuOffer(known: KnownOrders | undefined, orderId: string, hints: Record<string, string>): MenuOffer {
  if (!known) return { scopes: [], note: NO_LIST };
  const own = known.byAnyId(orderId);
  const shown = hints.symbol;
  const symbol = own?.symbol ?? (shown ? known.open.find((o) => o.symbol && sameSymbol(shown, o.symbol))?.symbol : undefined);
  if (!symbol) return { scopes: [] };
  const side = sideOf(own?.side ?? hints.side ?? '');
  const all = known.open.filter((o) => o.symbol === symbol);
  const scopes: ScopeChoice[] = [{ label: `Cancel all ${symbol}`, scope: { symbol }, orders: all }];
  if (side) {
    const sided = all.filter((o) => sideOf(o.side ?? '') === side);
    scopes.push({ label: `Cancel all ${side === 'buy' ? 'Buy' : 'Sell'} ${symbol}`, scope: { symbol, side }, orders: sided });
  }
  return { scopes: scopes.filter((c) => c.orders.length > 0) };
}

/** One line of the confirmation, in the venue's words: "8393001 · BUY 10 @ 150.5". */
export const orderLine = (o: KnownOrder) => `${o.orderId} · ${o.side ?? ''} ${o.quantity ?? ''} @ ${o.price ?? ''}`;
