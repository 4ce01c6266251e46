// Tradernet / Freedom24 web terminal: the orders widget is a table of BEM-named rows showing the
// numeric order id (the exchange's order number is a different column and cannot cancel).
import type { Recipe } from '../../page/types';

export const tradernetRecipe: Recipe = {
  row: 'tr.order-line',
  id: 'td.order-line__id',
  status: 'td.order-line__status',
  slot: 'td.order-line__actions',
  hints: {
    symbol: 'td.order-line__ticker',
    side: 'td.order-line__oper',
    quantity: 'td.order-line__qty',
    price: 'td.order-line__price',
    exchangeOrderId: 'td.order-line__nb',
  },
};
