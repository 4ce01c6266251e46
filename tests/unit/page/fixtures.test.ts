// Detection on every fixture page (each venue's web UI and each generic variant), rendered in
// happy-dom by the same runtime the simulator serves: which rows, which ids, which cancellable.
import { afterEach, describe, expect, it } from 'vitest';
import { detectOrderRows } from '../../../lib/page/detect/detect';
import { genericLayouts } from '../../../lib/page/detect/generic';
import type { VenueId } from '../../../lib/venues/types';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import type { SimOrder } from '../../simulator/types';
import { isOpen, orders, SAMPLES } from './samples';

afterEach(() => {
  document.body.innerHTML = '';
});

const page = (name: string) => {
  const p = namedPages().find((x) => x.name === name);
  if (!p) throw new Error(`no fixture ${name}`);
  return p;
};

/** What a page should yield: [id, cancellable] per shown order, sorted. */
const expected = (book: SimOrder[], shown: (o: SimOrder) => boolean, cancellable: (o: SimOrder) => boolean = isOpen) =>
  book.filter(shown).map((o) => [o.id, cancellable(o)] as const).sort();

const found = (venue: VenueId) =>
  detectOrderRows(document, venue).map((d) => {
    // The row found is the element the page rendered for that order.
    expect(d.row.getAttribute('data-sim-key')).toBe(d.orderId);
    return [d.orderId, d.cancellable] as const;
  }).sort();

const all = () => true;

describe('each venue\'s own page, through its recipe', () => {
  it.each([
    ['pocketful', all],
    ['pacetrader', all],
    ['zebpay-futures', isOpen], // open orders only: the history list below is not the order book
    ['tradernet', all],
    ['coinswitch', all],
  ] as const)('%s: every order row, its cancel id, open ones cancellable', async (venue, shown) => {
    const book = orders(venue, SAMPLES[venue]);
    await renderFixture(document, page(venue).fixture, book);
    const rows = found(venue);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows).toEqual(expected(book, shown));
    expect(rows.some(([, c]) => c)).toBe(true);
    expect(rows.some(([, c]) => !c) || venue === 'zebpay-futures').toBe(true);
  });

  it('Pocketful: symbol, side, quantity, price and type go along as hints', async () => {
    await renderFixture(document, page('pocketful').fixture, orders('pocketful', SAMPLES.pocketful));
    const row = detectOrderRows(document, 'pocketful').find((d) => d.orderId === '202611220002')!;
    expect(row.hints).toEqual({ symbol: 'TCS', side: 'SELL', quantity: '5', price: '4120.00', type: 'CO' });
    expect(row.status).toBe('CONFIRMED');
  });

  it('PaceTrader: the OMS number cancels; exchange order number and leg are hints; the icon glyph is not in the id', async () => {
    await renderFixture(document, page('pacetrader').fixture, orders('pacetrader', SAMPLES.pacetrader));
    const rows = detectOrderRows(document, 'pacetrader');
    const co = rows.find((d) => d.orderId === '202611220002')!;
    expect(co.hints).toMatchObject({ symbol: 'TCS', side: 'S', exchangeOrderId: '1300000034566552', leg: 'ENTRY', price: '₹ 4120.00' });
    expect(rows.find((d) => d.orderId === '202611220004')!.status).toBe('Partially Executed');
    expect(rows.find((d) => d.orderId === '20261122-16')!.status).toBe('AMO Req Received');
  });

  it('ZebPay: the client order id cancels, the exchange\'s order id is a hint', async () => {
    await renderFixture(document, page('zebpay-futures').fixture, orders('zebpay-futures', SAMPLES['zebpay-futures']));
    const row = detectOrderRows(document, 'zebpay-futures').find((d) => d.orderId === '598d3bda315afed6f07f-370-zeb')!;
    expect(row.hints).toMatchObject({ symbol: 'ETHINRPerp', side: 'Sell', exchangeOrderId: '912345678', quantity: '0.5' });
    expect(row.status).toBe('Partially Filled');
  });

  it('CoinSwitch: the full UUID comes from the title when the text is truncated', async () => {
    await renderFixture(document, page('coinswitch').fixture, orders('coinswitch', SAMPLES.coinswitch));
    const cell = document.querySelector('[class*="OpenOrders_orderId__"]')!;
    expect(cell.textContent).toContain('…');
    expect(detectOrderRows(document, 'coinswitch').map((d) => d.orderId)).toContain('698ed406-8ef5-4664-9779-f7978702a447');
  });

  it('a recipe whose selectors find nothing (the page changed its markup) falls back to the generic detector', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    await renderFixture(document, page('pocketful').fixture, book);
    for (const el of document.querySelectorAll('.order-row, .oms-id, .status')) el.removeAttribute('class');
    expect(found('pocketful')).toEqual(expected(book, all));
    // Rows still there but the id cell renamed: the recipe reads nothing, the generic detector does.
    await renderFixture(document, page('pocketful').fixture, book);
    for (const el of document.querySelectorAll('td.oms-id')) el.className = 'order-no';
    expect(found('pocketful')).toEqual(expected(book, all));
  });
});

describe('the generic detector alone', () => {
  it.each([
    ['pocketful', all],
    ['pacetrader', all], // header table apart from the body table
    ['zebpay-futures', isOpen], // ARIA table; the history table is recognised as history
    ['tradernet', all],
  ] as const)('reads %s\'s page like its recipe does', async (venue, shown) => {
    const book = orders(venue, SAMPLES[venue]);
    await renderFixture(document, page(venue).fixture, book);
    const layouts = genericLayouts(document, venue);
    expect(layouts).toHaveLength(1);
    const rows = [...layouts[0]!.rows()].map((r) => layouts[0]!.read(r)).filter((d) => !!d).map((d) => [d.orderId, d.cancellable] as const).sort();
    expect(rows).toEqual(expected(book, shown));
  });
});

describe('structural variants no recipe knows (served at trade.pocketful.in/variant/…)', () => {
  const book = () => orders('pocketful', SAMPLES.pocketful);

  it('an ARIA grid: columns by aria-colindex in another DOM order, "Order No." and "Order Status"', async () => {
    const b = book();
    await renderFixture(document, page('variant/aria-grid').fixture, b);
    expect(found('pocketful')).toEqual(expected(b, all));
    const rows = detectOrderRows(document, 'pocketful');
    expect(rows.find((d) => d.orderId === '202611220007')!.status).toBe('Trigger Pending');
    expect(rows.find((d) => d.orderId === '202611220004')).toMatchObject({ status: 'Partially Executed', cancellable: true });
    expect(rows.find((d) => d.orderId === '202611220002')!.hints).toMatchObject({ symbol: 'TCS', side: 'S', quantity: '5', price: '4120.00' });
  });

  it('a div grid: header apart from the body, cells keyed by col-id in another order, rows out of DOM order; OMS id over exchange id', async () => {
    const b = book();
    const sim = await renderFixture(document, page('variant/div-grid').fixture, b.slice(0, 4));
    await sim.set(b);
    // Newer orders were appended at the end of the DOM but show at the top: DOM order ≠ display order.
    const tops = [...document.querySelectorAll('.ag-row')].map((r) => parseInt((r as HTMLElement).style.top, 10));
    expect(tops).toHaveLength(b.length);
    expect(tops).not.toEqual([...tops].sort((x, y) => x - y));
    expect(found('pocketful')).toEqual(expected(b, all));
    const co = detectOrderRows(document, 'pocketful').find((d) => d.orderId === '202611220002')!;
    expect(co.hints).toMatchObject({ exchangeOrderId: '1300000034566552', symbol: 'TCS', quantity: '5' });
  });

  it('open orders beside trade history: only the open-orders rows, all cancellable (no status column)', async () => {
    const b = book();
    await renderFixture(document, page('variant/two-tables').fixture, b);
    expect(document.querySelectorAll('#trade-rows tr').length).toBeGreaterThan(0);
    expect(found('pocketful')).toEqual(expected(b, isOpen, () => true));
    for (const d of detectOrderRows(document, 'pocketful')) expect(d.row.closest('table')!.id).toBe('open-orders');
  });

  it('an empty open-orders table yields no row (its "No open orders" line is not an order)', async () => {
    await renderFixture(document, page('variant/two-tables').fixture, orders('pocketful', [{ id: '202611229999', status: 'filled', filled: 1 }]));
    expect(document.querySelector('#open-rows')!.textContent).toBe('No open orders');
    expect(detectOrderRows(document, 'pocketful')).toEqual([]);
  });

  it('a list without headers needs a user page rule', async () => {
    const b = book();
    await renderFixture(document, page('variant/mystery').fixture, b);
    expect(detectOrderRows(document, 'pocketful')).toEqual([]);
    const rule = { venue: 'pocketful' as const, row: '#book li.ordr', idSelector: '.ref', statusSelector: '.st' };
    const rows = detectOrderRows(document, 'pocketful', [rule]).map((d) => [d.orderId, d.cancellable] as const).sort();
    expect(rows).toEqual(expected(b, all));
  });
});
