import { describe, expect, it } from 'vitest';
import { contentMessageSchema, pageMessageSchema } from '../../lib/messages';

describe('runtime message schemas', () => {
  it('accepts a content script cancel, with hints defaulting to none', () => {
    expect(contentMessageSchema.parse({ type: 'cancel', venue: 'pocketful', orderId: ' 123 ' })).toEqual({ type: 'cancel', venue: 'pocketful', orderId: '123', hints: {} });
  });

  it.each([
    ['unknown type', { type: 'credentials.set', venue: 'pocketful', credentials: {} }],
    ['unknown venue', { type: 'cancel', venue: 'binance', orderId: '1' }],
    ['empty id', { type: 'cancel', venue: 'pocketful', orderId: '   ' }],
    ['huge id', { type: 'cancel', venue: 'pocketful', orderId: 'x'.repeat(129) }],
    ['hints that are not strings', { type: 'cancel', venue: 'pocketful', orderId: '1', hints: { qty: 5 } }],
    ['a status asking for too many symbols', { type: 'status', venue: 'zebpay-futures', orderIds: [], orders: true, symbols: Array.from({ length: 21 }, (_, i) => `SYM${i}`) }],
    ['a status with a symbol that is not one', { type: 'status', venue: 'zebpay-futures', orderIds: [], orders: true, symbols: ['BTC INR<script>'] }],
    ['not an object', 'cancel'],
    ['null', null],
  ])('a content script may not send: %s', (_, message) => {
    expect(contentMessageSchema.safeParse(message).success).toBe(false);
  });

  it('a status may carry the symbols the page\'s rows show (ZebPay lists open orders per symbol)', () => {
    const m = { type: 'status', venue: 'zebpay-futures', orderIds: [], orders: true, symbols: ['BTCINR', 'ETHINR'] };
    expect(contentMessageSchema.parse(m)).toEqual(m);
  });

  it('extension pages may send more, still validated', () => {
    expect(pageMessageSchema.safeParse({ type: 'credentials.set', venue: 'coinswitch', credentials: { apiKey: 'x' } }).success).toBe(true);
    expect(pageMessageSchema.safeParse({ type: 'cancel-all', venue: 'tradernet' }).success).toBe(true);
    expect(pageMessageSchema.safeParse({ type: 'retry', entryId: 'not-a-uuid' }).success).toBe(false);
  });

  it('an exact-list cancel names at least one order, and symbols look like symbols', () => {
    const ok = (m: unknown) => pageMessageSchema.safeParse(m).success;
    expect(ok({ type: 'cancel-orders', venue: 'pocketful', orderIds: ['1', '2'], listed: ['1', '2', '3'] })).toBe(true);
    expect(ok({ type: 'cancel-orders', venue: 'zebpay-futures', orderIds: ['a1'], symbols: ['BTCUSDT'] })).toBe(true);
    expect(ok({ type: 'cancel-orders', venue: 'pocketful', orderIds: [] })).toBe(false);
    expect(ok({ type: 'cancel-orders', venue: 'pocketful', orderIds: ['1'], symbols: ['BTC/USDT'] })).toBe(false);
    expect(ok({ type: 'open-orders', venue: 'zebpay-futures', symbols: ['ETHUSDT'] })).toBe(true);
    expect(ok({ type: 'panic' })).toBe(true);
  });

  it('a content script\'s cancel may carry a row menu\'s scope with the exact orders it confirmed, or a timer, never both or half', () => {
    const ok = (m: object) => contentMessageSchema.safeParse({ type: 'cancel', venue: 'tradernet', orderId: '8394001', ...m }).success;
    expect(ok({ scope: { symbol: 'AAPL.US' }, orderIds: ['8394001', '8394003'] })).toBe(true);
    expect(ok({ scope: { symbol: 'AAPL.US', side: 'buy' }, orderIds: ['8394001'] })).toBe(true);
    expect(ok({ after: 30 })).toBe(true);
    expect(ok({ scope: { symbol: 'AAPL.US' } })).toBe(false);
    expect(ok({ orderIds: ['8394001'] })).toBe(false);
    expect(ok({ scope: { symbol: 'AAPL.US' }, orderIds: [] })).toBe(false);
    expect(ok({ scope: { symbol: 'AAPL.US', side: 'long' }, orderIds: ['1'] })).toBe(false);
    expect(ok({ scope: { symbol: '' }, orderIds: ['1'] })).toBe(false);
    expect(ok({ scope: { symbol: 'AAPL.US' }, orderIds: ['1'], after: 30 })).toBe(false);
    expect(ok({ after: 0 })).toBe(false);
    expect(ok({ after: 2.5 })).toBe(false);
    expect(ok({ after: 3_601 })).toBe(false);
  });

  it('a status may ask for the row menu\'s script by its one name, and for nothing else', () => {
    const status = (load: unknown) => contentMessageSchema.safeParse({ type: 'status', venue: 'tradernet', orderIds: [], load });
    expect(status('row-menu').success).toBe(true);
    expect(status(undefined).success).toBe(true);
    for (const other of ['teach', '/row-menu.js', 'row-menu.js', '../background', 'ROW-MENU', '', true, ['row-menu'], { file: 'row-menu' }]) {
      expect(status(other).success, JSON.stringify(other)).toBe(false);
    }
  });
});
