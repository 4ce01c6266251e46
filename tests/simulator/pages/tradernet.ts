// Tradernet's web terminal (tradernet.com/terminal/): the Orders widget, a table of BEM-named
// rows with the numeric order id (what delTradeOrder takes) beside the exchange's order number
// (which cannot cancel). The widget redraws its whole body on every update.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

export const tradernet: SpaPageOptions = {
  title: 'Tradernet — Terminal',
  style: `body{font:12px "PT Sans",Arial,sans-serif;margin:0;background:#eef1f5;color:#222}
.tn-header{background:#fff;padding:8px 14px;border-bottom:1px solid #d5dbe3;font-weight:700;color:#e30613}
.widget{margin:10px;background:#fff;border:1px solid #d5dbe3}.widget__head{padding:6px 10px;border-bottom:1px solid #d5dbe3;font-weight:700}
table{border-collapse:collapse;width:100%}th,td{padding:5px 8px;border-bottom:1px solid #edf0f4;text-align:right;white-space:nowrap}th{color:#7a8594;font-weight:400}
.order-line--buy .order-line__oper{color:#1a9d49}.order-line--sell .order-line__oper{color:#d9262b}.order-line__id a{color:#2361c4;text-decoration:none}`,
  body: `<div class="tn-terminal"><div class="tn-header">tradernet</div>
<div class="widget widget--orders" id="widget-orders"><div class="widget__head"><span class="widget__title">Orders</span></div>
<table class="tn-grid orders-table"><thead><tr><th>Date</th><th>Ticker</th><th>Operation</th><th>Type</th><th>Price</th><th>Qty</th><th>Left</th><th>Order #</th><th>Exch. No.</th><th>Status</th><th></th></tr></thead>
<tbody id="tn-orders"></tbody></table></div></div>`,
  mounts: [
    {
      selector: '#tn-orders',
      renderRow: `(o, esc) => {
  const active = o.status === 'open' || o.status === 'cancelling';
  const status = active ? (o.filled > 0 ? 'Partially filled' : 'Active') : { cancelled: 'Cancelled', filled: 'Executed', rejected: 'Rejected', expired: 'Expired' }[o.status];
  const type = { 1: 'Market', 2: 'Limit', 3: 'Stop', 4: 'Stop-limit' }[Number(o.extra.type ?? 2)] || 'Limit';
  const date = new Date(o.createdAtMs).toISOString().replace('T', ' ').slice(0, 16);
  const td = (name, html) => '<td class="order-line__' + name + '">' + html + '</td>';
  return '<tr class="order-line order-line--' + o.side.toLowerCase() + (active ? ' order-line--active' : '') + '" data-id="' + esc(o.id) + '">' +
    td('date', esc(date)) + td('ticker', esc(o.symbol)) + td('oper', o.side === 'BUY' ? 'Buy' : 'Sell') + td('type', type) +
    td('price', esc(o.price.toFixed(2)) + '&nbsp;<small>' + esc(o.extra.cur || 'USD') + '</small>') + td('qty', esc(o.quantity)) +
    td('left', esc(active ? o.quantity - o.filled : 0)) +
    td('id', '<a href="#order/' + esc(o.id) + '">' + esc(o.id) + '</a>') +
    td('nb', esc(o.extra.orderNb || '')) + td('status', esc(status)) + td('actions', '') + '</tr>';
}`,
    },
  ],
  mode: 'replace',
};

export const tradernetPages: VenuePage[] = [
  { name: 'tradernet', venue: 'tradernet', hosts: ['tradernet.com'], pathPrefix: '/terminal/', fixture: tradernet, html: () => spaPage(tradernet) },
];
