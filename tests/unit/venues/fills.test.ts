// @vitest-environment node
// What each venue's order rows say is filled, read into quantity and remaining exactly from the
// fields its document names, for a lookup and for the open-orders list. A closed order's "left"
// field may be zeroed by the venue whatever it filled, so where a venue gives the fill itself, the
// fill wins; where it gives only what is left, a closed row's remainder is not trusted.
import { describe, expect, it } from 'vitest';
import { fillOf } from '../../../lib/outcome-text';
import { venues, isOrders, type HttpResponse, type OrderView, type VenueId } from '../../../lib/venues';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';

const NOW = 1_712_345_678_901;
const CREDS: Record<VenueId, unknown> = {
  pocketful: PACE_TEST_CREDENTIALS.pocketful,
  pacetrader: PACE_TEST_CREDENTIALS.pacetrader,
  'zebpay-futures': ZEBPAY_TEST_CREDENTIALS,
  tradernet: TRADERNET_TEST_CREDENTIALS,
  coinswitch: COINSWITCH_TEST_CREDENTIALS,
};
const ok = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function read(venue: VenueId, op: 'lookup' | 'openOrders', body: unknown, order: Record<string, unknown> = {}): OrderView {
  const result = venues[venue][op].parse(ok(body), { order, credentials: CREDS[venue], nowMs: NOW } as never);
  if (!isOrders(result) || result.orders.length !== 1) throw new Error(`expected one order: ${JSON.stringify(result)}`);
  return result.orders[0]!;
}
const fill = (v: OrderView) => ({ quantity: v.quantity, remaining: v.remaining, fill: fillOf(v) });

describe('CoinSwitch PRO: orig_qty and executed_qty (Get Order and open orders)', () => {
  const row = (status: string, orig_qty: number, executed_qty: number) => ({
    order_id: '698ed406-8ef5-4664-9779-f7978702a447', symbol: 'BTC/INR', price: 2300000, average_price: 0, orig_qty, executed_qty,
    status, side: 'SELL', exchange: 'coinswitchx', order_source: 'API_TRADING', created_time: 1689661638000, updated_time: 1689661639000,
  });
  it.each([
    ['lookup', 'OPEN', 10, 0, { quantity: 10, remaining: 10, fill: { qty: 0, of: 10 } }],
    ['lookup', 'PARTIALLY_EXECUTED', 10, 3, { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    ['lookup', 'CANCELLED', 10, 3, { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    ['lookup', 'EXECUTED', 0.00005, 0.00005, { quantity: 0.00005, remaining: 0, fill: { qty: 0.00005, of: 0.00005 } }],
    ['openOrders', 'PARTIALLY_EXECUTED', 0.3, 0.1, { quantity: 0.3, remaining: 0.2, fill: { qty: 0.1, of: 0.3 } }],
  ] as const)('%s %s %d/%d', (op, status, q, e, expected) => {
    const body = op === 'lookup' ? { data: row(status, q, e) } : { data: { orders: [row(status, q, e)] } };
    expect(fill(read('coinswitch', op, body, { orderId: '698ed406-8ef5-4664-9779-f7978702a447' }))).toEqual(expected);
  });

  it('the cancel answer is the order: its executed_qty travels with the outcome', () => {
    const parse = (status: string, e: number) => venues.coinswitch.cancel.parse(ok({ data: row(status, 10, e) }), { order: { orderId: 'x' }, credentials: CREDS.coinswitch, nowMs: NOW } as never);
    expect(parse('CANCELLED', 3)).toMatchObject({ kind: 'cancelled', filled: { qty: 3, of: 10 } });
    expect(parse('CANCELLATION_RAISED', 2)).toMatchObject({ kind: 'pending', filled: { qty: 2, of: 10 } });
    expect(parse('EXECUTED', 10)).toMatchObject({ kind: 'already-closed', filled: { qty: 10, of: 10 } });
    expect(parse('CANCELLED', 0)).toMatchObject({ kind: 'cancelled', filled: { qty: 0, of: 10 } });
  });
});

describe('ZebPay Futures: amount, filled, remaining (section 5)', () => {
  const row = (status: string, amount: number, filled?: number, remaining?: number) => ({
    clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT', side: 'BUY', type: 'limit', price: 100, amount,
    ...(filled !== undefined ? { filled } : {}), ...(remaining !== undefined ? { remaining } : {}), timestamp: 1712345678000, status,
  });
  const env = (data: unknown) => ({ statusDescription: 'Success', data, statusCode: 200, customMessage: ['OK'] });
  it.each([
    ['lookup', row('open', 10, 3, 7), { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    // A cancelled order whose `remaining` is zeroed: `filled` says what really traded.
    ['lookup', row('canceled', 10, 3, 0), { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    ['lookup', row('canceled', 10, 0, 0), { quantity: 10, remaining: 10, fill: { qty: 0, of: 10 } }],
    ['lookup', row('filled', 10, 10, 0), { quantity: 10, remaining: 0, fill: { qty: 10, of: 10 } }],
    ['lookup', row('open', 10, undefined, 4), { quantity: 10, remaining: 4, fill: { qty: 6, of: 10 } }],
    ['lookup', row('open', 0.2, 0.05, 0.15), { quantity: 0.2, remaining: 0.15, fill: { qty: 0.05, of: 0.2 } }],
    ['openOrders', row('open', 10, 3, 7), { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
  ] as const)('%s %j', (op, r, expected) => {
    const body = op === 'lookup' ? env(r) : env({ items: [r], totalCount: 1 });
    expect(fill(read('zebpay-futures', op, body, { clientOrderId: 'myLimitOrder456', symbol: 'BTCUSDT' }))).toEqual(expected);
  });
});

describe('Pace OMS (PaceTrader, Pocketful): quantity, filled_quantity, remaining_quantity', () => {
  const row = (order_status: string, quantity: number, filled_quantity?: number, remaining_quantity?: number) => ({
    oms_order_id: '202403132605', exchange_order_id: '1300000034566552', execution_type: 'CO', leg_order_indicator: 'ENTRY', order_status,
    trading_symbol: 'TCS-EQ', order_side: 'BUY', quantity, price: 100, order_entry_time: 1712345678,
    ...(filled_quantity !== undefined ? { filled_quantity } : {}), ...(remaining_quantity !== undefined ? { remaining_quantity } : {}),
  });
  const history = (r: Record<string, unknown>) => ({ data: { 'order history': [{ ...r, status: r.order_status, modified_at: 1712345679 }] }, message: '', status: 'success' });
  it.each([
    ['pocketful', 'openOrders', row('OPEN', 10, 3, 7), { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    ['pacetrader', 'openOrders', row('OPEN', 10, undefined, 6), { quantity: 10, remaining: 6, fill: { qty: 4, of: 10 } }],
    ['pocketful', 'lookup', row('CANCELLED', 10, 3, 0), { quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } }],
    ['pacetrader', 'lookup', row('COMPLETE', 10, 10, 0), { quantity: 10, remaining: 0, fill: { qty: 10, of: 10 } }],
  ] as const)('%s %s %j', (venue, op, r, expected) => {
    const body = op === 'lookup' ? history(r) : { data: { orders: [r] }, message: '', status: 'success' };
    expect(fill(read(venue, op, body, { omsOrderId: '202403132605' }))).toEqual(expected);
  });
});

describe('Tradernet: q and leaves_qty', () => {
  const row = (leaves_qty: number) => ({ id: 2929292929, order_id: 2929292929, instr: 'AAPL.US', oper: 1, type: 2, p: 100, q: 10, leaves_qty, stat: 2, date: '2026-08-19T14:30:00.000' });
  const list = (r: unknown) => ({ result: { orders: { key: 'x', order: [r] } } });
  it('in the active list, leaves_qty is what is left: 3 of 10 filled', () => {
    expect(fill(read('tradernet', 'openOrders', list(row(7))))).toEqual({ quantity: 10, remaining: 7, fill: { qty: 3, of: 10 } });
  });
  it('in a lookup (active and closed orders), leaves_qty is not read: a closed order may say 0 left whatever it filled', () => {
    expect(fill(read('tradernet', 'lookup', list(row(0)), { orderId: 2929292929 }))).toEqual({ quantity: 10, remaining: undefined, fill: undefined });
  });
});
