// The controls in real Chromium: pages no recipe knows work through the generic detector or a user
// page rule, SPA navigation is followed, and an extension reload leaves no orphaned control behind.
// (Only a person can use a control, and a covered or hidden one refuses: both/page-cancel.test.ts.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { SAMPLES } from '../unit/page/samples';
import { launch, unexpectedHosts, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.sim.seed('pocketful', SAMPLES.pocketful);
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => h?.close());

/** The orders open at the venue now (the page shows a control on exactly these). */
const openIds = () => h.sim.orders('pocketful').filter((o) => o.status === 'open' || o.status === 'cancelling').map((o) => o.id);

async function open(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`https://trade.pocketful.in${path}`);
  await page.evaluate(() => (window as any).__sim.stop());
  return page;
}

const controlOf = (page: Page, id: string) => page.locator(`[data-sim-key="${id}"] [data-quickcancel]`);

describe('pages no recipe knows', () => {
  it.each(['aria-grid', 'div-grid', 'two-tables'])('%s: the generic detector puts controls on the open orders only', async (name) => {
    const page = await open(`/variant/${name}`);
    const want = openIds();
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(want.length);
    for (const id of want) expect(await controlOf(page, id).count()).toBe(1);
    if (name === 'two-tables') expect(await page.locator('#trade-history [data-quickcancel]').count()).toBe(0);
    else expect(await page.locator('[data-sim-key="202611220003"] [data-quickcancel]').count()).toBe(0);
    await page.close();
  });

  it('a user page rule makes an unknown list work, and taking it away takes the controls away', async () => {
    const page = await open('/variant/mystery');
    await page.waitForTimeout(500);
    expect(await page.locator('[data-quickcancel]').count()).toBe(0);
    const worker = await h.worker();
    await worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ pageRules: [{ venue: 'pocketful', row: '#book li.ordr', idSelector: '.ref', statusSelector: '.st' }] }),
    );
    const want = openIds();
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(want.length);
    for (const id of want) expect(await controlOf(page, id).count()).toBe(1);
    await worker.evaluate(() => (globalThis as any).chrome.storage.local.set({ pageRules: [] }));
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(0);
    await page.close();
  });
});

describe('the page changing under the controls', () => {
  it('SPA navigation away from the order book and back', async () => {
    const page = await open('/orders');
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(openIds().length);
    await page.evaluate(() => {
      const w = window as any;
      w.__saved = document.querySelector('main')!.innerHTML.replace(/<span data-quickcancel[^>]*><\/span>/g, '');
      history.pushState({}, '', '/positions');
      document.querySelector('main')!.innerHTML = '<h2>Positions</h2><p>No open positions</p>';
    });
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(0);
    await page.evaluate(async () => {
      const w = window as any;
      history.pushState({}, '', '/orders');
      document.querySelector('main')!.innerHTML = w.__saved;
      await w.__sim.refresh();
    });
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(openIds().length);
    expect(unexpectedHosts(h.sim)).toEqual([]);
    await page.close();
  });

  // Last in the file: in this headless setup the reloaded extension does not come back.
  it('an extension reload: the orphaned content script takes its controls away at the page\'s next change', async () => {
    const page = await open('/orders');
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(openIds().length);
    const worker = await h.worker();
    await worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => h.context.serviceWorkers().includes(worker), { timeout: 15_000 }).toBe(false);
    await page.evaluate(() => (window as any).__sim.refresh());
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(0);
    await page.close();
  });
});
