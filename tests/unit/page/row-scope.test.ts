// What a row's menu offers to cancel besides its order, from the venue's open orders: the row's
// symbol as the venue spells it, its side, and exactly the orders each scope covers.
import { describe, expect, it } from 'vitest';
import type { KnownOrder } from '../../../lib/model';
import { KnownOrders } from '../../../lib/page/detect/known';
import { menuOffer, NO_LIST, orderLine } from '../../../lib/page/runtime/row-scope';

const known = (orders: Array<Partial<KnownOrder> & { orderId: string }>) => new KnownOrders(orders.map((o) => ({ open: true, ...o })));
const ids = (offer: ReturnType<typeof menuOffer>) => offer.scopes.map((s) => [s.label, s.scope, s.orders.map((o) => o.orderId)]);

const BOOK = known([
  { orderId: '1', symbol: 'SBIN', side: 'B', price: '812.4', quantity: '5' },
  { orderId: '2', symbol: 'SBIN', side: 'S' },
  { orderId: '3', symbol: 'SBIN', side: 'B' },
  { orderId: '4', symbol: 'TCS', side: 'B' },
  { orderId: '5', symbol: 'SBIN', side: 'B', open: false },
]);

describe('the row menu\'s scopes', () => {
  it('a row anchored to the venue\'s order takes its symbol and side, and lists the open orders of each scope', () => {
    expect(ids(menuOffer(BOOK, '1', { symbol: 'whatever the page shows' }))).toEqual([
      ['Cancel all SBIN', { symbol: 'SBIN' }, ['1', '2', '3']],
      ['Cancel all Buy SBIN', { symbol: 'SBIN', side: 'buy' }, ['1', '3']],
    ]);
  });

  it('a row the venue did not report is matched by what it shows, in the venue\'s spelling', () => {
    expect(ids(menuOffer(BOOK, 'page-only', { symbol: 'NSE:SBIN-EQ', side: 'SELL' }))).toEqual([
      ['Cancel all SBIN', { symbol: 'SBIN' }, ['1', '2', '3']],
      ['Cancel all Sell SBIN', { symbol: 'SBIN', side: 'sell' }, ['2']],
    ]);
  });

  it('offers what it has data for: no side, only the symbol; no symbol, nothing; no list, a note', () => {
    expect(ids(menuOffer(BOOK, 'x', { symbol: 'TCS' }))).toEqual([['Cancel all TCS', { symbol: 'TCS' }, ['4']]]);
    expect(menuOffer(BOOK, 'x', { side: 'BUY' })).toEqual({ scopes: [] });
    expect(menuOffer(BOOK, 'x', { symbol: 'INFY' })).toEqual({ scopes: [] });
    expect(menuOffer(undefined, '1', { symbol: 'SBIN' })).toEqual({ scopes: [], note: NO_LIST });
  });

  it('a confirmation line shows id, side, quantity and price as the venue gives them', () => {
    expect(orderLine({ orderId: '1', open: true, side: 'B', price: '812.4', quantity: '5' })).toBe('1 · B 5 @ 812.4');
  });
});
