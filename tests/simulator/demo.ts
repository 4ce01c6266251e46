// The demo book: a few open orders (and one filled) per venue, plus the made-up credentials the
// simulator accepts. Used by `npm start` and the benchmarks.
import type { VenueId } from '../../lib/venues/types';
import type { SimOrderSeed } from './types';
import type { Simulator } from './server';
import { COINSWITCH_TEST_CREDENTIALS } from './venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from './venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from './venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from './venues/zebpay-futures';

export interface DemoVenue {
  venue: VenueId;
  url: string;
  credentials: unknown;
  orders: SimOrderSeed[];
}

const t0 = Date.now();

export const demoVenues: DemoVenue[] = [
  {
    venue: 'pocketful',
    url: 'https://trade.pocketful.in/orders',
    credentials: PACE_TEST_CREDENTIALS.pocketful,
    orders: [
      { id: '202611220101', symbol: 'RELIANCE', side: 'BUY', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } },
      { id: '202611220102', symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } },
      { id: '202611220103', symbol: 'HDFCBANK', side: 'BUY', price: 1650.25, quantity: 20, extra: { executionType: 'AMO', exchangeOrderId: '' } },
      { id: '202611220104', symbol: 'INFY', side: 'BUY', price: 1500, quantity: 2, status: 'filled', filled: 2 },
    ],
  },
  {
    venue: 'pacetrader',
    url: 'https://pacetrader.pacefin.in/orders',
    credentials: PACE_TEST_CREDENTIALS.pacetrader,
    orders: [
      { id: '20261122-11', symbol: 'NIFTY26NOVFUT', side: 'SELL', price: 24310, quantity: 75, extra: { executionType: 'BO', exchangeOrderId: '1100000012345678', legOrderIndicator: 'ENTRY' } },
      { id: '20261122-12', symbol: 'SBIN', side: 'BUY', price: 812.4, quantity: 40, extra: { executionType: 'REGULAR' } },
      { id: '20261122-13', symbol: 'ITC', side: 'SELL', price: 455, quantity: 10, status: 'cancelled' },
    ],
  },
  {
    venue: 'zebpay-futures',
    url: 'https://zebpay.com/in/futures/orders',
    credentials: ZEBPAY_TEST_CREDENTIALS,
    orders: [
      { id: 'qc-demo-btc-001', symbol: 'BTCINR', side: 'BUY', price: 8_150_000, quantity: 0.01 },
      { id: 'qc-demo-eth-002', symbol: 'ETHINR', side: 'SELL', price: 312_500, quantity: 0.2 },
      { id: 'qc-demo-sol-003', symbol: 'SOLINR', side: 'BUY', price: 14_200, quantity: 3, status: 'filled', filled: 3 },
    ],
  },
  {
    venue: 'tradernet',
    url: 'https://tradernet.com/terminal/',
    credentials: TRADERNET_TEST_CREDENTIALS,
    orders: [
      { id: '4071200001', symbol: 'AAPL.US', side: 'BUY', price: 228.4, quantity: 10 },
      { id: '4071200002', symbol: 'TSLA.US', side: 'SELL', price: 342, quantity: 4 },
      { id: '4071200003', symbol: 'NVDA.US', side: 'BUY', price: 141.2, quantity: 5, status: 'filled', filled: 5 },
    ],
  },
  {
    venue: 'coinswitch',
    url: 'https://pro.coinswitch.co/orders',
    credentials: COINSWITCH_TEST_CREDENTIALS,
    orders: [
      { id: '6a1f0c2e-8d4b-4c53-9e0a-3b2f7d9c1a01', symbol: 'BTC/INR', side: 'BUY', price: 8_140_000, quantity: 0.002, extra: { exchange: 'coinswitchx' } },
      { id: '6a1f0c2e-8d4b-4c53-9e0a-3b2f7d9c1a02', symbol: 'ETH/USDT', side: 'SELL', price: 3_710, quantity: 0.5, extra: { exchange: 'c2c1' } },
      { id: '6a1f0c2e-8d4b-4c53-9e0a-3b2f7d9c1a03', symbol: 'SOL/INR', side: 'BUY', price: 14_180, quantity: 2, status: 'cancelled' },
    ],
  },
];

export function seedDemo(sim: Simulator): void {
  for (const v of demoVenues) sim.seed(v.venue, v.orders.map((o, i) => ({ createdAtMs: t0 - (v.orders.length - i) * 60_000, ...o })));
}
