// Layouts no recipe knows, for the generic detector (and one for a user page rule). They are
// served at https://trade.pocketful.in/variant/<name>, where the Pocketful content script runs,
// and show the Pocketful orders of the simulator. None of them has the Pocketful recipe's rows.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

const words = `(o) => {
  const raw = { cancelled: 'CANCELLED', filled: 'COMPLETE', rejected: 'REJECTED', expired: 'REJECTED' }[o.status]
    || (o.filled > 0 ? 'PARTIALLY_EXECUTED' : o.extra.orderStatus || 'CONFIRMED');
  return raw.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
}`;
const isOpen = `(o) => o.status === 'open' || o.status === 'cancelling'`;
const style = `body{font:13px system-ui,sans-serif;margin:16px;color:#1d2433}table{border-collapse:collapse}th,td{padding:6px 10px;border-bottom:1px solid #ddd;text-align:left}`;

/** An ARIA grid of spans; cells say their column with aria-colindex and sit in another DOM order. */
const ariaGrid: SpaPageOptions = {
  title: 'Orders (ARIA grid)',
  style: `${style}[role=grid]{display:table;width:100%}[role=row]{display:table-row}[role=columnheader],[role=gridcell]{display:table-cell;padding:6px 10px;border-bottom:1px solid #ddd}`,
  body: `<h1>Orders</h1><div role="grid" aria-label="Orders" aria-colcount="8">
<div role="rowgroup"><div role="row" aria-rowindex="1">${['Placed', 'Order No.', 'Scrip', 'Buy/Sell', 'Qty.', 'Limit Price', 'Order Status', '']
    .map((h, i) => `<span role="columnheader" aria-colindex="${i + 1}">${h}${h ? ' <i class="sort" aria-hidden="true">\ue5d7</i>' : ''}</span>`)
    .join('')}</div></div>
<div role="rowgroup" id="grid-rows"></div></div>`,
  mounts: [
    {
      selector: '#grid-rows',
      renderRow: `(o, esc) => {
  const c = (i, html) => '<span role="gridcell" aria-colindex="' + i + '">' + html + '</span>';
  return '<div role="row">' +
    c(3, '<b>' + esc(o.symbol) + '</b>') + c(1, esc(new Date(o.createdAtMs).toISOString().slice(11, 19))) +
    c(7, '<span class="pill">' + esc((${words})(o)) + '</span>') +
    c(2, '<a href="#" class="oid"><span>' + esc(o.id) + '</span></a>&nbsp;<svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4"/></svg>') +
    c(4, o.side === 'BUY' ? 'B' : 'S') + c(5, esc(o.quantity)) + c(6, esc(o.price.toFixed(2))) + c(8, '') + '</div>';
}`,
    },
  ],
  mode: 'keyed',
};

/** An ag-grid-like div grid without ARIA roles: header row apart from the body, cells keyed by col-id in another order than the header, rows absolutely positioned and out of DOM order. */
const divGrid: SpaPageOptions = {
  title: 'Orders (div grid)',
  style: `${style}.ag-header-row,.ag-row{display:flex;height:30px;align-items:center}.ag-header-cell,.ag-cell{width:130px;padding:0 6px;overflow:hidden}
.ag-center-cols-container{position:relative;min-height:300px}.ag-row{position:absolute;left:0}.ag-cell[col-id=time]{order:1}.ag-cell[col-id=symbol]{order:2}
.ag-cell[col-id=side]{order:3}.ag-cell[col-id=qty]{order:4}.ag-cell[col-id=price]{order:5}.ag-cell[col-id=exchId]{order:6}.ag-cell[col-id=omsId]{order:7}.ag-cell[col-id=status]{order:8}.ag-cell[col-id=actions]{order:9}`,
  body: `<div class="ag-theme-quartz"><div class="ag-root-wrapper"><div class="ag-header"><div class="ag-header-row">${[
    ['time', 'Time'], ['symbol', 'Instrument'], ['side', 'Side'], ['qty', 'Quantity'], ['price', 'Price'], ['exchId', 'Exch. Order ID'], ['omsId', 'OMS Order ID'], ['status', 'Status'], ['actions', 'Actions'],
  ]
    .map(([id, h]) => `<div class="ag-header-cell" col-id="${id}"><span class="ag-header-cell-text">${h}</span><span class="ag-icon ag-icon-menu"></span></div>`)
    .join('')}</div></div>
<div class="ag-body"><div class="ag-center-cols-container" id="ag-rows"></div></div></div></div>`,
  mounts: [
    {
      selector: '#ag-rows',
      renderRow: `(o, esc) => {
  const c = (id, html) => '<div class="ag-cell" col-id="' + id + '">' + html + '</div>';
  const exch = String(o.extra.exchangeOrderId ?? '13000000' + o.id.replace(/\\D/g, '').slice(-8));
  return '<div class="ag-row" role="presentation">' +
    c('status', esc((${words})(o))) + c('omsId', '<span class="ag-cell-value">' + esc(o.id) + '</span>') + c('symbol', esc(o.symbol)) +
    c('side', esc(o.side)) + c('exchId', esc(exch)) + c('qty', esc(o.quantity)) + c('price', esc(o.price.toFixed(2))) +
    c('time', esc(new Date(o.createdAtMs).toISOString().slice(11, 19))) + c('actions', '') + '</div>';
}`,
    },
  ],
  mode: 'virtual',
  rowHeight: 30,
};

/** An open-orders table (no status column) beside a trade-history table that also shows order numbers. */
const twoTables: SpaPageOptions = {
  title: 'Orders and trades',
  style,
  body: `<section><h2>Open orders</h2><table id="open-orders"><thead><tr><th>Order #</th><th>Symbol</th><th>Side</th><th>Qty</th><th>Price</th><th></th></tr></thead><tbody id="open-rows"></tbody></table></section>
<section><h2>Trade history</h2><table id="trade-history"><thead><tr><th>Trade ID</th><th>Order #</th><th>Symbol</th><th>Side</th><th>Qty</th><th>Price</th></tr></thead><tbody id="trade-rows"></tbody></table></section>`,
  mounts: [
    {
      selector: '#open-rows',
      select: `(orders) => orders.filter(${isOpen})`,
      empty: '<tr><td colspan="6">No open orders</td></tr>',
      renderRow: `(o, esc) => '<tr><td>#' + esc(o.id) + '</td><td>' + esc(o.symbol) + '</td><td>' + esc(o.side) + '</td><td>' + esc(o.quantity - o.filled) + '</td><td>' + esc(o.price.toFixed(2)) + '</td><td></td></tr>'`,
    },
    {
      selector: '#trade-rows',
      select: `(orders) => orders.filter((o) => o.filled > 0)`,
      renderRow: `(o, esc) => '<tr><td>T' + esc(o.createdAtMs % 100000) + '</td><td>' + esc(o.id) + '</td><td>' + esc(o.symbol) + '</td><td>' + esc(o.side) + '</td><td>' + esc(o.filled) + '</td><td>' + esc(o.price.toFixed(2)) + '</td></tr>'`,
    },
  ],
  mode: 'replace',
};

/** Nothing the generic detector can read: a list without headers. Needs a user page rule. */
const mystery: SpaPageOptions = {
  title: 'Заявки',
  style,
  body: `<h2>Мои заявки</h2><ul id="book"></ul>`,
  mounts: [
    {
      selector: '#book',
      renderRow: `(o, esc) => '<li class="ordr"><span class="ref">' + esc(o.id) + '</span> · <span>' + esc(o.symbol) + '</span> · <em class="st">' + esc((${words})(o)) + '</em> <span class="slot"></span></li>'`,
    },
  ],
  mode: 'keyed',
};

const variant = (name: string, fixture: SpaPageOptions): VenuePage => ({
  name: `variant/${name}`,
  venue: 'pocketful',
  hosts: ['trade.pocketful.in'],
  pathPrefix: `/variant/${name}`,
  fixture,
  html: () => spaPage(fixture),
});

export const variantPages: VenuePage[] = [
  variant('aria-grid', ariaGrid),
  variant('div-grid', divGrid),
  variant('two-tables', twoTables),
  variant('mystery', mystery),
];
