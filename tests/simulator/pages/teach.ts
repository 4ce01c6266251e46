// A broker page no recipe, header reading or venue matching reads, for "Teach this page": a
// styled-components + Tailwind order book of div rows with generated class names, no header row,
// ids shown with a copy button, an order-details drawer opened by a click on a row, and a segment
// filter that leaves the F&O orders off the page (they stay open at the venue). Served at
// https://trade.pocketful.in/variant/teach, where the Pocketful content script runs.
import type { VenuePage } from './index';
import { spaPage, type SpaPageOptions } from './spa';

const isOpen = `(o) => o.status === 'open' || o.status === 'cancelling'`;
const copyIcon = '<svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true"><path d="M8 8h12v12H8zM4 4h12v2H6v10H4z"/></svg>';

/** The page; `ids: false` is the same broker's page without the order-id column (many show none). */
function fixture(ids: boolean): SpaPageOptions {
  return {
  title: 'Pocketful — Orders',
  style: `body{margin:0;font:13px Inter,system-ui,sans-serif;color:#1d2433;background:#f6f7fb}
.css-1d3bbye{max-width:980px;margin:0 auto}.css-k008qs{display:flex;gap:12px;align-items:center;padding:12px 16px;background:#fff;border-bottom:1px solid #e4e7ee}
.sc-iBkjds{display:flex;gap:8px;padding:10px 16px}.sc-iBkjds button{border:0;background:none;padding:6px 10px;border-radius:6px}.sc-iBkjds .is-on{background:#e8efff;color:#2248c9}
.sc-papXJ{background:#fff;margin:0 16px;border:1px solid #e4e7ee;border-radius:8px}
.sc-jSMfEi{display:grid;grid-template-columns:1.6fr .6fr .8fr 1fr 1.6fr .8fr 1.2fr;align-items:center;padding:10px 12px;border-bottom:1px solid #eef0f5;cursor:pointer}
.sc-jSMfEi:hover{background:#f3f6ff}.sc-eCYdqJ{font-weight:600}.sc-jRQBWg{display:block;color:#6b7385;font-size:11px}
.tw-text-green-600{color:#16a34a}.tw-text-red-600{color:#dc2626}.sc-cxabCf{border:0;background:none;cursor:pointer;padding:2px;margin-left:4px;vertical-align:middle}
.css-1v8a0ce{font-family:ui-monospace,monospace;font-size:12px}.sc-ftvSup{border:1px solid #c9cfdc;background:#fff;border-radius:4px;padding:3px 8px}
.drawer{position:fixed;right:0;top:0;bottom:0;width:260px;background:#fff;box-shadow:-4px 0 12px rgba(0,0,0,.1);padding:16px;display:none}.drawer.open{display:block}`,
  body: `<div id="__next"><div class="css-1d3bbye"><header class="css-k008qs"><b class="tw-font-semibold">pocketful</b><nav class="css-1x2y3z"><a href="#">Watchlist</a> <a href="#">Orders</a> <a href="#">Positions</a></nav></header>
<main class="css-13o7eu2"><div class="sc-gKsewC kqAZnD"><div class="sc-iBkjds"><button class="sc-ftvSup2 is-on">Open</button><button class="sc-ftvSup2">Executed</button><span class="tw-ml-auto">Segment: Equity ▾</span></div>
<div class="sc-papXJ hRtRaH" role="list" aria-label="Open orders"></div></div></main>
<aside class="drawer" id="drawer"></aside></div></div>
<script>
  // The page's own row click: opens the order's details (counted, so a test can see who got the click).
  window.__rowClicks = 0;
  document.addEventListener('click', (e) => {
    const row = e.target.closest && e.target.closest('[role=listitem]');
    if (!row) return;
    window.__rowClicks++;
    const d = document.getElementById('drawer');
    d.textContent = 'Order ' + row.getAttribute('data-sim-key');
    d.classList.add('open');
  });
</script>`,
  mounts: [
    {
      selector: '[aria-label="Open orders"]',
      // The Equity segment: futures (symbols ending in FUT) are on the F&O tab, not here.
      select: `(orders) => orders.filter((o) => (${isOpen})(o) && !/FUT$/.test(o.symbol)).sort((a, b) => b.createdAtMs - a.createdAtMs)`,
      empty: '<div class="sc-kDvujY">You have no open orders</div>',
      renderRow: `(o, esc) => '<div class="sc-jSMfEi cRmLqk" role="listitem">' +
  '<div class="sc-hKMtZM"><span class="sc-eCYdqJ">' + esc(o.symbol) + '</span><span class="sc-jRQBWg">NSE · ' + esc(o.extra.productType || 'CNC') + '</span></div>' +
  '<div class="sc-gXmSlM"><span class="' + (o.side === 'BUY' ? 'tw-text-green-600' : 'tw-text-red-600') + '">' + esc(o.side) + '</span></div>' +
  '<div class="sc-crHmcD">' + esc(o.filled) + ' / ' + esc(o.quantity) + '</div>' +
  '<div class="sc-egiyK">₹' + esc(o.price.toLocaleString('en-IN', { minimumFractionDigits: 2 })) + '</div>' +
  ${ids ? `'<div class="sc-bjUoiL"><span class="css-1v8a0ce">' + esc(o.id) + '</span><button class="sc-cxabCf" aria-label="Copy order ID" data-clipboard-text="' + esc(o.id) + '">${copyIcon.replace(/"/g, '\\"')}</button></div>' +` : ''}
  '<div class="sc-bcXHqe">' + esc(new Date(o.createdAtMs).toISOString().slice(11, 19)) + '</div>' +
  '<div class="sc-dmRaPn"><button class="sc-ftvSup">Modify</button></div></div>'`,
    },
  ],
  mode: 'keyed',
  };
}

export const teachFixture = fixture(true);
export const teachNoIdFixture = fixture(false);

export const teachPages: VenuePage[] = [
  { name: 'variant/teach-no-id', venue: 'pocketful', hosts: ['trade.pocketful.in'], pathPrefix: '/variant/teach-no-id', fixture: teachNoIdFixture, html: () => spaPage(teachNoIdFixture) },
  { name: 'variant/teach', venue: 'pocketful', hosts: ['trade.pocketful.in'], pathPrefix: '/variant/teach', fixture: teachFixture, html: () => spaPage(teachFixture) },
];
