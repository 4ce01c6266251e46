// Fills, shown where the trader looks, in real Chromium through the production build: a cancel of
// a partly filled order says "3 of 10 filled" on the row and in the popup, and a fill the venue
// reports after the cancel corrects the outcome in both. The row's words live in the control's
// closed shadow root, so they are read the way assistive technology reads them: the
// accessibility tree (over CDP), where the control's button is named with its outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { locatorState } from './control-info';
import { launch, type Harness } from './harness';

let h: Harness;
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };
// The page asks again once the background's late-fill watch is over (about 6 s).
const LATE = { timeout: 20_000, interval: 250 };

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

/** The accessible name of the control's button for this order (its label and outcome). */
async function controlName(page: Page, id: string): Promise<string> {
  const cdp = await h.context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value?: string }; name?: { value?: string } }> };
    return nodes.map((n) => String(n.name?.value ?? '')).find((name) => name.startsWith(`Cancel order ${id}`)) ?? '';
  } finally {
    await cdp.detach();
  }
}

async function popupRow(id: string): Promise<{ status: string; text: string } | undefined> {
  const popup = await h.extensionPage('popup.html');
  try {
    await popup.waitForSelector('.history li, .empty');
    return await popup.evaluate((x) => {
      const li = [...document.querySelectorAll('.history li')].find((el) => el.textContent!.includes(x));
      return li ? { status: li.getAttribute('data-status') ?? '', text: li.textContent ?? '' } : undefined;
    }, id);
  } finally {
    await popup.close();
  }
}

describe('fills on the row and in the popup', () => {
  it('a partial fill before the cancel: the cancel succeeds, and both say 3 of 10 filled', async () => {
    h.sim.seed('pocketful', [{ id: '7301', quantity: 10, filled: 3, extra: CO }]);
    const page = await book();
    const control = page.locator('tr[data-oms="7301"] [data-quickcancel]');
    await control.click();
    await expect.poll(() => locatorState(control), { timeout: 15_000 }).toBe('cancelled');
    expect(h.sim.orders('pocketful').find((o) => o.id === '7301')!.status).toBe('cancelled');
    await expect.poll(() => controlName(page, '7301'), LATE).toContain('Cancelled — 3 of 10 filled');
    await expect.poll(() => popupRow('7301'), LATE).toMatchObject({ status: 'cancelled', text: expect.stringContaining('Cancelled — 3 of 10 filled') });
    await page.close();
  });

  it('a late fill after the cancel: the outcome is corrected on the row and in the popup', async () => {
    h.sim.seed('pocketful', [{ id: '7302', quantity: 10, extra: CO }]);
    const page = await book();
    const control = page.locator('tr[data-oms="7302"] [data-quickcancel]');
    await control.click();
    await expect.poll(() => locatorState(control), { timeout: 15_000 }).toBe('cancelled');
    expect(await controlName(page, '7302')).not.toContain('filled');
    // The exchange had matched the whole order before the cancel took effect; the venue says so now.
    h.sim.setStatus('pocketful', '7302', 'filled');
    await expect.poll(() => popupRow('7302'), LATE).toMatchObject({ status: 'already-closed', text: expect.stringContaining('Filled before the cancel arrived (10 of 10)') });
    await expect.poll(() => locatorState(control), LATE).toBe('closed');
    expect(await controlName(page, '7302')).toContain('Filled before the cancel arrived (10 of 10)');
    await page.close();
  });
});
