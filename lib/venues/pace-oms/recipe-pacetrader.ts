// PaceTrader (pacetrader.pacefin.in, Tradelab's terminal): the order book's header sits in its own
// table above a scrolling body table; body cells name their column in data-col. BO/CO legs share
// one OMS order number, so the leg travels as a hint.
import type { Recipe } from '../../page/types';

export const pacetraderRecipe: Recipe = {
  row: 'tr[data-row-key]',
  id: '[data-col=oms_order_id]',
  status: '[data-col=status]',
  slot: '[data-col=action]',
  hints: {
    symbol: '.tl-symbol',
    side: '[data-col=side]',
    quantity: '[data-col=qty]',
    price: '[data-col=price]',
    type: '[data-col=product]',
    exchangeOrderId: '[data-col=exchange_order_id]',
    leg: '[data-col=leg]',
  },
};
