// The generic detector on markup shapes no recipe knows, and user page rules.
import { afterEach, describe, expect, it } from 'vitest';
import { detectOrderRows } from '../../../lib/page/detect/detect';
import { parseRules } from '../../../lib/page/detect/rules';
import type { PageRule } from '../../../lib/page/types';
import type { VenueId } from '../../../lib/venues/types';

afterEach(() => {
  document.body.innerHTML = '';
});

const ids = (venue: VenueId, rules: PageRule[] = []) =>
  detectOrderRows(document, venue, rules).map((d) => `${d.orderId}:${d.cancellable ? 'open' : 'closed'}`).sort();

const table = (headers: string[], rows: string[][], attrs = '') =>
  `<table ${attrs}><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

describe('tables', () => {
  it('finds the id and status columns wherever they are, and ignores tables without an id column', () => {
    document.body.innerHTML =
      table(['Symbol', 'Qty'], [['AAPL', '1']]) +
      table(['Placed', 'Status', 'Symbol', 'Order No.'], [['10:00', 'Open', 'AAPL', '8391021'], ['10:01', 'Filled', 'MSFT', '8391022'], ['10:02', 'Partially filled', 'TSLA', '8391023']]);
    expect(ids('tradernet')).toEqual(['8391021:open', '8391022:closed', '8391023:open']);
  });

  it('reads ids and statuses inside nested markup, a nested table in a cell included', () => {
    document.body.innerHTML = table(
      ['Order ID', 'Details', 'Status'],
      [
        ['<a href="#"><span class="mono">8391021</span></a>&nbsp;<i class="fa fa-copy"></i>', '<table><tr><td>Order ID</td><td>999</td></tr></table>', '<span class="badge"><svg></svg>&nbsp;Active</span>'],
        ['<div><div>8391022</div></div>', '<table><tr><td>777</td></tr></table>', '<b>Cancelled</b>'],
      ],
    );
    expect(ids('tradernet')).toEqual(['8391021:open', '8391022:closed']);
  });

  it('reads a status shown only as an icon from its label, as a screen reader announces it', () => {
    document.body.innerHTML = table(
      ['Order ID', 'Status'],
      [
        ['8391021', '<i class="icon-clock" role="img" aria-label="Open"></i>'],
        ['8391022', '<span title="Cancelled"><svg aria-hidden="true"></svg></span>'],
        ['8391023', '<img src="data:," alt="Rejected">'],
      ],
    );
    expect(ids('tradernet')).toEqual(['8391021:open', '8391022:closed', '8391023:closed']);
  });

  it('takes a first row of th cells as the header when there is no thead', () => {
    document.body.innerHTML = '<table><tbody><tr><th>Order #</th><th>State</th></tr><tr><td>8391021</td><td>NEW</td></tr><tr><td>8391022</td><td>EXPIRED</td></tr></tbody></table>';
    expect(ids('tradernet')).toEqual(['8391021:open', '8391022:closed']);
  });

  it('counts colspans in the header and skips "no orders" lines that span the table', () => {
    document.body.innerHTML = `<table><thead><tr><th colspan="2">Instrument</th><th>Order ID</th><th>Status</th></tr></thead><tbody>
      <tr><td>AAPL</td><td>US</td><td>8391021</td><td>Open</td></tr><tr><td colspan="4">No more orders</td></tr></tbody></table>`;
    expect(ids('tradernet')).toEqual(['8391021:open']);
  });

  it('pairs a header-only table with the body table after it (split header/body), not an empty book with a neighbour', () => {
    document.body.innerHTML = `<div class="t"><div class="h"><table><thead><tr><th>OMS Order No.</th><th>Status</th></tr></thead></table></div>
      <div class="b"><table><tbody><tr><td>202611220001</td><td>OPEN</td></tr><tr><td>202611220002</td><td>COMPLETE</td></tr></tbody></table></div></div>`;
    expect(ids('pacetrader')).toEqual(['202611220001:open', '202611220002:closed']);
    document.body.innerHTML = `<table><thead><tr><th>OMS Order No.</th><th>Status</th></tr></thead><tbody></tbody></table>
      <table><tbody><tr><td>202611220001</td><td>OPEN</td></tr></tbody></table>`;
    expect(ids('pacetrader')).toEqual([]);
  });

  it('leaves out tables of trades and of history, keeps the open orders', () => {
    document.body.innerHTML =
      `<h3>Open orders</h3>${table(['Order ID', 'Symbol'], [['8391021', 'AAPL']])}` +
      `<h3>Order history</h3>${table(['Order ID', 'Symbol'], [['8391022', 'MSFT']])}` +
      table(['Order ID', 'Symbol'], [['8391023', 'TSLA']], 'aria-label="Executed orders"') +
      `<span id="lbl">Trades</span>${table(['Order ID', 'Symbol'], [['8391024', 'NVDA']], 'aria-labelledby="lbl"')}` +
      table(['Deal No.', 'Order ID', 'Symbol'], [['55', '8391025', 'AMZN']]);
    expect(ids('tradernet')).toEqual(['8391021:open']);
  });

  it('is venue-aware: the same table gives ZebPay nothing without a client order id column', () => {
    document.body.innerHTML = table(['Order ID', 'Status'], [['912345678', 'New']]);
    expect(ids('zebpay-futures')).toEqual([]);
    expect(ids('tradernet')).toEqual(['912345678:open']);
  });
});

describe('ARIA grids and div grids', () => {
  it('an ARIA table whose cells are found by position, wrappers and all', () => {
    document.body.innerHTML = `<div role="table"><div role="rowgroup"><div role="row"><div role="columnheader">Client Order ID</div><div role="columnheader">Status</div></div></div>
      <div role="rowgroup"><div class="wrap"><div role="row"><div role="cell"><span>myLimitOrder456</span></div><div role="cell">NEW</div></div></div>
      <div role="row"><div role="cell">qc-2</div><div role="cell">FILLED</div></div></div></div>`;
    expect(ids('zebpay-futures')).toEqual(['myLimitOrder456:open', 'qc-2:closed']);
  });

  it('a treegrid with aria-colindex, cells in any DOM order', () => {
    document.body.innerHTML = `<div role="treegrid"><div role="row"><span role="columnheader" aria-colindex="2">Status</span><span role="columnheader" aria-colindex="1">Order ID</span></div>
      <div role="row"><span role="gridcell" aria-colindex="2">Open</span><span role="gridcell" aria-colindex="1">8391021</span></div>
      <div role="row"><span role="gridcell" aria-colindex="1">8391022</span><span role="gridcell" aria-colindex="2">Rejected</span></div></div>`;
    expect(ids('tradernet')).toEqual(['8391021:open', '8391022:closed']);
  });

  it('a role-less div grid keyed by aria-colindex, header apart from the body', () => {
    document.body.innerHTML = `<div class="grid"><div class="head"><div aria-colindex="1">Order ID</div><div aria-colindex="2">Status</div></div>
      <div class="body"><div class="r"><div aria-colindex="2">Executed</div><div aria-colindex="1">8391021</div></div>
      <div class="r"><div aria-colindex="1">8391022</div><div aria-colindex="2">Open</div></div></div></div>`;
    expect(ids('tradernet')).toEqual(['8391021:closed', '8391022:open']);
  });
});

describe('user page rules', () => {
  const list = `<ul id="book"><li class="o"><b class="ref">8391021</b> <em>открыт</em></li><li class="o"><b class="ref">8391022</b> <em>исполнен</em></li></ul>`;

  it('a row selector and an id selector make an unknown list work (no status: cancellable)', () => {
    document.body.innerHTML = list;
    expect(ids('tradernet')).toEqual([]);
    expect(ids('tradernet', [{ venue: 'tradernet', row: '#book li.o', idSelector: '.ref' }])).toEqual(['8391021:open', '8391022:open']);
  });

  it('the id column by header text; status and hints come from the headers when the table has them', () => {
    document.body.innerHTML = table(['Заявка', 'Status', 'Ticker'], [['8391021', 'Active', 'AAPL.US'], ['8391022', 'Executed', 'MSFT.US']], 'id="t"');
    expect(ids('tradernet')).toEqual([]);
    const rule: PageRule = { venue: 'tradernet', row: '#t tbody tr', idHeader: 'заявка' };
    expect(ids('tradernet', [rule])).toEqual(['8391021:open', '8391022:closed']);
    expect(detectOrderRows(document, 'tradernet', [rule])[0]!.hints).toEqual({ symbol: 'AAPL.US' });
  });

  it('rules for another venue do nothing; rows a recipe or the generic detector read stay theirs', () => {
    document.body.innerHTML = table(['Order ID', 'Status'], [['8391021', 'Open']], 'id="t"');
    const rows = detectOrderRows(document, 'tradernet', [
      { venue: 'coinswitch', row: '#t tr', idSelector: 'td' },
      { venue: 'tradernet', row: '#t tbody tr', idSelector: 'td:nth-child(2)' },
    ]);
    expect(rows.map((d) => d.orderId)).toEqual(['8391021']);
  });

  it('only well-formed rules for this venue are kept from storage', () => {
    const stored = [
      { venue: 'tradernet', row: '#book li', idSelector: '.ref' },
      { venue: 'tradernet', row: '#book li', idHeader: 'Order' },
      { venue: 'tradernet', row: 'li[', idSelector: '.ref' },
      { venue: 'tradernet', row: '#book li' },
      { venue: 'tradernet', row: '#book li', idSelector: 5 },
      { venue: 'coinswitch', row: '#book li', idSelector: '.ref' },
      null,
      'li',
    ];
    expect(parseRules(stored, 'tradernet')).toEqual(stored.slice(0, 2));
    expect(parseRules({ not: 'an array' }, 'tradernet')).toEqual([]);
  });
});
