// Tradelab's web terminal (PaceTrader, Pocketful): the order book is a table whose rows carry the
// OMS order number in its own cell.
import type { Recipe } from '../types';

export const paceRecipe: Recipe = {
  venues: ['pacetrader', 'pocketful'],
  row: 'tr.order-row',
  id: 'td.oms-id',
  status: '.status',
  hints: { symbol: '.sym' },
};
