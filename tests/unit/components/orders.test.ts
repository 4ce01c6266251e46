import { describe, expect, it } from 'vitest';
import { ANY_SCOPE, choices, describeScope, hasTimes, latest, resultText, select } from '../../../components/popup/orders';
import type { OrderView } from '../../../lib/model';
import { entry } from './dom';

const o = (key: string, symbol: string, side: string, createdAtMs?: number, more: Partial<OrderView> = {}): OrderView => ({
  key, state: 'open', venueStatus: 'OPEN', symbol, side, cancelFields: {}, ...(createdAtMs !== undefined ? { createdAtMs } : {}), ...more,
});

const BOOK = [
  o('1', 'TCS', 'BUY', 1000, { orderType: 'LIMIT' }),
  o('2', 'TCS', 'SELL', 3000, { orderType: 'STOP' }),
  o('3', 'INFY', 'buy', 2000, { orderType: 'LIMIT' }),
  o('4', 'TCS', 'B', 4000, { state: 'closed' }),
  o('5', 'tcs', 'Buy', 5000, { orderType: 'limit' }),
];
const keys = (orders: OrderView[]) => orders.map((x) => x.key);

describe('selecting the orders a scope covers', () => {
  it('any scope: every open order, newest first; closed ones never', () => {
    expect(keys(select(BOOK, ANY_SCOPE))).toEqual(['5', '2', '3', '1']);
  });

  it('by symbol (case as the venue spells it or not), by side whatever the venue calls it, by type', () => {
    expect(keys(select(BOOK, { ...ANY_SCOPE, symbol: 'TCS' }))).toEqual(['5', '2', '1']);
    expect(keys(select(BOOK, { ...ANY_SCOPE, side: 'BUY' }))).toEqual(['5', '3', '1']);
    expect(keys(select(BOOK, { ...ANY_SCOPE, symbol: 'TCS', side: 'SELL' }))).toEqual(['2']);
    expect(keys(select(BOOK, { ...ANY_SCOPE, orderType: 'LIMIT' }))).toEqual(['5', '3', '1']);
  });

  it('the last order placed, within the other filters; none when the venue gives no times', () => {
    expect(keys(select(BOOK, { ...ANY_SCOPE, lastOnly: true }))).toEqual(['5']);
    expect(keys(select(BOOK, { ...ANY_SCOPE, side: 'SELL', lastOnly: true }))).toEqual(['2']);
    const undated = [o('8', 'X', 'BUY'), o('9', 'X', 'SELL')];
    expect(select(undated, { ...ANY_SCOPE, lastOnly: true })).toEqual([]);
    expect(hasTimes(undated)).toBe(false);
    expect(hasTimes(BOOK)).toBe(true);
  });

  it('a scope that matches nothing selects nothing', () => {
    expect(select(BOOK, { ...ANY_SCOPE, symbol: 'WIPRO' })).toEqual([]);
  });

  it('offers the symbols and types the open orders have', () => {
    expect(choices(BOOK, 'symbol')).toEqual(['INFY', 'TCS', 'tcs']);
    expect(choices(BOOK, 'orderType')).toEqual(['LIMIT', 'STOP', 'limit']);
    expect(choices([o('1', 'X', 'BUY')], 'orderType')).toEqual([]);
  });

  it('says the scope in words', () => {
    expect(describeScope({ ...ANY_SCOPE, symbol: 'TCS', side: 'SELL' })).toBe('all open sell TCS orders');
    expect(describeScope({ ...ANY_SCOPE, lastOnly: true })).toBe('the last placed of the open orders');
  });
});

describe('the result of an exact-list cancel', () => {
  it('counts outcomes and says what appeared after the confirmation', () => {
    const done = [entry({ status: 'cancelled' }), entry({ status: 'cancelled' })];
    expect(resultText(done, 0)).toBe('2 cancels: 2 cancelled.');
    expect(resultText(done, 1)).toBe('2 cancels: 2 cancelled. 1 new order appeared after you confirmed and was left open.');
    expect(resultText(done, 3)).toBe('2 cancels: 2 cancelled. 3 new orders appeared after you confirmed and were left open.');
  });

  it('follows the live journal for entries still being checked', () => {
    const a = entry({ status: 'unknown' });
    const b = entry({ status: 'cancelled' });
    expect(latest([a, b], [{ ...a, status: 'cancelled' }]).map((e) => e.status)).toEqual(['cancelled', 'cancelled']);
    expect(latest([a], undefined)).toEqual([a]);
  });
});
