// On each venue's own page, at its real host, with the production build of the browser under test:
// a trusted click cancels exactly that order, a double click sends one cancel, a page script's
// click() or synthetic events send nothing, and a covered or invisible control refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../../unit/page/samples';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';
import { pressEnterOn } from './press';
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

const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const cancelsOf = (venue: (typeof CASES)[number]['venue'], id: string) =>
  d.sim.apiRequests(venue).filter((r) => (r.method === 'DELETE' || r.path.includes('delTradeOrder')) && (r.path.includes(id) || r.body.includes(id)));

const journalHas = async (id: string) => Object.entries(await d.storage()).some(([k, v]) => k.startsWith('journal:') && (v as any)?.orderId === id);

/** The control shows it refused, and nothing reached the venue or the history. */
async function refused(page: DriverPage, id: string) {
  await expect.poll(() => page.controlState(control(id))).toBe('failed');
  // Time for a request, had one been started, to reach the venue.
  await new Promise((r) => setTimeout(r, 300));
  expect(cancelsOf('pocketful', id)).toEqual([]);
  expect(await journalHas(id)).toBe(false);
}

async function sentOnce(id: string) {
  await expect.poll(() => journalHas(id)).toBe(true);
  await expect.poll(() => cancelsOf('pocketful', id).length, { timeout: 15_000 }).toBe(1);
}

async function book(url: string): Promise<DriverPage> {
  const page = await d.open(url);
  await page.waitFor('[data-quickcancel]');
  // The fixture's own refresh would replace a finished row (and its control) before it is read.
  await page.evaluate(() => (window as any).__sim.stop());
  return page;
}

describe(`page cancels in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it.each(CASES)('$venue: a trusted click cancels exactly that order', async (c) => {
    const page = await book(c.url);
    await page.click(control(c.cancel));
    await expect.poll(() => page.controlState(control(c.cancel)), { timeout: 20_000 }).toBe('cancelled');
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
    await expect.poll(() => page.controlState(selector), { timeout: 20_000 }).toBe('cancelled');
    await page.click(selector);
    await expect.poll(() => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith('/6201')).length).toBe(1);
    expect(Object.entries(await d.storage()).filter(([k, v]) => k.startsWith('journal:') && (v as any).orderId === '6201')).toHaveLength(1);
    await page.close();
  });

  it('a page script calling click() or dispatching synthetic events cancels nothing, and cannot reach the button; a real click does', async () => {
    const page = await book('https://trade.pocketful.in/orders');
    const id = '202611220001';
    const seen = await page.evaluate((s) => {
      const host = document.querySelector(s) as HTMLElement;
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
    }, control(id));
    expect(seen).toEqual({ shadowRoot: null, children: 0, keys: [], buttons: 0 });
    // Time for whatever the forged events might have started to reach the venue.
    await new Promise((r) => setTimeout(r, 500));
    expect(cancelsOf('pocketful', id)).toEqual([]);
    expect(await journalHas(id)).toBe(false);
    expect(await page.controlState(control(id))).toBe('idle');

    await page.click(control(id));
    await sentOnce(id);
    await page.close();
  });

  it('a control covered by an overlay refuses; uncovered, the same key press cancels', async () => {
    const page = await book('https://trade.pocketful.in/orders');
    const id = '202611220007';
    await page.evaluate((s) => {
      const b = document.querySelector(s)!.getBoundingClientRect();
      const veil = document.createElement('div');
      veil.id = 'veil';
      veil.textContent = 'Special offer!';
      Object.assign(veil.style, { position: 'fixed', left: `${b.x - 20}px`, top: `${b.y - 10}px`, width: `${b.width + 40}px`, height: `${b.height + 20}px`, background: '#fff', zIndex: '9' });
      document.body.append(veil);
    }, control(id));
    // A pointer click at the control's place lands on the overlay.
    await page.click('#veil');
    // A key press reaches the focused control, which sees it is covered and refuses.
    await pressEnterOn(page, id);
    await refused(page, id);

    await page.evaluate(() => document.getElementById('veil')!.remove());
    await pressEnterOn(page, id);
    await sentOnce(id);
    await page.close();
  });

  it('a control the page made invisible refuses', async () => {
    const page = await book('https://trade.pocketful.in/orders');
    const id = '20261122-16';
    // The control's own style is put back at once; its cell's is the page's to set.
    await page.evaluate((s) => ((document.querySelector(s)!.parentElement as HTMLElement).style.opacity = '0'), control(id));
    await pressEnterOn(page, id);
    await refused(page, id);
    expect(unknownHosts(d)).toEqual([]);
    await page.close();
  });
});
