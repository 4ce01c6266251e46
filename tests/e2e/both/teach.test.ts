// "Teach this page" end to end, in the browser under test: on a broker page that no recipe, header
// reading or venue matching reads, the popup starts teaching, one trusted click on an order row
// teaches a rule (live count in the panel, the page never gets the click), Enter saves it, and then
// every order row has a Cancel control that cancels its own order at the venue. The popup's page
// health shows the rule's rows and the venue's open order the page does not show, cancellable
// there. A page's synthetic click while teaching picks nothing. On the same broker's page without an
// order-id column, the row's symbol, side, quantity and price are taught instead, and each row is
// matched to the venue's open order it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';
import { axeViolations } from './axe';

const URL = 'https://trade.pocketful.in/variant/teach';
const EQUITY = ['202612030101', '202612030102', '202612030103'];
const FUTURE = '202612030104';
const PANEL = 'html > div';
const soon = { timeout: 20_000 };
const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const idCell = (id: string) => `[data-sim-key="${id}"] .css-1v8a0ce`;
const TAUGHT = { venue: 'pocketful', row: 'div[role="list"][aria-label="Open orders"] > div[role="listitem"]', idSelector: ':scope > div:nth-child(5)' };

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  d.sim.seed('pocketful', [
    { id: EQUITY[0]!, symbol: 'RELIANCE', side: 'BUY', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } },
    { id: EQUITY[1]!, symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, extra: { executionType: 'REGULAR' } },
    { id: EQUITY[2]!, symbol: 'INFY', side: 'BUY', price: 1500, quantity: 2, extra: { executionType: 'REGULAR' } },
    { id: FUTURE, symbol: 'NIFTY26DECFUT', side: 'SELL', price: 24310, quantity: 75, extra: { executionType: 'REGULAR' } },
    { id: '202612030105', symbol: 'WIPRO', side: 'BUY', price: 300, quantity: 1, status: 'filled', filled: 1 },
  ]);
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

/** The page's tab, and the popup about it (as the toolbar button opens it over that tab). */
async function popupFor(url = URL): Promise<DriverPage> {
  const helper = await d.extensionPage('popup.html');
  const tabId = await helper.evaluate(async (url) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const [tab] = await api.tabs.query({ url });
    return tab?.id as number;
  }, url);
  await helper.close();
  expect(tabId).toBeGreaterThan(0);
  const popup = await d.extensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor('section[aria-label="This page"]');
  return popup;
}

async function startTeaching(page: DriverPage, popup: DriverPage) {
  await popup.bringToFront();
  await popup.clickButton('Teach this page');
  await expect.poll(() => popup.count('[data-teach=teaching]'), soon).toBe(1);
  await page.bringToFront();
  await expect.poll(() => page.shadowText(PANEL), soon).toContain('Click one of your open orders on this page');
}

describe(`teaching a page in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('one click teaches a rule with a live count; saved, it puts a control on every order row that cancels that order', async () => {
    const page = await d.open(URL);
    await expect.poll(() => page.count('[role=listitem]'), soon).toBe(3);
    const popup = await popupFor();
    // Nothing reads this page yet: the page says so, and the venue's four open orders are "not shown".
    await expect.poll(() => popup.text('[data-health=rows]'), soon).toBe('No order rows found on this page.');
    expect(await page.count('[data-quickcancel]')).toBe(0);

    await startTeaching(page, popup);
    await page.click(idCell(EQUITY[1]!));
    await expect.poll(() => page.shadowText(PANEL), soon).toContain('This rule finds 3 order rows on this page.');
    // The click was the user's choice for QuickCancel: the page's own row handler never saw it.
    expect(await page.evaluate(() => (window as any).__rowClicks)).toBe(0);
    expect(await page.evaluate(() => document.getElementById('drawer')!.classList.contains('open'))).toBe(false);
    expect(await page.count('[data-quickcancel]')).toBe(0);

    await page.press('Enter');
    await expect.poll(async () => (await d.storage()).pageRules, soon).toEqual([TAUGHT]);
    await expect.poll(() => page.count(PANEL), soon).toBe(0);
    await expect.poll(() => page.count('[data-quickcancel]'), soon).toBe(3);
    for (const id of EQUITY) expect(await page.count(control(id))).toBe(1);

    // Page health: the rule's rows, all tied to Pocketful's orders, and the future the page leaves off.
    await popup.bringToFront();
    await expect.poll(() => popup.text('[data-teach=saved]'), soon).toContain(TAUGHT.row);
    await expect.poll(() => popup.text('[data-health=rows]'), soon).toBe('3 order rows found (3 by your rule).');
    await expect.poll(() => popup.attr('[data-health=unshown] li', 'data-order'), soon).toBe(FUTURE);
    expect(await popup.text('[data-health=unshown]')).toContain('1 open order on Pocketful not shown on this page');
    expect(await axeViolations(popup)).toEqual([]);

    await page.bringToFront();
    await page.click(control(EQUITY[1]!));
    await expect.poll(() => d.sim.orders('pocketful').find((o) => o.id === EQUITY[1])!.status, soon).toBe('cancelled');
    const deletes = () => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE').map((r) => r.path.split('?')[0]);
    expect(deletes()).toEqual([`/api/v1/orders/${EQUITY[1]}`]);

    // The order the page does not show is cancelled from the popup.
    await popup.bringToFront();
    await popup.clickButton('Cancel', '[data-health=unshown]');
    await expect.poll(() => d.sim.orders('pocketful').find((o) => o.id === FUTURE)!.status, soon).toBe('cancelled');
    expect(deletes()).toEqual([`/api/v1/orders/${EQUITY[1]}`, `/api/v1/orders/${FUTURE}`]);
    for (const id of [EQUITY[0]!, EQUITY[2]!]) expect(d.sim.orders('pocketful').find((o) => o.id === id)!.status).toBe('open');
    await popup.close();
    await page.close();
    expect(unknownHosts(d)).toEqual([]);
  });

  it('a rule that matches nothing here says so; a page’s synthetic click while teaching picks nothing; Esc stops without saving', async () => {
    const stale = { venue: 'pocketful', row: 'table.orders-v1 > tbody > tr', idSelector: ':scope > td:nth-child(2)' };
    await d.setStorage({ pageRules: [stale] });
    const page = await d.open(URL);
    const shown = d.sim.orders('pocketful').filter((o) => o.status === 'open' && !/FUT$/.test(o.symbol)).length;
    await expect.poll(() => page.count('[role=listitem]'), soon).toBe(shown);
    const popup = await popupFor();
    await expect.poll(() => popup.text('[data-health=rule-miss]'), soon).toBe(`A page rule matches nothing here: ${stale.row}`);
    await startTeaching(page, popup);

    // The page fakes a user's click on a row (every event of one) and presses Enter for the user.
    await page.evaluate((sel) => {
      const cell = document.querySelector(sel)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) cell.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      (cell as HTMLElement).click();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }, idCell(EQUITY[0]!));
    // The page's own events reached the page's own handler, and nothing else.
    expect(await page.evaluate(() => (window as any).__rowClicks)).toBe(2);
    const panel = await page.shadowText(PANEL);
    expect(panel).toContain('Click one of your open orders on this page');
    expect(panel).not.toContain('This rule finds');

    await page.press('Enter');
    await page.press('Escape');
    await expect.poll(() => page.count(PANEL), soon).toBe(0);
    await popup.bringToFront();
    await expect.poll(() => popup.text('[data-teach=stopped]'), soon).toBe('Stopped without saving');
    expect((await d.storage()).pageRules).toEqual([stale]);
    expect(await page.count('[data-quickcancel]')).toBe(0);
    await popup.close();
    await page.close();
  });

  it('a page that shows no order id: the row’s identifying cells become the rule, and each row cancels the order it shows', async () => {
    await d.setStorage({ pageRules: [] });
    const noId = 'https://trade.pocketful.in/variant/teach-no-id';
    const open = d.sim.orders('pocketful').filter((o) => o.status === 'open' && !/FUT$/.test(o.symbol));
    expect(open.length).toBeGreaterThanOrEqual(2);
    const page = await d.open(noId);
    await expect.poll(() => page.count('[role=listitem]'), soon).toBe(open.length);
    const popup = await popupFor(noId);
    await startTeaching(page, popup);
    await page.click(`[data-sim-key="${open[0]!.id}"] .sc-egiyK`);
    await expect.poll(() => page.shadowText(PANEL), soon).toContain(`This rule finds ${open.length} order rows on this page.`);
    expect(await page.shadowText(PANEL)).toContain('These rows show no order id');
    await page.press('Enter');
    await expect.poll(async () => (await d.storage()).pageRules, soon).toEqual([
      {
        venue: 'pocketful',
        row: TAUGHT.row,
        fields: { symbol: ':scope > div:nth-child(1) > span:nth-child(1)', side: ':scope > div:nth-child(2)', quantity: ':scope > div:nth-child(3)', price: ':scope > div:nth-child(4)' },
      },
    ]);
    await expect.poll(() => page.count('[data-quickcancel]'), soon).toBe(open.length);
    for (const o of open) expect(await page.count(control(o.id))).toBe(1);

    const target = open[open.length - 1]!;
    const before = d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE').length;
    await page.click(control(target.id));
    await expect.poll(() => d.sim.orders('pocketful').find((o) => o.id === target.id)!.status, soon).toBe('cancelled');
    const deletes = d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE').slice(before);
    expect(deletes.map((r) => r.path.split('?')[0])).toEqual([`/api/v1/orders/${target.id}`]);
    for (const o of open.slice(0, -1)) expect(d.sim.orders('pocketful').find((x) => x.id === o.id)!.status).toBe('open');
    await popup.close();
    await page.close();
  });
});
