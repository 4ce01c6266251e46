// Pocketful's web terminal (trade.pocketful.in, on the Tradelab OMS): the order book is a table
// whose rows carry the OMS order number in its own cell.
import type { Recipe } from '../../page/types';

export const pocketfulRecipe: Recipe = {
  row: 'tr.order-row',
  id: 'td.oms-id',
  status: '.status',
  slot: 'td.actions',
  hints: { symbol: '.sym', side: 'td.side', quantity: '.qty .total', price: 'td.price', type: 'td.type' },
};
