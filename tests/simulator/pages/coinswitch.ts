// CoinSwitch PRO's web app (a Next.js app with CSS-module class names, <Module>_<name>__<hash>):
// the orders list is virtualised — rows absolutely positioned, new rows appended at the end of
// the DOM whatever their place on screen. The order id (a UUID) is shown truncated with the full
// value in a title and a copy button. Served at pro.coinswitch.co and at coinswitch.co/pro/.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

const coinswitch: SpaPageOptions = {
  title: 'CoinSwitch PRO',
  style: `body{font:13px Manrope,system-ui,sans-serif;margin:0;background:#0b0f19;color:#e8ecf4}
.Layout_header__k2Jd8{padding:12px 18px;background:#121828;font-weight:800}
.OpenOrders_container__3kd9a{margin:12px 18px;background:#121828;border-radius:8px}
.OpenOrders_header__Xy12b,.OpenOrders_row__2hG7x{display:grid;grid-template-columns:1fr .6fr 1fr .8fr .8fr 1.4fr 1.2fr 1.4fr 1fr;align-items:center;height:36px;padding:0 8px}
.OpenOrders_header__Xy12b{color:#7d879c;font-size:12px}.OpenOrders_list__9sd8f{position:relative;min-height:420px}
.OpenOrders_row__2hG7x{position:absolute;left:0;right:0;border-top:1px solid #1b2236}.OpenOrders_buy__p0Lz1{color:#26c281}.OpenOrders_sell__Lk2Qa{color:#f0616d}
.OpenOrders_copy__Vb7Rt{background:none;border:0;color:#7d879c;padding:0 4px}`,
  body: `<div id="__next"><div class="Layout_header__k2Jd8">CoinSwitch PRO</div>
<div class="OpenOrders_container__3kd9a"><div class="OpenOrders_tabs__a81Kd"><button class="OpenOrders_tabActive__Zp0qw">Orders</button></div>
<div class="OpenOrders_header__Xy12b"><div>Pair</div><div>Side</div><div>Price</div><div>Amount</div><div>Filled</div><div>Order ID</div><div>Status</div><div>Date</div><div></div></div>
<div class="OpenOrders_list__9sd8f" id="cs-orders"></div></div></div>`,
  mounts: [
    {
      selector: '#cs-orders',
      renderRow: `(o, esc) => {
  const status = { open: o.filled > 0 ? 'Partially Executed' : 'Open', cancelling: 'Cancellation Raised', cancelled: 'Cancelled', filled: 'Executed', rejected: 'Discarded', expired: 'Expired' }[o.status];
  const short = o.id.slice(0, 8) + '…' + o.id.slice(-4);
  const d = (name, html) => '<div class="OpenOrders_' + name + '">' + html + '</div>';
  return '<div class="OpenOrders_row__2hG7x">' +
    d('pair__1aB2c', esc(o.symbol)) +
    d('side__Qm3sE ' + (o.side === 'BUY' ? 'OpenOrders_buy__p0Lz1' : 'OpenOrders_sell__Lk2Qa'), esc(o.side)) +
    d('price__Hh7Tr', '₹ ' + esc(o.price.toLocaleString('en-IN'))) +
    d('amount__Tc5Wn', esc(o.quantity)) + d('filled__Ru8Yb', esc(o.filled)) +
    '<div class="OpenOrders_orderId__8kL3m" title="' + esc(o.id) + '"><span>' + esc(short) + '</span>' +
    '<button class="OpenOrders_copy__Vb7Rt" aria-label="Copy order ID"><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M3 1h7v8H3z" fill="none" stroke="currentColor"/></svg></button></div>' +
    d('status__4Tz9q', esc(status)) + d('date__Vw2Ks', esc(new Date(o.createdAtMs).toISOString().slice(0, 10))) +
    d('actions__7Qw1e', '') + '</div>';
}`,
    },
  ],
  mode: 'virtual',
  rowHeight: 36,
};

/**
 * An open-orders panel that shows no order id at all (as CoinSwitch's own UI likely does, per
 * venues/coinswitch.md): utility classes, a sort arrow, a coin icon, the side as a coloured word,
 * the status as an icon with a title. Only the venue's own list can say which order a row is.
 */
const noIdColumn: SpaPageOptions = {
  title: 'CoinSwitch PRO — Open orders',
  style: `body{font:13px Manrope,system-ui,sans-serif;margin:0;background:#0b0f19;color:#e8ecf4}.tw-p-4{padding:16px}
table{border-collapse:collapse;width:100%}th,td{padding:6px 10px;border-bottom:1px solid #1b2236;text-align:left}.tw-text-green-500{color:#26c281}.tw-text-red-500{color:#f0616d}`,
  body: `<main class="tw-p-4"><h3 class="tw-text-sm tw-font-bold">Open Orders</h3><table class="css-9f8e7d"><thead><tr class="tw-h-8">
<th>Pair <span class="css-1q2w3e" aria-hidden="true">▲▼</span></th><th>Side</th><th>Price (INR)</th><th>Amount</th><th>Filled</th><th>Time</th><th>Status</th><th></th></tr></thead>
<tbody id="cs-open"></tbody></table></main>`,
  mounts: [
    {
      selector: '#cs-open',
      select: `(orders) => orders.filter((o) => o.status === 'open' || o.status === 'cancelling')`,
      empty: '<tr><td colspan="8">No open orders</td></tr>',
      renderRow: `(o, esc) => '<tr class="css-a1b2c3"><td><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6"/></svg> <span class="tw-font-medium">' + esc(o.symbol) + '</span></td>' +
  '<td><span class="' + (o.side === 'BUY' ? 'tw-text-green-500' : 'tw-text-red-500') + '">' + (o.side === 'BUY' ? 'Buy' : 'Sell') + '</span></td>' +
  '<td>' + esc(o.price.toLocaleString('en-IN')) + '</td><td>' + esc(o.quantity) + '</td><td>' + esc(o.filled) + '</td>' +
  '<td>' + esc(new Date(o.createdAtMs).toLocaleTimeString('en-GB')) + '</td>' +
  '<td><i class="icon-clock" role="img" aria-label="' + (o.status === 'cancelling' ? 'Cancellation raised' : 'Open') + '"></i></td><td></td></tr>'`,
    },
  ],
  mode: 'keyed',
};

export const coinswitchPages: VenuePage[] = [
  { name: 'coinswitch/no-id', venue: 'coinswitch', hosts: ['pro.coinswitch.co'], pathPrefix: '/variant/no-id', fixture: noIdColumn, html: () => spaPage(noIdColumn) },
  { name: 'coinswitch', venue: 'coinswitch', hosts: ['pro.coinswitch.co'], pathPrefix: '/', fixture: coinswitch, html: () => spaPage(coinswitch) },
  { venue: 'coinswitch', hosts: ['coinswitch.co'], pathPrefix: '/pro/', fixture: coinswitch, html: () => spaPage(coinswitch) },
];
