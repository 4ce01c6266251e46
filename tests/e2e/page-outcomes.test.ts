// What the control on the broker's page tells the trader, in real Chromium: only what is true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { launch, type Harness } from './harness';
import { locatorState } from './control-info';

let h: Harness;
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

beforeAll(async () => {
  h = await launch();
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => h?.close());

async function book(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto('https://trade.pocketful.in/orders');
  // The page's own refresh would remove a finished row's control; hold it to read the control.
  await page.evaluate(() => (window as any).__sim.stop());
  return page;
}
const deletes = (id: string) => h.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${id}`));
const setSettings = (settings: object) => h.sendFromExtension({ type: 'settings.set', settings });

describe('the control on the page', () => {
  it('an order that filled before the click shows "Closed", not "Cancelled"', async () => {
    h.sim.seed('pocketful', [{ id: '6101', extra: CO }]);
    const page = await book();
    const control = page.locator('tr[data-oms="6101"] [data-quickcancel]');
    await control.waitFor();
    h.sim.setStatus('pocketful', '6101', 'filled');
    await control.click();
    await expect.poll(() => locatorState(control)).toBe('closed');
    // Whether the engine asked first or the venue refused the cancel, the order stayed filled.
    expect(deletes('6101').length).toBeLessThanOrEqual(1);
    expect(h.sim.orders('pocketful').find((o) => o.id === '6101')!.status).toBe('filled');
  });

  it('a slow venue: "Sending…" once the request has left, then the outcome', async () => {
    h.sim.seed('pocketful', [{ id: '6105', extra: CO }]);
    h.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'delay', ms: 1500 } });
    const page = await book();
    const control = page.locator('tr[data-oms="6105"] [data-quickcancel]');
    await control.click();
    await h.sim.waitForRequest((r) => r.method === 'DELETE' && r.path.endsWith('/6105'));
    await expect.poll(() => locatorState(control)).toBe('sending');
    await expect.poll(() => locatorState(control), { timeout: 10_000 }).toBe('cancelled');
    expect(deletes('6105')).toHaveLength(1);
  });

  it('with "confirm before a single cancel" on, the first click only asks; the second cancels', async () => {
    await setSettings({ confirmSingle: true });
    h.sim.seed('pocketful', [{ id: '6102', extra: CO }]);
    const page = await book();
    const control = page.locator('tr[data-oms="6102"] [data-quickcancel]');
    await control.waitFor();
    await expect.poll(async () => {
      await control.click();
      return locatorState(control);
    }).toBe('confirm');
    expect(deletes('6102')).toHaveLength(0);
    await control.click();
    await expect.poll(() => locatorState(control)).toBe('cancelled');
    expect(deletes('6102')).toHaveLength(1);
    await setSettings({ confirmSingle: false });
  });

  it('a venue turned off in Settings loses its controls, and gets them back when turned on', async () => {
    h.sim.seed('pocketful', [{ id: '6103', extra: CO }]);
    const page = await book();
    const controls = page.locator('[data-quickcancel]');
    await controls.first().waitFor();
    await setSettings({ disabledVenues: ['pocketful'] });
    await expect.poll(() => controls.count()).toBe(0);
    await setSettings({ disabledVenues: [] });
    await expect.poll(() => controls.count()).toBeGreaterThan(0);
  });
});
