// The Tradelab web terminal's order book, as the two brokers on it show it.
// Pocketful: one table, the OMS order number in its own column, rows rebuilt on every refresh.
// PaceTrader: the classic terminal's widget, a header table above a scrolling body table (split
// header/body), cells named by data-col, rows kept and patched in place by a React-like renderer.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

// The status word the OMS reports (tests/simulator/venues/pace-oms.ts paceWireStatus).
const wire = `(o) => ({ cancelled: o.extra.executionType === 'AMO' ? 'AMO_CANCEL_CONFIRMED' : 'CANCELLED', filled: 'COMPLETE', rejected: 'REJECTED', expired: 'REJECTED' }[o.status]
  || o.extra.orderStatus || (o.extra.executionType === 'AMO' ? 'AMO_REQ_RECEIVED' : 'CONFIRMED'))`;

export const pocketfulRenderRow = `(o, esc) => {
  const status = (${wire})(o);
  const time = new Date(o.createdAtMs).toLocaleTimeString('en-IN', { hour12: false });
  return '<tr class="order-row" data-oms="' + esc(o.id) + '">' +
    '<td class="time">' + esc(time) + '</td>' +
    '<td><span class="sym">' + esc(o.symbol) + '</span> <small>' + esc(o.extra.exchange || 'NSE') + '</small></td>' +
    '<td class="side ' + (o.side === 'BUY' ? 'buy' : 'sell') + '">' + esc(o.side) + '</td>' +
    '<td class="qty"><span class="filled">' + esc(o.filled) + '</span>/<span class="total">' + esc(o.quantity) + '</span></td>' +
    '<td class="price">' + esc(o.price.toFixed(2)) + '</td>' +
    '<td class="type">' + esc(o.extra.executionType || 'REGULAR') + '</td>' +
    '<td class="oms-id">' + esc(o.id) + '</td>' +
    '<td><span class="status">' + esc(status) + '</span></td>' +
    '<td class="actions"></td></tr>';
}`;

export const pocketfulStyle = `body{font:13px system-ui,sans-serif;margin:0;background:#f6f7fb;color:#1d2433}
header{background:#1f3a93;color:#fff;padding:10px 16px;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:8px 10px;border-bottom:1px solid #e3e6ef;text-align:left}
th{font-size:12px;color:#5b6478;text-transform:uppercase}.buy{color:#0a8a3a}.sell{color:#c62828}
.status{font-weight:600;font-size:12px}`;

export const pocketfulTable = `<table id="order-book"><thead><tr>
<th>Time</th><th>Instrument</th><th>Side</th><th>Qty</th><th>Price</th><th>Type</th><th>OMS Order ID</th><th>Status</th><th></th>
</tr></thead><tbody id="orders"></tbody></table>`;

export const pocketful: SpaPageOptions = {
  title: 'Pocketful — Orders',
  style: pocketfulStyle,
  body: `<header>Pocketful · Orders</header><main>${pocketfulTable}</main>`,
  mounts: [{ selector: '#orders', renderRow: pocketfulRenderRow }],
  mode: 'replace',
};

const pacetrader: SpaPageOptions = {
  title: 'PaceTrader',
  style: `body{font:12px Roboto,system-ui,sans-serif;margin:0;background:#10141f;color:#d8dee9}
.tl-nav{background:#0b0e16;padding:8px 14px;font-weight:700;color:#4fc3f7}
.tl-tabs button{background:none;border:0;color:#8892a6;padding:8px 12px}.tl-tabs [aria-selected=true]{color:#fff;border-bottom:2px solid #4fc3f7}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{padding:6px 8px;border-bottom:1px solid #232a3b;text-align:left;overflow:hidden;text-overflow:ellipsis}
.tl-table-header th{color:#8892a6;font-weight:500;background:#161b29}.tl-table-body{max-height:520px;overflow-y:auto}
.tl-badge{display:inline-block;width:18px;text-align:center;border-radius:3px;color:#fff}.tl-buy{background:#1e88e5}.tl-sell{background:#e53935}
.tl-exch{margin-left:4px;color:#8892a6;font-size:10px}.tl-icon{font-style:normal;margin-left:4px;color:#8892a6}
.tl-btn{background:#232a3b;color:#d8dee9;border:0;border-radius:3px;padding:3px 8px}`,
  body: `<div class="tl-app"><nav class="tl-nav">PaceTrader</nav>
<section class="tl-widget" id="orderbook">
<div class="tl-tabs" role="tablist"><button role="tab" aria-selected="true">Order Book</button><button role="tab" aria-selected="false">Trade Book</button></div>
<div class="tl-table">
<div class="tl-table-header"><table><colgroup><col style="width:70px"><col><col style="width:40px"><col><col style="width:60px"><col><col><col><col style="width:60px"><col><col></colgroup>
<thead><tr><th>Time</th><th>Symbol</th><th>B/S</th><th>Product</th><th>Qty</th><th>Price</th><th>OMS Order No.</th><th>Exch. Order No.</th><th>Leg</th><th>Status</th><th>Action</th></tr></thead></table></div>
<div class="tl-table-body"><table><colgroup><col style="width:70px"><col><col style="width:40px"><col><col style="width:60px"><col><col><col><col style="width:60px"><col><col></colgroup>
<tbody id="tl-orders"></tbody></table></div>
</div></section></div>`,
  mounts: [
    {
      selector: '#tl-orders',
      empty: '<tr class="tl-empty"><td colspan="11">No orders</td></tr>',
      renderRow: `(o, esc) => {
  const raw = (${wire})(o);
  const open = o.status === 'open' || o.status === 'cancelling';
  const shown = open && o.filled > 0 ? 'Partially Executed' : raw.split('_').map((w) => w === 'AMO' ? w : w[0] + w.slice(1).toLowerCase()).join(' ');
  const exch = String(o.extra.exchangeOrderId ?? (o.extra.executionType === 'AMO' ? '' : '13000000' + o.id.replace(/\\D/g, '').slice(-8)));
  const leg = String(o.extra.legOrderIndicator || '');
  const time = new Date(o.createdAtMs).toLocaleTimeString('en-IN', { hour12: false });
  return '<tr class="tl-row" data-row-key="' + esc(o.id + ':' + leg) + '">' +
    '<td data-col="time">' + esc(time) + '</td>' +
    '<td data-col="symbol"><span class="tl-symbol">' + esc(o.symbol) + '</span><span class="tl-exch">' + esc(o.extra.exchange || 'NSE') + '</span></td>' +
    '<td data-col="side"><span class="tl-badge tl-' + (o.side === 'BUY' ? 'buy' : 'sell') + '">' + (o.side === 'BUY' ? 'B' : 'S') + '</span></td>' +
    '<td data-col="product">' + esc(o.extra.product || 'MIS') + ' · ' + esc(o.extra.executionType || 'REGULAR') + '</td>' +
    '<td data-col="qty">' + esc(o.quantity) + '</td>' +
    '<td data-col="price">₹&nbsp;' + esc(o.price.toFixed(2)) + '</td>' +
    '<td data-col="oms_order_id"><span class="tl-mono">' + esc(o.id) + '</span><i class="tl-icon" aria-hidden="true">\\ue14d</i></td>' +
    '<td data-col="exchange_order_id">' + esc(exch) + '</td>' +
    '<td data-col="leg">' + esc(leg) + '</td>' +
    '<td data-col="status"><span class="tl-status">' + esc(shown) + '</span></td>' +
    '<td data-col="action">' + (open ? '<button class="tl-btn" type="button">Modify</button>' : '') + '</td></tr>';
}`,
    },
  ],
  mode: 'patch',
};

export const pacePages: VenuePage[] = [
  { name: 'pocketful', venue: 'pocketful', hosts: ['trade.pocketful.in'], pathPrefix: '/', fixture: pocketful, html: () => spaPage(pocketful) },
  { name: 'pacetrader', venue: 'pacetrader', hosts: ['pacetrader.pacefin.in'], pathPrefix: '/', fixture: pacetrader, html: () => spaPage(pacetrader) },
];
