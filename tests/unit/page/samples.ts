// Orders for the fixture pages, one book per venue, every status the pages show.
import type { VenueId } from '../../../lib/venues/types';
import type { SimOrder, SimOrderSeed } from '../../simulator/types';

const t0 = Date.UTC(2026, 10, 22, 4, 0, 0);

export function orders(venue: VenueId, seeds: SimOrderSeed[]): SimOrder[] {
  return seeds.map((s, i) => ({
    venue, symbol: 'TEST', side: 'BUY', price: 100, quantity: 1, filled: 0, status: 'open',
    createdAtMs: t0 + i * 60_000, extra: {}, ...s,
  }));
}

const pace: SimOrderSeed[] = [
  { id: '202611220001', symbol: 'RELIANCE', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } },
  { id: '202611220002', symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } },
  { id: '202611220003', symbol: 'INFY', price: 1500, quantity: 2, status: 'filled', filled: 2 },
  { id: '202611220004', symbol: 'SBIN', price: 812.4, quantity: 5, filled: 2 },
  { id: '202611220005', symbol: 'ITC', side: 'SELL', price: 455, quantity: 10, status: 'cancelled' },
  { id: '20261122-16', symbol: 'HDFCBANK', price: 1650.25, quantity: 20, extra: { executionType: 'AMO', exchangeOrderId: '' } },
  { id: '202611220007', symbol: 'NIFTY26NOVFUT', side: 'SELL', price: 24310, quantity: 75, extra: { orderStatus: 'TRIGGER_PENDING' } },
  { id: '202611220008', symbol: 'LT', price: 3600, quantity: 1, status: 'rejected' },
  { id: '202611220009', symbol: 'AXISBANK', price: 1100, quantity: 3, status: 'cancelling' },
];

const zebpay: SimOrderSeed[] = [
  { id: 'myLimitOrder456', symbol: 'BTCINR', price: 5_200_000, quantity: 0.01 },
  { id: '598d3bda315afed6f07f-370-zeb', symbol: 'ETHINR', side: 'SELL', price: 310_000, quantity: 0.5, filled: 0.2, extra: { orderId: 912345678 } },
  { id: 'qc-filled-1', symbol: 'BTCINR', price: 5_100_000, quantity: 0.01, status: 'filled', filled: 0.01 },
  { id: 'qc-cxl-2', symbol: 'SOLINR', price: 12_000, quantity: 2, status: 'cancelled' },
  { id: 'qc-exp-3', symbol: 'BTCUSDT', price: 61_000, quantity: 0.002, status: 'expired' },
  { id: 'web_1732251234567', symbol: 'BTCUSDT', side: 'SELL', price: 62_500, quantity: 0.004, status: 'cancelling' },
];

const tradernet: SimOrderSeed[] = [
  { id: '8391021', symbol: 'AAPL.US', price: 187.5, quantity: 10, extra: { orderNb: '5501230001' } },
  { id: '8391022', symbol: 'TSLA.US', side: 'SELL', price: 242, quantity: 4, filled: 1 },
  { id: '8391023', symbol: 'MSFT.US', price: 410, quantity: 2, status: 'filled', filled: 2 },
  { id: '8391024', symbol: 'KZTO.KZ', price: 990, quantity: 100, status: 'cancelled' },
  { id: '8391025', symbol: 'NVDA.US', price: 130, quantity: 5, status: 'rejected' },
];

const coinswitch: SimOrderSeed[] = [
  { id: '698ed406-8ef5-4664-9779-f7978702a447', symbol: 'BTC/INR', price: 5_200_000, quantity: 0.001 },
  { id: '1c0a7f3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b', symbol: 'ETH/INR', side: 'SELL', price: 310_000, quantity: 0.1, filled: 0.05 },
  { id: '2d1b8e4f-6c7e-4f90-8b1c-2d3e4f5a6b7c', symbol: 'SOL/INR', price: 12_000, quantity: 1, status: 'cancelling' },
  { id: '3e2c9f50-7d8f-4a01-9c2d-3e4f5a6b7c8d', symbol: 'BTC/USDT', price: 61_000, quantity: 0.01, status: 'filled', filled: 0.01 },
  { id: '4f3d0a61-8e90-4b12-8d3e-4f5a6b7c8d9e', symbol: 'XRP/INR', price: 52, quantity: 100, status: 'cancelled' },
  { id: '5a4e1b72-9fa1-4c23-9e4f-5a6b7c8d9e0f', symbol: 'DOGE/INR', price: 14, quantity: 500, status: 'rejected' },
];

export const SAMPLES: Record<VenueId, SimOrderSeed[]> = { pocketful: pace, pacetrader: pace, 'zebpay-futures': zebpay, tradernet, coinswitch };

export const isOpen = (o: SimOrder) => o.status === 'open' || o.status === 'cancelling';
