// Each venue's own web UI at its real host, with the orders a page test seeds (tests/unit/page/samples):
// one open order to cancel with a click, one to fill, and one the venue adds later.
import type { VenueId } from '../../lib/venues/types';
import type { SimOrderSeed } from '../simulator/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../simulator/venues/zebpay-futures';

export interface Case {
  venue: VenueId;
  url: string;
  credentials: unknown;
  /** An open order to cancel with a click, and one to fill. */
  cancel: string;
  fill: string;
  added: SimOrderSeed;
}

export const CASES: Case[] = [
  { venue: 'pocketful', url: 'https://trade.pocketful.in/orders', credentials: PACE_TEST_CREDENTIALS.pocketful, cancel: '202611220002', fill: '202611220004', added: { id: '202611229001', symbol: 'WIPRO' } },
  { venue: 'pacetrader', url: 'https://pacetrader.pacefin.in/orders', credentials: PACE_TEST_CREDENTIALS.pacetrader, cancel: '202611220002', fill: '202611220004', added: { id: '20261122-91', symbol: 'WIPRO', extra: { executionType: 'CO', exchangeOrderId: '1300000099990001', legOrderIndicator: 'ENTRY' } } },
  { venue: 'zebpay-futures', url: 'https://zebpay.com/in/futures/orders', credentials: ZEBPAY_TEST_CREDENTIALS, cancel: 'myLimitOrder456', fill: '598d3bda315afed6f07f-370-zeb', added: { id: 'qcAdded001', symbol: 'BTCINR' } },
  { venue: 'tradernet', url: 'https://tradernet.com/terminal/', credentials: TRADERNET_TEST_CREDENTIALS, cancel: '8391021', fill: '8391022', added: { id: '8391099', symbol: 'AMZN.US' } },
  { venue: 'coinswitch', url: 'https://pro.coinswitch.co/spot/BTC-INR', credentials: COINSWITCH_TEST_CREDENTIALS, cancel: '698ed406-8ef5-4664-9779-f7978702a447', fill: '1c0a7f3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b', added: { id: '6b5f2c83-0ab2-4d34-8f50-6b7c8d9e0f1a', symbol: 'ADA/INR' } },
];
