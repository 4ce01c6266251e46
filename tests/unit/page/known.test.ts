// Venue-anchored detection (DESIGN.md, "Page detection"): the venue's own open orders are the
// truth, and the page only says where each order is drawn. Pages here are written the way trading
// UIs are: utility and hashed classes, copy buttons, icon glyphs, sort arrows, no id column.
import { afterEach, describe, expect, it } from 'vitest';
import { detectOrderRows } from '../../../lib/page/detect/detect';
import { KnownOrders, matchFields } from '../../../lib/page/detect/known';
import type { KnownOrder } from '../../../lib/page/types';
import type { VenueId } from '../../../lib/venues/types';

afterEach(() => {
  document.body.innerHTML = '';
});

const read = (venue: VenueId, known?: KnownOrder[]) =>
  detectOrderRows(document, venue, [], known).map((d) => `${d.orderId}:${d.cancellable ? 'open' : 'closed'}:${d.source ?? '-'}`);

const copy = '<button class="tw-ml-1 tw-opacity-60" aria-label="Copy"><svg viewBox="0 0 16 16"><path d="M0 0h8v8H0z"/></svg></button>';
const sort = '<span class="css-1q2w3e" aria-hidden="true">▲▼</span>';

/** A CoinSwitch PRO-like open-orders panel: no order-id column at all. */
function coinswitchBook(rows: Array<[string, string, string, string, string?]>, withTime = false) {
  document.body.innerHTML = `<section class="tw-flex tw-flex-col"><h3 class="tw-text-sm">Open Orders (${rows.length})</h3>
    <table class="css-9f8e7d"><thead><tr class="tw-h-8">
      <th>Pair ${sort}</th><th>Side</th><th>Price (INR)</th><th>Amount</th>${withTime ? '<th>Time</th>' : ''}<th>Status</th><th></th>
    </tr></thead><tbody>${rows
      .map(([pair, side, price, qty, time]) => `<tr class="css-a1b2c3"><td><img alt="" src="data:,"><span class="tw-font-medium">${pair}</span></td>
        <td><span class="${side === 'Buy' ? 'tw-text-green-500' : 'tw-text-red-500'}">${side}</span></td>
        <td>${price}</td><td>${qty}</td>${withTime ? `<td>${time}</td>` : ''}<td><i class="icon-clock" title="Open"></i>&nbsp;Open</td><td><button class="tw-btn">✕</button></td></tr>`)
      .join('')}</tbody></table></section>`;
}

const uuid = (n: number) => `698ed406-8ef5-4664-9779-f7978702a4${String(n).padStart(2, '0')}`;
const known = (n: number, extra: Partial<KnownOrder> = {}): KnownOrder => ({
  orderId: uuid(n), open: true, symbol: 'BTC/INR', side: 'BUY', price: '5400000', quantity: '0.001', ...extra,
});

describe('a page that shows no order id', () => {
  it('matches each row to the one open order it shows, and cancels the venue order by its id', () => {
    coinswitchBook([['BTC/INR', 'Buy', '₹54,00,000.00', '0.001'], ['ETH/INR', 'Sell', '2,10,500.5', '0.25']]);
    const orders = [known(1), known(2, { symbol: 'ETH/INR', side: 'SELL', price: '210500.50', quantity: '0.25' }), known(3, { symbol: 'SOL/INR' })];
    expect(read('coinswitch', orders)).toEqual([`${uuid(1)}:open:venue`, `${uuid(2)}:open:venue`]);
  });

  it('gets no controls without the venue list: nothing on the page says which order a row is', () => {
    coinswitchBook([['BTC/INR', 'Buy', '54,00,000', '0.001']]);
    expect(read('coinswitch')).toEqual([]);
  });

  it('never guesses between two orders that look the same, unless the time shown tells them apart', () => {
    const twins = [known(1, { placedAtMs: new Date(2026, 11, 2, 10, 31, 5).getTime() }), known(2, { placedAtMs: new Date(2026, 11, 2, 10, 32, 40).getTime() })];
    coinswitchBook([['BTC/INR', 'Buy', '54,00,000', '0.001']]);
    expect(read('coinswitch', twins)).toEqual([]);
    coinswitchBook([['BTC/INR', 'Buy', '54,00,000', '0.001', '02 Dec, 10:32:40']], true);
    expect(read('coinswitch', twins)).toEqual([`${uuid(2)}:open:venue`]);
  });

  it('matches nothing when a field disagrees, or when too little is shown to tell', () => {
    coinswitchBook([['BTC/INR', 'Sell', '54,00,000', '0.001'], ['BTC/INR', 'Buy', '54,00,001', '0.001']]);
    expect(read('coinswitch', [known(1)])).toEqual([]);
    document.body.innerHTML = '<table><thead><tr><th>Pair</th><th>Side</th><th>Status</th></tr></thead><tbody><tr><td>BTC/INR</td><td>Buy</td><td>Open</td></tr></tbody></table>';
    expect(read('coinswitch', [known(1)])).toEqual([]);
  });

  it('drops a match two rows claim: they cannot both be that order', () => {
    coinswitchBook([['BTC/INR', 'Buy', '54,00,000', '0.001'], ['BTC/INR', 'Buy', '54,00,000.0', '0.0010']]);
    expect(read('coinswitch', [known(1)])).toEqual([]);
  });

  it('leaves trade and history tables alone, even when a fill there looks like an open order', () => {
    document.body.innerHTML = `<h3>Trade History</h3><table><thead><tr><th>Pair</th><th>Side</th><th>Price</th><th>Amount</th></tr></thead>
      <tbody><tr><td>BTC/INR</td><td>Buy</td><td>5400000</td><td>0.001</td></tr></tbody></table>`;
    expect(read('coinswitch', [known(1)])).toEqual([]);
  });
});

describe('a page that shows an id', () => {
  it('anchors a row to the venue order whose id it shows, copy buttons and glyphs around it', () => {
    document.body.innerHTML = `<table class="css-1x2y3z"><thead><tr><th>Order No. ${sort}</th><th>Symbol</th><th>Status</th></tr></thead><tbody>
      <tr><td><span>202611220001</span>${copy}</td><td>SBIN-EQ</td><td>OPEN</td></tr>
      <tr><td><span>202611220002</span>${copy}</td><td>INFY-EQ</td><td>OPEN</td></tr></tbody></table>`;
    const orders: KnownOrder[] = [{ orderId: '202611220001', open: true }, { orderId: '202611220002', open: false }];
    // The venue says the second one is no longer open: it gets no live control, whatever the page still shows.
    expect(read('pacetrader', orders)).toEqual(['202611220001:open:venue', '202611220002:closed:venue']);
  });

  it('reads an id the venue did not report as the page shows it, marked as the page\'s', () => {
    document.body.innerHTML = '<table><thead><tr><th>Order No.</th><th>Status</th></tr></thead><tbody><tr><td>202611220009</td><td>OPEN</td></tr></tbody></table>';
    expect(read('pacetrader', [{ orderId: '202611220001', open: true }])).toEqual(['202611220009:open:page']);
  });

  it('finds the order from an id the venue does not cancel by (an exchange order number)', () => {
    document.body.innerHTML = `<table><thead><tr><th>Exch. Order ID <i class="icon-info"></i></th><th>Symbol</th><th>Status</th></tr></thead><tbody>
      <tr><td>1100000031337042&nbsp;${copy}</td><td>SBIN-EQ</td><td>Trigger pending</td></tr></tbody></table>`;
    expect(read('pacetrader')).toEqual([]);
    expect(read('pacetrader', [{ orderId: '202611220001', otherIds: ['1100000031337042'], open: true }])).toEqual(['202611220001:open:venue']);
  });
});

describe('matching fields as a person reads them', () => {
  const index = new KnownOrders([
    { orderId: 'a', open: true, symbol: 'SBIN-EQ', side: 'B', price: '812.35', quantity: '10' },
    { orderId: 'b', open: true, symbol: 'BTCUSDT', side: 'SELL', price: '0.00001234', quantity: '1500' },
  ]);
  it.each([
    [{ symbol: 'NSE:SBIN', side: 'BUY', price: '₹ 812.35', quantity: '0 / 10' }, 'a'],
    [{ symbol: 'btc/usdt', side: 'Short', price: '0.0000123', quantity: '1,500' }, 'b'],
    [{ symbol: 'BTC-USDT', side: 'sell', price: '0.00001235', quantity: '1500' }, undefined],
    [{ symbol: 'SBIN', price: '812.35' }, undefined],
  ])('%j → %s', (fields, id) => {
    expect(matchFields(fields, index)?.orderId).toBe(id);
  });
});
