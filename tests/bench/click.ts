// Trusted click → cancel request received by the venue, warm and cold worker, beside a plain fetch
// from the page to the same server, measured in the same run on the same page.
import type { Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { median, medianInterval, pairedDifferences } from './stats';
import type { BenchRow } from './types';

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

/**
 * Clicks `selector` with a real (trusted) click, waits for what it set off to reach the server,
 * and returns the time from the click event to that arrival. The click's time is read from the
 * page only after the arrival: a DevTools round trip in between would compete with the work
 * being measured.
 */
async function clickAndWait(page: Page, selector: string, arrival: () => Promise<{ atMs: number }>): Promise<number> {
  await page.evaluate(() => ((window as any).__clickAt = undefined));
  await page.locator(selector).click();
  const { atMs } = await arrival();
  return atMs - (await page.evaluate(() => (window as any).__clickAt as number));
}

async function preparePage(h: Harness, ids: string[]): Promise<Page> {
  h.sim.seed('pocketful', ids.map((id) => ({ id, extra: CO })));
  const page = await h.context.newPage();
  await page.goto('https://trade.pocketful.in/orders');
  await page.evaluate(() => {
    (window as any).__sim.stop();
    // The click's own timestamp, on the page's clock (capture phase: before any handler runs).
    document.addEventListener('click', (e) => ((window as any).__clickAt = performance.timeOrigin + e.timeStamp), true);
    const button = document.createElement('button');
    button.id = 'bench-fetch';
    button.textContent = 'fetch';
    button.style.cssText = 'position:fixed;top:4px;right:4px;z-index:9';
    let n = 0;
    button.addEventListener('click', () => void fetch(`/__sim/ping?n=${++n}`, { cache: 'no-store' }));
    document.body.append(button);
  });
  await page.locator('[data-quickcancel]').first().waitFor();
  return page;
}

async function stopWorker(h: Harness, page: Page) {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Let the stop complete before the click, so the click really meets a stopped worker.
  await page.waitForTimeout(300);
}

export async function benchClick(h: Harness, rounds = { warm: 60, cold: 15 }): Promise<BenchRow[]> {
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  const total = rounds.warm + rounds.cold;
  const ids = Array.from({ length: total }, (_, i) => String(910000 + i));
  const page = await preparePage(h, ids);
  await page.waitForTimeout(500);

  const warm: number[] = [];
  const cold: number[] = [];
  const baseline: number[] = [];
  const coldBaseline: number[] = [];
  let ping = 0;
  const measureFetch = () => {
    const n = ++ping;
    return clickAndWait(page, '#bench-fetch', () => h.sim.waitForRequest((r) => r.path === `/__sim/ping?n=${n}`));
  };
  const measureCancel = (id: string) =>
    clickAndWait(page, `tr[data-oms="${id}"] [data-quickcancel]`, () => h.sim.waitForRequest((r) => r.kind === 'api' && r.method === 'DELETE' && r.path.endsWith(`/${id}`)));

  for (let i = 0; i < rounds.warm; i++) {
    baseline.push(await measureFetch());
    // A page that shows orders asks for their status; that is what keeps the order list warm.
    await page.evaluate(() => (window as any).__sim.refresh());
    await page.waitForTimeout(150);
    warm.push(await measureCancel(ids[i]!));
  }
  for (let i = rounds.warm; i < total; i++) {
    coldBaseline.push(await measureFetch());
    await stopWorker(h, page);
    cold.push(await measureCancel(ids[i]!));
  }
  await page.close();

  const warmP50 = median(warm);
  const fetchP50 = median(baseline);
  const coldP50 = median(cold);
  // Each warm click ran right after its own fetch: their differences carry the budget.
  const above = pairedDifferences(warm, baseline);
  return [
    {
      name: 'trusted click → cancel received, warm worker (p50)', unit: 'ms', value: warmP50, samples: warm.length,
      baseline: { name: 'plain fetch from the page', value: fetchP50 },
      budget: '≤ 2 ms above the plain fetch (aim ≤ 1 ms)', withinBudget: median(above) <= 2,
      decide: { what: 'click minus its paired fetch', p50: median(above), interval: medianInterval(above), limit: 2 },
    },
    {
      name: 'trusted click → cancel received, stopped worker (p50)', unit: 'ms', value: coldP50, samples: cold.length,
      baseline: { name: 'plain fetch from the page', value: median(coldBaseline) },
      budget: '≤ 80 ms', withinBudget: coldP50 <= 80,
      decide: { what: 'the figure', p50: coldP50, interval: medianInterval(cold), limit: 80 },
    },
  ];
}
