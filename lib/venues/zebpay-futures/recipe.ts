// ZebPay Futures (zebpay.com, a React app with generated class names): open orders are div rows
// marked with data-testid; every cell names its column in data-label. ZebPay cancels by the client
// order id; the exchange's own order id is passed on as a hint only.
import type { Recipe } from '../../page/types';

export const zebpayFuturesRecipe: Recipe = {
  row: '[data-testid="open-order-row"]',
  id: '[data-label="Client Order ID"]',
  status: '[data-label="Status"]',
  slot: '[data-label="Action"]',
  hints: {
    symbol: '[data-label="Contract"]',
    side: '[data-label="Side"]',
    quantity: '[data-label="Amount"]',
    price: '[data-label="Price"]',
    exchangeOrderId: '[data-label="Order ID"]',
  },
};
