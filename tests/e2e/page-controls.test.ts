// The controls in real Chromium: only a person can use them (a page script's click() or synthetic
// events cancel nothing), a covered or hidden control refuses, pages no recipe knows work through
// the generic detector or a user page rule, SPA navigation is followed, and an extension reload
// leaves no orphaned control behind.
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

const deletes = (id: string) => h.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.includes(id));

async function journalHas(id: string): Promise<boolean> {
  const worker = await h.worker();
  const all = await worker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
  return Object.entries(all as Record<string, any>).some(([k, v]) => k.startsWith('journal:') && v?.orderId === id);
}

/** Presses Tab until the control of that row has the focus (the page sees its host as the active element). */
async function focusControl(page: Page, id: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((x) => document.activeElement?.closest(`[data-sim-key="${x}"]`) != null && document.activeElement?.tagName === 'QC-CANCEL', id)) return;
  }
  throw new Error(`could not focus the control of ${id}`);
}

const controlOf = (page: Page, id: string) => page.locator(`[data-sim-key="${id}"] qc-cancel`);

describe('only a person can use a control', () => {
  it('a page script calling click() or dispatching synthetic events on it cancels nothing; the page cannot reach its button', async () => {
    const page = await open('/orders');
    const id = '202611220001';
    await expect.poll(() => controlOf(page, id).count()).toBe(1);
    const seen = await page.evaluate((x) => {
      const host = document.querySelector(`[data-sim-key="${x}"] qc-cancel`) as HTMLElement;
      host.click();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: 5, clientY: 5, detail: 1 }));
      }
      host.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true }));
      host.focus();
      for (const key of ['Enter', ' ']) {
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
      (host.parentElement as HTMLElement).click();
      return { shadowRoot: host.shadowRoot, children: host.children.length, keys: Object.keys(host), buttons: document.querySelectorAll('button').length };
    }, id);
    expect(seen).toEqual({ shadowRoot: null, children: 0, keys: [], buttons: 0 });
    await page.waitForTimeout(500);
    expect(deletes(id)).toEqual([]);
    expect(await journalHas(id)).toBe(false);
    expect(await controlOf(page, id).getAttribute('data-state')).toBe('idle');

    // The same control does act on a real click.
    await controlOf(page, id).click();
    await expect.poll(() => journalHas(id)).toBe(true);
    await expect.poll(() => deletes(id).length, { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it('a control covered by an overlay refuses; uncovered, the same key press cancels', async () => {
    const page = await open('/orders');
    const id = '202611220007';
    await expect.poll(() => controlOf(page, id).count()).toBe(1);
    const box = (await controlOf(page, id).boundingBox())!;
    await page.evaluate((b) => {
      const veil = document.createElement('div');
      veil.id = 'veil';
      veil.textContent = 'Special offer!';
      Object.assign(veil.style, { position: 'fixed', left: `${b.x - 20}px`, top: `${b.y - 10}px`, width: `${b.width + 40}px`, height: `${b.height + 20}px`, background: '#fff', zIndex: '9' });
      document.body.append(veil);
    }, box);
    // A pointer click lands on the overlay, not on the control.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // A key press reaches the focused control, which sees it is covered and refuses.
    await focusControl(page, id);
    await page.keyboard.press('Enter');
    await expect.poll(() => controlOf(page, id).getAttribute('data-state')).toBe('failed');
    await page.waitForTimeout(300);
    expect(deletes(id)).toEqual([]);
    expect(await journalHas(id)).toBe(false);

    await page.evaluate(() => document.getElementById('veil')!.remove());
    await focusControl(page, id);
    await page.keyboard.press('Enter');
    await expect.poll(() => journalHas(id)).toBe(true);
    await expect.poll(() => deletes(id).length, { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  it('a control the page made invisible refuses', async () => {
    const page = await open('/orders');
    const id = '20261122-16';
    await expect.poll(() => controlOf(page, id).count()).toBe(1);
    await page.evaluate((x) => ((document.querySelector(`[data-sim-key="${x}"] qc-cancel`) as HTMLElement).style.opacity = '0'), id);
    await focusControl(page, id);
    await page.keyboard.press('Enter');
    await expect.poll(() => controlOf(page, id).getAttribute('data-state')).toBe('failed');
    await page.waitForTimeout(300);
    expect(await journalHas(id)).toBe(false);
    await page.close();
  });
});

describe('pages no recipe knows', () => {
  it.each(['aria-grid', 'div-grid', 'two-tables'])('%s: the generic detector puts controls on the open orders only', async (name) => {
    const page = await open(`/variant/${name}`);
    const want = openIds();
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(want.length);
    for (const id of want) expect(await controlOf(page, id).count()).toBe(1);
    if (name === 'two-tables') expect(await page.locator('#trade-history qc-cancel').count()).toBe(0);
    else expect(await page.locator('[data-sim-key="202611220003"] qc-cancel').count()).toBe(0);
    await page.close();
  });

  it('a user page rule makes an unknown list work, and taking it away takes the controls away', async () => {
    const page = await open('/variant/mystery');
    await page.waitForTimeout(500);
    expect(await page.locator('qc-cancel').count()).toBe(0);
    const worker = await h.worker();
    await worker.evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ pageRules: [{ venue: 'pocketful', row: '#book li.ordr', idSelector: '.ref', statusSelector: '.st' }] }),
    );
    const want = openIds();
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(want.length);
    for (const id of want) expect(await controlOf(page, id).count()).toBe(1);
    await worker.evaluate(() => (globalThis as any).chrome.storage.local.set({ pageRules: [] }));
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(0);
    await page.close();
  });
});

describe('the page changing under the controls', () => {
  it('SPA navigation away from the order book and back', async () => {
    const page = await open('/orders');
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(openIds().length);
    await page.evaluate(() => {
      const w = window as any;
      w.__saved = document.querySelector('main')!.innerHTML.replace(/<qc-cancel[^>]*><\/qc-cancel>/g, '');
      history.pushState({}, '', '/positions');
      document.querySelector('main')!.innerHTML = '<h2>Positions</h2><p>No open positions</p>';
    });
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(0);
    await page.evaluate(async () => {
      const w = window as any;
      history.pushState({}, '', '/orders');
      document.querySelector('main')!.innerHTML = w.__saved;
      await w.__sim.refresh();
    });
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(openIds().length);
    expect(unexpectedHosts(h.sim)).toEqual([]);
    await page.close();
  });

  // Last in the file: in this headless setup the reloaded extension does not come back.
  it('an extension reload: the orphaned content script takes its controls away at the page\'s next change', async () => {
    const page = await open('/orders');
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(openIds().length);
    const worker = await h.worker();
    await worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => h.context.serviceWorkers().includes(worker), { timeout: 15_000 }).toBe(false);
    await page.evaluate(() => (window as any).__sim.refresh());
    await expect.poll(() => page.locator('qc-cancel').count()).toBe(0);
    await page.close();
  });
});
