// ZebPay Futures' web app (a React app with styled-components class names that change on every
// deploy): open orders and order history as two ARIA tables of div rows. The open-orders rows show
// the client order id, which is what ZebPay cancels by, and the exchange's numeric order id.
// Rows are kept per order; a changed row is replaced by a new element.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

const header = (cells: string[], rowClass = 'sc-gKXOVf') =>
  `<div role="rowgroup" class="sc-jSMfEi eYnLqU"><div role="row" class="${rowClass} hdr">${cells
    .map((c) => `<div role="columnheader" class="sc-bZkfAO">${c}</div>`)
    .join('')}</div></div>`;

const cells = `(o, esc) => {
  const open = o.status === 'open' || o.status === 'cancelling';
  const status = open ? (o.filled > 0 ? 'Partially Filled' : 'New') : { cancelled: 'Canceled', filled: 'Filled', rejected: 'Rejected', expired: 'Expired' }[o.status];
  const exchId = o.extra.orderId ?? 900000000 + o.createdAtMs % 1000000;
  const time = new Date(o.createdAtMs).toISOString().replace('T', ' ').slice(0, 19);
  const c = (label, html) => '<div role="cell" class="sc-kLLXSd" data-label="' + label + '">' + html + '</div>';
  return { open, status, exchId, time, c };
}`;

const openRow = `(o, esc) => {
  const { status, exchId, time, c } = (${cells})(o, esc);
  return '<div role="row" class="sc-ftvSup kXpQxB" data-testid="open-order-row">' +
    c('Contract', '<span class="sc-sym">' + esc(o.symbol) + '</span><span class="sc-tag">Perp</span>') +
    c('Side', '<span class="sc-side sc-side--' + o.side.toLowerCase() + '">' + (o.side === 'BUY' ? 'Buy' : 'Sell') + '</span>') +
    c('Type', esc(String(o.extra.type || 'LIMIT')[0] + String(o.extra.type || 'LIMIT').slice(1).toLowerCase())) +
    c('Price', esc(o.price.toLocaleString('en-IN'))) +
    c('Amount', esc(o.quantity)) +
    c('Filled', esc(o.filled)) +
    c('Client Order ID', '<span class="sc-ellipsis" title="' + esc(o.id) + '">' + esc(o.id) + '</span>') +
    c('Order ID', esc(exchId)) +
    c('Status', '<span class="sc-status">' + esc(status) + '</span>') +
    c('Time', esc(time)) +
    c('Action', '') + '</div>';
}`;

const historyRow = `(o, esc) => {
  const { status, time, c } = (${cells})(o, esc);
  return '<div role="row" class="sc-ftvSup jQmUoP" data-testid="history-order-row">' +
    c('Contract', esc(o.symbol)) + c('Side', o.side === 'BUY' ? 'Buy' : 'Sell') + c('Price', esc(o.price.toLocaleString('en-IN'))) +
    c('Amount', esc(o.quantity)) + c('Filled', esc(o.filled)) + c('Client Order ID', esc(o.id)) +
    c('Status', esc(status)) + c('Time', esc(time)) + '</div>';
}`;

const isOpen = `(o) => o.status === 'open' || o.status === 'cancelling'`;

const zebpay: SpaPageOptions = {
  title: 'ZebPay Futures — Orders',
  style: `body{font:13px Inter,system-ui,sans-serif;margin:0;background:#0d1421;color:#e6e9ef}
.sc-bczRLJ{padding:12px 18px;background:#111a2e;font-weight:700;color:#2f6bff}section{margin:12px 18px}h2{font-size:14px;color:#9aa4b8}
[role=table]{display:block;background:#111a2e;border-radius:6px}[role=row]{display:grid;grid-template-columns:1.2fr .6fr .6fr 1fr .6fr .6fr 1.6fr 1fr .9fr 1.3fr 1fr;border-bottom:1px solid #1d2740}
.jQmUoP{grid-template-columns:1.2fr .6fr 1fr .6fr .6fr 1.6fr .9fr 1.3fr}
[role=columnheader]{padding:8px;color:#6f7b93;font-size:12px}[role=cell]{padding:8px;overflow:hidden}.sc-ellipsis{display:block;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.sc-side--buy{color:#16c784}.sc-side--sell{color:#ea3943}.sc-tag{margin-left:4px;font-size:10px;color:#6f7b93}`,
  body: `<div id="root"><header class="sc-bczRLJ hKzLbW">ZebPay · Futures</header><main class="sc-gsnTZi jBcSC">
<section class="sc-dkzDqf bOqTyd"><h2 class="sc-hKMtZM">Open Orders</h2>
<div role="table" aria-label="Open orders" class="sc-eCYdqJ">${header(['Contract', 'Side', 'Type', 'Price', 'Amount', 'Filled', 'Client Order ID', 'Order ID', 'Status', 'Time', '<span class="sr-only">Action</span>'])}
<div role="rowgroup" class="sc-iBkjds" id="zp-open"></div></div></section>
<section class="sc-dkzDqf bOqTyd"><h2 class="sc-hKMtZM">Order History</h2>
<div role="table" aria-label="Order history" class="sc-eCYdqJ">${header(['Contract', 'Side', 'Price', 'Amount', 'Filled', 'Client Order ID', 'Status', 'Time'], 'sc-ftvSup jQmUoP')}
<div role="rowgroup" class="sc-iBkjds" id="zp-history"></div></div></section></main></div>`,
  mounts: [
    {
      selector: '#zp-open',
      renderRow: openRow,
      select: `(orders) => orders.filter(${isOpen}).sort((a, b) => b.createdAtMs - a.createdAtMs)`,
      empty: '<div class="sc-empty">No open orders</div>',
    },
    {
      selector: '#zp-history',
      renderRow: historyRow,
      select: `(orders) => orders.filter((o) => !(${isOpen})(o)).sort((a, b) => b.createdAtMs - a.createdAtMs)`,
    },
  ],
  mode: 'keyed',
};

export const zebpayPages: VenuePage[] = [
  { name: 'zebpay-futures', venue: 'zebpay-futures', hosts: ['zebpay.com'], pathPrefix: '/', fixture: zebpay, html: () => spaPage(zebpay) },
];
