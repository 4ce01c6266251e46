// The demo book: a few open orders (and one filled) per venue, plus the made-up credentials the
// simulator accepts. Used by `npm start` and the benchmarks.
import type { VenueId } from '../../lib/venues/types';
import type { SimOrderSeed } from './types';
import type { Simulator } from './server';
import { PACE_TEST_CREDENTIALS } from './venues/pace-oms';

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
];

export function seedDemo(sim: Simulator): void {
  for (const v of demoVenues) sim.seed(v.venue, v.orders.map((o, i) => ({ createdAtMs: t0 - (v.orders.length - i) * 60_000, ...o })));
}
