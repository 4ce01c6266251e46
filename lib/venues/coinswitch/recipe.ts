// CoinSwitch PRO (pro.coinswitch.co, coinswitch.co/pro): a virtualised list of div rows with CSS-
// module class names (OpenOrders_row__<hash>); the hash changes with every deploy, the prefix does
// not. The order id is a UUID, sometimes truncated on screen with the full value in a title.
import type { Recipe } from '../../page/types';

export const coinswitchRecipe: Recipe = {
  row: '[class*="OpenOrders_row__"]',
  id: '[class*="OpenOrders_orderId__"]',
  status: '[class*="OpenOrders_status__"]',
  slot: '[class*="OpenOrders_actions__"]',
  hints: {
    symbol: '[class*="OpenOrders_pair__"]',
    side: '[class*="OpenOrders_side__"]',
    quantity: '[class*="OpenOrders_amount__"]',
    price: '[class*="OpenOrders_price__"]',
  },
};
