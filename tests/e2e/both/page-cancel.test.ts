// On each venue's own page, at its real host, with the production build of the browser under test:
// a trusted click cancels exactly that order, a double click sends one cancel, and a page script's
// click() or synthetic events send nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../../unit/page/samples';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';
import { CASES } from '../venue-cases';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  for (const c of CASES) {
    d.sim.seed(c.venue, SAMPLES[c.venue]);
    await d.setCredentials(c.venue, c.credentials);
  }
});
afterAll(async () => d?.close());

const control = (id: string) => `[data-sim-key="${id}"] qc-cancel`;
const cancelsOf = (venue: (typeof CASES)[number]['venue'], id: string) =>
  d.sim.apiRequests(venue).filter((r) => (r.method === 'DELETE' || r.path.includes('delTradeOrder')) && (r.path.includes(id) || r.body.includes(id)));

async function book(url: string): Promise<DriverPage> {
  const page = await d.open(url);
  await page.waitFor('qc-cancel');
  // The fixture's own refresh would replace a finished row (and its control) before it is read.
  await page.evaluate(() => (window as any).__sim.stop());
  return page;
}

describe(`page cancels in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it.each(CASES)('$venue: a trusted click cancels exactly that order', async (c) => {
    const page = await book(c.url);
    await page.click(control(c.cancel));
    await expect.poll(() => page.attr(control(c.cancel), 'data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(d.sim.orders(c.venue).find((o) => o.id === c.cancel)!.status).toBe('cancelled');
    expect(cancelsOf(c.venue, c.cancel)).toHaveLength(1);
    await page.close();
  });

  it('a double click sends one cancel', async () => {
    d.sim.seed('pocketful', [{ id: '6201', extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } }]);
    const page = await book('https://trade.pocketful.in/orders');
    const selector = control('6201');
    await page.click(selector);
    await page.click(selector);
    await expect.poll(() => page.attr(selector, 'data-state'), { timeout: 20_000 }).toBe('cancelled');
    await page.click(selector);
    await expect.poll(() => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith('/6201')).length).toBe(1);
    const journal = Object.entries(await d.storage()).filter(([k, v]) => k.startsWith('journal:') && (v as any).orderId === '6201');
    expect(journal).toHaveLength(1);
    await page.close();
  });

  it('click() and synthetic events from the page send nothing; the same control acts on a real click', async () => {
    d.sim.seed('pocketful', [{ id: '6202', extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } }]);
    const page = await book('https://trade.pocketful.in/orders');
    const selector = control('6202');
    await page.evaluate((s) => {
      const host = document.querySelector(s) as HTMLElement;
      host.click();
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: 5, clientY: 5, detail: 1 }));
      }
      host.focus();
      for (const key of ['Enter', ' ']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }, selector);
    // Time for whatever the forged events might have started to reach the venue.
    await new Promise((r) => setTimeout(r, 500));
    expect(d.sim.apiRequests('pocketful').filter((r) => r.path.includes('6202'))).toEqual([]);
    expect(await page.attr(selector, 'data-state')).toBe('idle');

    await page.click(selector);
    await expect.poll(() => page.attr(selector, 'data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(unknownHosts(d)).toEqual([]);
    await page.close();
  });
});
