// The Tradelab web terminal's order book (PaceTrader, Pocketful): a table with the OMS order
// number in its own column, modelled on the public screenshots of both terminals.
import type { VenuePage } from './index';
import { spaPage } from './spa';

const style = `body{font:13px system-ui,sans-serif;margin:0;background:#f6f7fb;color:#1d2433}
header{background:#1f3a93;color:#fff;padding:10px 16px;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:8px 10px;border-bottom:1px solid #e3e6ef;text-align:left}
th{font-size:12px;color:#5b6478;text-transform:uppercase}.buy{color:#0a8a3a}.sell{color:#c62828}
.status{font-weight:600;font-size:12px}`;

const renderRow = `(o, esc) => {
  const wire = { open: o.extra.orderStatus || 'CONFIRMED', cancelling: o.extra.orderStatus || 'CONFIRMED', cancelled: 'CANCELLED', filled: 'COMPLETE', rejected: 'REJECTED', expired: 'REJECTED' }[o.status];
  const time = new Date(o.createdAtMs).toLocaleTimeString('en-IN', { hour12: false });
  return '<tr class="order-row" data-oms="' + esc(o.id) + '">' +
    '<td>' + esc(time) + '</td>' +
    '<td><span class="sym">' + esc(o.symbol) + '</span> <small>' + esc(o.extra.exchange || 'NSE') + '</small></td>' +
    '<td class="' + (o.side === 'BUY' ? 'buy' : 'sell') + '">' + esc(o.side) + '</td>' +
    '<td>' + esc(o.filled) + '/' + esc(o.quantity) + '</td>' +
    '<td>' + esc(o.price.toFixed(2)) + '</td>' +
    '<td>' + esc(o.extra.executionType || 'REGULAR') + '</td>' +
    '<td class="oms-id">' + esc(o.id) + '</td>' +
    '<td><span class="status">' + esc(wire) + '</span></td>' +
    '<td class="actions"></td></tr>';
}`;

function pacePage(venue: 'pocketful' | 'pacetrader', host: string, brand: string): VenuePage {
  return {
    venue,
    hosts: [host],
    pathPrefix: '/',
    html: () =>
      spaPage({
        title: `${brand} — Orders`,
        style,
        body: `<header>${brand} · Orders</header><main><table id="order-book"><thead><tr>
<th>Time</th><th>Instrument</th><th>Side</th><th>Qty</th><th>Price</th><th>Type</th><th>OMS Order ID</th><th>Status</th><th></th>
</tr></thead><tbody id="orders"></tbody></table></main>`,
        mount: '#orders',
        renderRow,
      }),
  };
}

export const pacePages: VenuePage[] = [
  pacePage('pocketful', 'trade.pocketful.in', 'Pocketful'),
  pacePage('pacetrader', 'pacetrader.pacefin.in', 'PaceTrader'),
];
