// The benchmark's order book: the Pocketful table with as many rows as asked, built in the page
// (window.__benchRender(n)). Served at coinswitch.co/qc-bench/, a path no content script matches,
// so the benchmark runs QuickCancel's page code there itself and times it in the page.
import type { VenuePage } from './index';
import { pocketfulRenderRow, pocketfulStyle, pocketfulTable } from './pace';

const html = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order book (benchmark)</title><style>${pocketfulStyle}</style></head>
<body><header>Pocketful · Orders</header><main>${pocketfulTable}</main>
<script>
(() => {
  const renderRow = ${pocketfulRenderRow};
  const esc = (v) => String(v).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const symbols = ['RELIANCE', 'TCS', 'INFY', 'HDFCBANK', 'ITC', 'SBIN', 'LT', 'AXISBANK'];
  const order = (i) => ({
    id: String(202611300000 + i), symbol: symbols[i % symbols.length], side: i % 3 ? 'BUY' : 'SELL',
    price: 100 + (i % 500) / 4, quantity: 1 + (i % 50), filled: 0, status: i % 10 === 9 ? 'filled' : 'open',
    createdAtMs: 1790000000000 - i * 1000, extra: { executionType: 'REGULAR' },
  });
  window.__benchOrder = (i, patch) => renderRow({ ...order(i), ...patch }, esc);
  window.__benchRender = (n) => {
    const html = [];
    for (let i = 0; i < n; i++) html.push(renderRow(order(i), esc));
    document.querySelector('#orders').innerHTML = html.join('');
  };
})();
</script></body></html>`;

export const benchPages: VenuePage[] = [{ venue: 'coinswitch', hosts: ['coinswitch.co'], pathPrefix: '/qc-bench/', html }];
