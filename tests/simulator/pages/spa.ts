// The runtime every fixture page shares: it polls the simulator's orders and re-renders its rows
// the way single-page apps do (rows replaced wholesale on each refresh). Tests drive it through
// window.__sim: refresh(), setPollMs(ms), stop().
export interface SpaPageOptions {
  title: string;
  style: string;
  /** Static markup; the element matching `mount` receives the rendered rows. */
  body: string;
  mount: string;
  /** JS source of `(order) => string`: the markup of one row for a SimOrder. */
  renderRow: string;
  /** JS source of `(orders) => orders`: filter/sort before rendering (default: all, newest first). */
  select?: string;
}

export function spaPage(o: SpaPageOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${o.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${o.style}</style></head>
<body>${o.body}
<script>
(() => {
  const renderRow = ${o.renderRow};
  const select = ${o.select ?? '(orders) => orders.slice().sort((a, b) => b.createdAtMs - a.createdAtMs)'};
  const esc = (v) => String(v).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  let timer = null, pollMs = 1000, renders = 0;
  async function refresh() {
    const res = await fetch('/__sim/orders', { cache: 'no-store' });
    const orders = select(await res.json());
    document.querySelector(${JSON.stringify(o.mount)}).innerHTML = orders.map((x) => renderRow(x, esc)).join('');
    renders++;
    document.documentElement.dataset.renders = String(renders);
  }
  function schedule() { clearTimeout(timer); if (pollMs > 0) timer = setTimeout(async () => { await refresh().catch(() => {}); schedule(); }, pollMs); }
  window.__sim = { refresh, renders: () => renders, setPollMs(ms) { pollMs = ms; schedule(); }, stop() { pollMs = 0; clearTimeout(timer); } };
  refresh().finally(schedule);
})();
</script></body></html>`;
}
