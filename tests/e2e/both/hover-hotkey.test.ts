// The hover hotkey in the browser under test: the command reaches the tab as the background relays
// it (Firefox: the browser's own command event; Chromium: its worker sends the same), and the page's content
// script cancels the order whose row the real mouse rests on — only when armed, never while the
// focus is in a field, and not because the page itself posted a message or faked the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOVER_CANCEL } from '../../../lib/page/runtime/hover-hotkey';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, type Driver, type DriverPage } from '../driver';

let d: Driver;
const IDS = ['9301', '9302', '9303', '9304', '9305', '9306'];
beforeAll(async () => {
  d = await launchDriver();
  d.sim.seed('pocketful', IDS.map((id) => ({ id, symbol: 'TCS', extra: { executionType: 'REGULAR' } })));
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const cell = (id: string) => `[data-sim-key="${id}"] td`;
const cancels = (id: string) => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && (r.path.includes(id) || r.body.includes(id)));
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const arm = (on: boolean) => d.setStorage({ settings: { hoverHotkey: on } });

const pressHotkey = () => d.command('cancel-hovered');

async function book(): Promise<DriverPage> {
  const page = await d.open('https://trade.pocketful.in/orders');
  await page.waitFor('[data-quickcancel]');
  // The fixture's own refresh would replace rows under the resting mouse.
  await page.evaluate(() => (window as any).__sim.stop());
  await page.bringToFront();
  return page;
}

/** Nothing reached the venue for that order, and its control is untouched. */
async function nothingSent(page: DriverPage, id: string) {
  await settle(300);
  expect(cancels(id)).toEqual([]);
  expect(await page.controlState(control(id))).toBe('idle');
}

describe(`hover hotkey in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('armed, the mouse resting on a row: that order is cancelled, and no other', async () => {
    await arm(true);
    const page = await book();
    await page.hover(cell('9302'));
    await pressHotkey();
    await expect.poll(() => page.controlState(control('9302')), { timeout: 20_000 }).toBe('cancelled');
    expect(cancels('9302')).toHaveLength(1);
    expect(d.sim.orders('pocketful').filter((o) => o.status === 'cancelled').map((o) => o.id)).toEqual(['9302']);
    await page.close();
  });

  it('the focus in an input: nothing is sent', async () => {
    await arm(true);
    const page = await book();
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('input'), { id: 'price' })));
    await page.click('#price');
    await page.hover(cell('9303'));
    await pressHotkey();
    await nothingSent(page, '9303');
    // The same press with the focus out of the field cancels: it was the field that stopped it.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await pressHotkey();
    await expect.poll(() => cancels('9303').length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('not armed: nothing is sent', async () => {
    await arm(false);
    const page = await book();
    await page.hover(cell('9304'));
    await pressHotkey();
    await nothingSent(page, '9304');
    await arm(true);
    await settle(200);
    await pressHotkey();
    await expect.poll(() => cancels('9304').length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('the page posting the message or faking the key does nothing; the real command still works', async () => {
    await arm(true);
    const page = await book();
    await page.hover(cell('9305'));
    await page.evaluate((type) => {
      window.postMessage({ type }, '*');
      window.postMessage(JSON.stringify({ type }), '*');
      for (const target of [document, document.body, document.querySelector('[data-sim-key="9305"] td')!]) {
        for (const kind of ['keydown', 'keyup']) target.dispatchEvent(new KeyboardEvent(kind, { key: 'C', code: 'KeyC', altKey: true, shiftKey: true, bubbles: true, composed: true }));
      }
    }, HOVER_CANCEL);
    await nothingSent(page, '9305');
    await pressHotkey();
    await expect.poll(() => cancels('9305').length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });

  it('keeps working after in-page navigation', async () => {
    await arm(true);
    const page = await book();
    await page.evaluate(() => {
      const list = document.querySelector('#orders')!;
      (window as any).__kept = list;
      list.remove();
      history.pushState({}, '', '/positions');
    });
    await expect.poll(() => page.count('[data-quickcancel]')).toBe(0);
    await page.evaluate(() => {
      history.pushState({}, '', '/orders');
      document.body.append((window as any).__kept);
    });
    await page.waitFor(control('9306'));
    await page.hover(cell('9306'));
    await pressHotkey();
    await expect.poll(() => cancels('9306').length, { timeout: 20_000 }).toBe(1);
    await page.close();
  });
});
