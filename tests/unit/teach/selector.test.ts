// Teaching a page: from one clicked row to a rule that reads every row like it, written without
// hashed or utility class names, so that it survives the broker's next build.
import { beforeEach, describe, expect, it } from 'vitest';
import { isUnstableName } from '@/lib/teach/stable';
import { rowsMatched, teachFrom } from '@/lib/teach/selector';
import { detectOrderRows } from '@/lib/page/detect/detect';

interface Order { id: string; symbol: string; side: string; qty: number; price: string }
const ORDERS: Order[] = [
  { id: '202612030101', symbol: 'RELIANCE', side: 'BUY', qty: 10, price: '2,890.50' },
  { id: '202612030102', symbol: 'TCS', side: 'SELL', qty: 5, price: '4,120.00' },
  { id: '202612030103', symbol: 'INFY', side: 'BUY', qty: 2, price: '1,500.00' },
];

/** A build of the page: `hash` changes every generated class name, as a new release of the broker's UI would. */
function render(orders: Order[], hash: string) {
  const row = (o: Order) => `<div class="css-${hash}1 flex items-center px-2 hover:bg-slate-50">
    <div class="sc-${hash}2"><span class="_${hash}3">${o.symbol}</span><span class="tw-text-xs">NSE</span></div>
    <div class="sc-${hash}4 w-[72px]">${o.side}</div>
    <div class="sc-${hash}5">${o.qty}</div>
    <div class="sc-${hash}6">₹ ${o.price}</div>
    <div class="sc-${hash}7 truncate"><span class="mono">${o.id}</span><button class="Copy_btn__${hash}8" data-clipboard-text="${o.id}" aria-label="Copy"><svg aria-hidden="true"></svg></button></div>
    <div class="sc-${hash}9"></div>
  </div>`;
  document.body.innerHTML = `<div id="root"><div class="css-${hash}a"><nav class="css-${hash}b"><a>Orders</a></nav>
    <section class="Panel_panel__${hash}c" aria-label="Open orders"><div class="css-${hash}d">${orders.map(row).join('')}</div></section>
    <section aria-label="Trades"><div class="css-${hash}d">${row({ ...orders[0]!, id: '202612039999' })}</div></section></div></div>`;
}

const clickTarget = (id: string) => [...document.querySelectorAll('span.mono')].find((s) => s.textContent === id)!;

beforeEach(() => render(ORDERS, 'k3j9'));

describe('which class names a rule may use', () => {
  it.each(['css-1x2y3z', 'sc-bdVaJa', '_a1b2c3', 'Row_row__3xYz1', 'tw-flex', 'px-2', 'hover:bg-gray-100', 'w-[120px]', 'w-1/2', 'flex', 'items-center', 'jsx-123456', 'svelte-1abc2de', 'bdVaJa9k', 'cRmLqk', 'kqAZnD'])(
    '%s is hashed or a utility: never used',
    (name) => expect(isUnstableName(name)).toBe(true),
  );
  it.each(['order-row', 'ag-row', 'orders', 'row', 'mono', 'col-3', 'order-book', 'orderRow', 'isOpen'])('%s says what an element is: usable', (name) => expect(isUnstableName(name)).toBe(false));
});

describe('teaching from one clicked row', () => {
  it('finds the row, anchors it on the labelled region, and reads the id cell by its place, copy button and all', () => {
    const taught = teachFrom(clickTarget('202612030102'), 'pocketful');
    expect(taught.ok).toBe(true);
    if (!taught.ok) return;
    expect(taught.rule).toEqual({
      venue: 'pocketful',
      row: 'section[aria-label="Open orders"] > div > div',
      idSelector: ':scope > div:nth-child(5)',
    });
    expect(taught.row.textContent).toContain('TCS');
    expect(taught.rule.row).not.toMatch(/css-|sc-|_k3j9|tw-|px-|flex/);
  });

  it('matches every order row of the list, and not the other list’s row', () => {
    const taught = teachFrom(clickTarget('202612030101'), 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    expect(rowsMatched(taught.rule, document).map((r) => r.querySelector('.mono')!.textContent)).toEqual(ORDERS.map((o) => o.id));
  });

  it('clicking the symbol or the price of a row teaches the same rule as clicking its id', () => {
    const byId = teachFrom(clickTarget('202612030101'), 'pocketful');
    const bySymbol = teachFrom(document.querySelector('span._k3j93')!, 'pocketful');
    const byQty = teachFrom(document.querySelector('.sc-k3j95')!, 'pocketful');
    expect(bySymbol).toMatchObject({ ok: true, rule: byId.ok ? byId.rule : {} });
    expect(byQty).toMatchObject({ ok: true, rule: byId.ok ? byId.rule : {} });
  });

  it('is stable: the rule taught today reads the page after a rebuild with new hashed class names and new orders', () => {
    const taught = teachFrom(clickTarget('202612030101'), 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    const next = [...ORDERS.slice(1), { id: '202612030104', symbol: 'SBIN', side: 'SELL', qty: 40, price: '812.40' }];
    render(next, 'zz81');
    expect(rowsMatched(taught.rule, document)).toHaveLength(3);
    expect(teachFrom(clickTarget('202612030104'), 'pocketful')).toMatchObject({ ok: true, rule: taught.rule });
  });

  it('the content script reads the taught rule: each row gives its own order id', () => {
    const taught = teachFrom(clickTarget('202612030103'), 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    const rows = detectOrderRows(document, 'pocketful', [taught.rule]);
    expect(rows.map((r) => r.orderId)).toEqual(ORDERS.map((o) => o.id));
  });

  it('a click where no order id is shown teaches nothing, and says why', () => {
    expect(teachFrom(document.querySelector('nav a')!, 'pocketful')).toEqual({ ok: false, error: expect.stringContaining('not an order row') });
  });

  it('without any stable ancestor the path starts at the body, one child step at a time', () => {
    document.querySelector('section[aria-label="Open orders"]')!.removeAttribute('aria-label');
    document.querySelector('section[aria-label="Trades"]')!.remove();
    document.getElementById('root')!.removeAttribute('id');
    const taught = teachFrom(clickTarget('202612030101'), 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    expect(taught.rule.row).toBe('body > div > div > section > div > div');
    expect(rowsMatched(taught.rule, document)).toHaveLength(3);
  });
});
