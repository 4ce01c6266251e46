// The shapes real trading UIs draw their order books in, one page per venue and shape, each at
// <venue host>/shapes/<shape> (tradernet.com/terminal/shapes/…): utility and hashed class names,
// copy buttons and icon glyphs beside ids, sort arrows in headers, and
//   recycle  a virtualised list whose row elements are RECYCLED as it scrolls (pocketful, coinswitch);
//   split    pinned columns: each order drawn as two row halves in two containers, the id in one
//            half and the status and actions in the other (ag-grid style; pacetrader, tradernet);
//   shadow   the table inside the page's own open shadow root (a web component; tradernet, coinswitch);
//   icon     the status shown only as an icon with a title / aria-label (pacetrader, tradernet, zebpay);
//   no-id    no order-id column at all (zebpay here, coinswitch in coinswitch.ts).
import type { VenueId } from '../../../lib/venues/types';
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

const open = `(o) => o.status === 'open' || o.status === 'cancelling'`;
/** The status as a word the venue's UI would use (closed ones too: the icon must still say so). */
const word = `(o) => ({ open: o.filled > 0 ? 'Partially filled' : 'Open', cancelling: 'Cancel pending', cancelled: 'Cancelled', filled: 'Complete', rejected: 'Rejected', expired: 'Expired' })[o.status]`;
/** A status drawn only as a coloured dot, its meaning in aria-label and title. */
const iconStatus = `(o, esc) => { const w = (${word})(o); return '<span role="img" class="tw-inline-block tw-h-2 tw-w-2 tw-rounded-full ' + ((${open})(o) ? 'tw-bg-emerald-500' : 'tw-bg-slate-400') + '" aria-label="' + esc(w) + '" title="' + esc(w) + '"></span>'; }`;
const copy = (label: string) => `'<button type="button" class="tw-ml-1 tw-opacity-60 hover:tw-opacity-100" aria-label="${label}" data-clipboard-text="' + esc(o.id) + '"><i class="mdi mdi-content-copy" aria-hidden="true">\ue14d</i></button>'`;
const sort = '<i class="tw-ml-1 tw-text-[10px] css-1sortar" aria-hidden="true">▲▼</i>';
const time = `esc(new Date(o.createdAtMs).toLocaleTimeString('en-GB'))`;
const num = (v: string) => `esc(Number(${v}).toLocaleString('en-IN'))`;

const base = `body{font:13px Inter,system-ui,sans-serif;margin:0;background:#0f1422;color:#e6e9ef}.tw-p-3{padding:12px}
.tw-inline-block{display:inline-block}.tw-h-2{height:8px}.tw-w-2{width:8px}.tw-rounded-full{border-radius:50%}.tw-bg-emerald-500{background:#10b981}.tw-bg-slate-400{background:#94a3b8}
button{background:none;border:0;color:inherit;cursor:pointer;padding:0 2px}`;

// --- split rows: ag-grid with a pinned part ---------------------------------------------------

interface SplitColumn {
  header: string;
  /** JS expression over (o, esc): the cell's markup. */
  cell: string;
}

/** An ag-grid-like grid: `pinned` columns in their own container (left or right), the rest in the centre. */
function splitGrid(title: string, side: 'left' | 'right', pinned: SplitColumn[], centre: SplitColumn[]): SpaPageOptions {
  const first = side === 'left' ? pinned : centre;
  const second = side === 'left' ? centre : pinned;
  const headerRow = (cols: SplitColumn[], from: number) =>
    `<div class="ag-header-row" role="row" aria-rowindex="1">${cols
      .map((c, i) => `<div class="ag-header-cell" role="columnheader" aria-colindex="${from + i}"><span class="ag-header-cell-text">${c.header}</span>${c.header ? sort : ''}</div>`)
      .join('')}</div>`;
  const row = (cols: SplitColumn[], from: number) => `(o, esc, i) => '<div class="ag-row ag-row-' + (i % 2 ? 'odd' : 'even') + '" role="row" row-index="' + i + '" aria-rowindex="' + (i + 2) + '">' +
    ${cols.map((c, k) => `'<div class="ag-cell" role="gridcell" aria-colindex="${from + k}">' + (${c.cell}) + '</div>'`).join(' + ')} + '</div>'`;
  const w = side === 'left' ? 'first' : 'second';
  return {
    title,
    style: `${base}.ag-root{display:flex;flex-direction:column;margin:12px;border:1px solid #283048}.ag-header,.ag-body{display:flex}.ag-part-first{flex:0 0 190px;border-right:1px solid #283048}
.ag-part-second{flex:1 1 auto}.ag-header-row,.ag-row{display:flex;height:32px;align-items:center;border-bottom:1px solid #1d2540}.ag-header-cell,.ag-cell{flex:1 1 0;padding:0 8px;white-space:nowrap;overflow:hidden}
.ag-header-cell{color:#7c86a2;font-size:12px}.ag-part-${w} .ag-cell:first-child{flex:2 1 0}`,
    body: `<div class="ag-theme-balham-dark tw-p-3"><div class="ag-root" role="treegrid" aria-label="Orders" aria-colcount="${pinned.length + centre.length}">
<div class="ag-header" role="presentation"><div class="ag-part-first">${headerRow(first, 1)}</div><div class="ag-part-second">${headerRow(second, first.length + 1)}</div></div>
<div class="ag-body" role="presentation"><div class="ag-part-first" id="ag-first" role="rowgroup"></div><div class="ag-part-second" id="ag-second" role="rowgroup"></div></div></div></div>`,
    mounts: [
      { selector: '#ag-first', renderRow: row(first, 1) },
      { selector: '#ag-second', renderRow: row(second, first.length + 1) },
    ],
    mode: 'keyed',
  };
}

const paceSplit = splitGrid(
  'PaceTrader — Order Book',
  'left',
  [{ header: 'Order No.', cell: `'<span class="ag-cell-value">' + esc(o.id) + '</span>' + ${copy('Copy order number')}` }],
  [
    { header: 'Symbol', cell: `esc(o.symbol) + ' <small class="tw-text-xs">NSE</small>'` },
    { header: 'B/S', cell: `o.side === 'BUY' ? 'B' : 'S'` },
    { header: 'Qty', cell: `esc(o.filled) + '/' + esc(o.quantity)` },
    { header: 'Price', cell: `esc(o.price.toFixed(2))` },
    { header: 'Time', cell: time },
    { header: 'Status', cell: `(${iconStatus})(o, esc)` },
    { header: '', cell: `''` },
  ],
);

const tradernetSplit = splitGrid(
  'Tradernet — Orders',
  'right',
  [
    { header: 'Status', cell: `(${iconStatus})(o, esc)` },
    { header: 'Actions', cell: `''` },
  ],
  [
    { header: 'Order #', cell: `'<a href="#" class="css-7yx2lk">' + esc(o.id) + '</a>' + ${copy('Copy')}` },
    { header: 'Ticker', cell: `esc(o.symbol)` },
    { header: 'Operation', cell: `o.side === 'BUY' ? 'Buy' : 'Sell'` },
    { header: 'Qty', cell: `esc(o.quantity)` },
    { header: 'Price', cell: `esc(o.price.toFixed(2))` },
  ],
);

// --- the table in the page's own shadow root ---------------------------------------------------

const tradernetShadow: SpaPageOptions = {
  title: 'Tradernet — Active orders',
  style: `${base}table{border-collapse:collapse;width:100%}th,td{padding:6px 10px;border-bottom:1px solid #1d2540;text-align:left}th{color:#7c86a2;font-weight:500}`,
  body: `<div class="tw-p-3"><h3>Active orders</h3><tn-orders-widget class="css-w1dg3t"><table class="css-0tab1e"><thead><tr>
<th>Order #${sort}</th><th>Ticker${sort}</th><th>Operation</th><th>Qty</th><th>Price</th><th>Status</th><th></th></tr></thead><tbody id="tn-rows"></tbody></table></tn-orders-widget></div>`,
  shadow: 'tn-orders-widget',
  mounts: [
    {
      selector: '#tn-rows',
      renderRow: `(o, esc) => '<tr class="css-r0w9x1"><td><span class="css-1d2f">' + esc(o.id) + '</span>' + ${copy('Copy order number')} + '</td><td>' + esc(o.symbol) + '</td><td>' + (o.side === 'BUY' ? 'Buy' : 'Sell') + '</td><td>' + esc(o.quantity) + '</td><td>' + esc(o.price.toFixed(2)) + '</td><td>' + (${iconStatus})(o, esc) + '</td><td></td></tr>'`,
    },
  ],
  mode: 'patch',
};

const coinswitchShadow: SpaPageOptions = {
  title: 'CoinSwitch PRO — Orders',
  style: `${base}[role=table]{display:block;margin:12px}[role=row]{display:grid;grid-template-columns:1fr .6fr 1fr .8fr 1.4fr 1fr 1fr;align-items:center;height:34px;border-bottom:1px solid #1b2236}
[role=columnheader]{color:#7d879c;font-size:12px}[role=cell]{overflow:hidden;white-space:nowrap}`,
  body: `<cs-open-orders class="Orders_root__x81Kd"><div role="table" aria-label="Open orders"><div role="row" class="Orders_head__Zp0q">${['Pair', 'Side', 'Price', 'Amount', 'Order ID', 'Status', '']
    .map((h) => `<div role="columnheader">${h}${h ? sort : ''}</div>`)
    .join('')}</div><div role="rowgroup" id="cs-shadow-rows"></div></div></cs-open-orders>`,
  shadow: 'cs-open-orders',
  mounts: [
    {
      selector: '#cs-shadow-rows',
      renderRow: `(o, esc) => { const c = (h) => '<div role="cell">' + h + '</div>';
  return '<div role="row" class="Orders_row__8kL3m">' + c(esc(o.symbol)) + c(o.side === 'BUY' ? 'Buy' : 'Sell') + c('₹ ' + ${num('o.price')}) + c(esc(o.quantity)) +
    c('<span title="' + esc(o.id) + '">' + esc(o.id.slice(0, 8) + '…' + o.id.slice(-4)) + '</span>' + ${copy('Copy order ID')}) + c(esc((${word})(o))) + c('') + '</div>'; }`,
    },
  ],
  mode: 'keyed',
};

// --- a virtualised list that recycles its row elements ----------------------------------------

function recycled(title: string, style: string, headers: string[], cells: string[]): SpaPageOptions {
  return {
    title,
    style: `${base}${style}[role=grid]{display:block;margin:12px;max-width:1100px}[role=row]{display:grid;grid-template-columns:repeat(${headers.length},1fr);align-items:center;height:34px}
.vlist-viewport{height:${34 * 4}px;overflow-y:auto;position:relative}.vlist-canvas{position:relative}.vlist-canvas>[role=row]{position:absolute;left:0;right:0;border-bottom:1px solid #1d2540}
[role=columnheader]{color:#7c86a2;font-size:12px}[role=gridcell]{overflow:hidden;white-space:nowrap}`,
    body: `<div role="grid" aria-label="Orders" class="css-v1rt9l"><div role="row" class="css-h3ad0r">${headers
      .map((h) => `<div role="columnheader">${h}${h ? sort : ''}</div>`)
      .join('')}</div><div class="vlist-viewport css-sc7011"><div class="vlist-canvas" id="vlist" role="rowgroup"></div></div></div>`,
    mounts: [{ selector: '#vlist', renderRow: `(o, esc) => '<div role="row" class="css-r0w5a">' + ${cells.map((c) => `'<div role="gridcell">' + (${c}) + '</div>'`).join(' + ')} + '</div>'` }],
    mode: 'recycle',
    rowHeight: 34,
    viewRows: 4,
  };
}

const pocketfulRecycled = recycled(
  'Pocketful — Orders',
  '',
  ['Time', 'Instrument', 'Side', 'Qty', 'Price', 'OMS Order ID', 'Status', ''],
  [time, `esc(o.symbol)`, `esc(o.side)`, `esc(o.filled) + '/' + esc(o.quantity)`, `esc(o.price.toFixed(2))`, `'<span>' + esc(o.id) + '</span>' + ${copy('Copy')}`, `esc((${word})(o))`, `''`],
);

const coinswitchRecycled = recycled(
  'CoinSwitch PRO — Orders',
  '',
  ['Pair', 'Side', 'Price', 'Amount', 'Order ID', 'Status', ''],
  [`esc(o.symbol)`, `o.side === 'BUY' ? 'Buy' : 'Sell'`, num('o.price'), `esc(o.quantity)`, `'<span title="' + esc(o.id) + '">' + esc(o.id.slice(0, 8) + '…' + o.id.slice(-4)) + '</span>' + ${copy('Copy order ID')}`, `esc((${word})(o))`, `''`],
);

// --- no order-id column ------------------------------------------------------------------------

const zebpayNoId: SpaPageOptions = {
  title: 'ZebPay Futures — Open orders',
  style: `${base}[role=table]{display:block;margin:12px}[role=row]{display:grid;grid-template-columns:1.2fr .6fr 1fr .6fr .6fr 1fr .5fr .8fr;align-items:center;height:34px;border-bottom:1px solid #1d2740}
[role=columnheader]{color:#6f7b93;font-size:12px}`,
  body: `<section class="sc-dkzDqf"><h2 class="sc-hKMtZM">Open Orders</h2><div role="table" aria-label="Open orders" class="sc-eCYdqJ"><div role="rowgroup"><div role="row" class="sc-gKXOVf">${['Contract', 'Side', 'Price', 'Amount', 'Filled', 'Time', 'Status', '']
    .map((h) => `<div role="columnheader">${h}${h ? sort : ''}</div>`)
    .join('')}</div></div><div role="rowgroup" id="zp-noid"></div></div></section>`,
  mounts: [
    {
      selector: '#zp-noid',
      select: `(orders) => orders.filter(${open})`,
      renderRow: `(o, esc) => { const c = (h) => '<div role="cell" class="sc-kLLXSd">' + h + '</div>';
  return '<div role="row" class="sc-ftvSup">' + c('<span>' + esc(o.symbol) + '</span> <span class="sc-tag">Perp</span>') + c(o.side === 'BUY' ? 'Buy' : 'Sell') + c(${num('o.price')}) +
    c(esc(o.quantity)) + c(esc(o.filled)) + c(${time}) + c((${iconStatus})(o, esc)) + c('') + '</div>'; }`,
    },
  ],
  mode: 'keyed',
};

const HOSTS: Record<VenueId, [string, string]> = {
  pacetrader: ['pacetrader.pacefin.in', '/shapes/'],
  pocketful: ['trade.pocketful.in', '/shapes/'],
  'zebpay-futures': ['zebpay.com', '/shapes/'],
  tradernet: ['tradernet.com', '/terminal/shapes/'],
  coinswitch: ['pro.coinswitch.co', '/shapes/'],
};

const page = (venue: VenueId, shape: string, fixture: SpaPageOptions): VenuePage => ({
  name: `shapes/${venue}/${shape}`,
  venue,
  hosts: [HOSTS[venue][0]],
  pathPrefix: `${HOSTS[venue][1]}${shape}`,
  fixture,
  html: () => spaPage(fixture),
});

/** The URL a shape's page is served at. */
export const shapeUrl = (venue: VenueId, shape: string) => `https://${HOSTS[venue][0]}${HOSTS[venue][1]}${shape}`;

export const shapePages: VenuePage[] = [
  page('pacetrader', 'split', paceSplit),
  page('tradernet', 'split', tradernetSplit),
  page('tradernet', 'shadow', tradernetShadow),
  page('coinswitch', 'shadow', coinswitchShadow),
  page('pocketful', 'recycle', pocketfulRecycled),
  page('coinswitch', 'recycle', coinswitchRecycled),
  page('zebpay-futures', 'no-id', zebpayNoId),
];
