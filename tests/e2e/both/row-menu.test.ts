// The row menu (the control's "▾" part) in the browser under test, through the production build
// against the simulator's Tradernet terminal (rows show ticker and side): "Cancel all <symbol>"
// cancels exactly the orders its confirmation listed and leaves an order placed after it open,
// "Cancel all <side> <symbol>" leaves the other side open, a row timer counts down on the row and
// ends in what really happened (cancelled, or filled first), and a page's synthetic click on a
// menu item sends nothing. Items are pressed with the browser's own mouse, found through the
// control's closed shadow root by the debugging protocol (the page itself cannot see them).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { launchDriver, unknownHosts, type Driver, type DriverPage, type ShadowPart } from '../driver';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  await d.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

const soon = { timeout: 20_000 };
const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const status = (id: string) => d.sim.orders('tradernet').find((o) => o.id === id)?.status;
const cancels = () => d.sim.apiRequests('tradernet').filter((r) => r.body.includes('delTradeOrder'));
/** Cancels whose order id starts so (matched on the id's own field: a nonce's digits can hold any id). */
const cancelsOf = (idPrefix: string) => cancels().filter((r) => new URLSearchParams(r.body).get('params[order_id]')?.startsWith(idPrefix));

async function book(url = 'https://tradernet.com/terminal/'): Promise<DriverPage> {
  const page = await d.open(url);
  await page.waitFor('[data-quickcancel]');
  // The terminal redraws its whole list every second; the menu is pressed on a still page.
  await page.evaluate(() => (window as any).__sim.stop());
  await page.bringToFront();
  return page;
}

/** What the control at that row draws now (a closed menu's items have no box). */
const shown = async (page: DriverPage, id: string): Promise<ShadowPart[]> => (await page.shadowParts(control(id))).filter((p) => p.width > 0);
const menuText = async (page: DriverPage, id: string) => (await shown(page, id)).map((p) => p.text).join('\n');

/** A trusted press, with the browser's own mouse, on the control's part whose text starts so. */
async function press(page: DriverPage, id: string, text: string) {
  const part = (await shown(page, id)).find((p) => p.tag === 'button' && p.text.startsWith(text));
  if (!part) throw new Error(`no "${text}" shown on ${id}: ${await menuText(page, id)}`);
  await page.mouseMove(part.x + part.width / 2, part.y + part.height / 2);
  await page.mouseClickHere();
}

/** Opens the row's menu once it offers `item` (the venue's list of open orders reaches the page first). */
async function openMenuWith(page: DriverPage, id: string, item: string) {
  await expect
    .poll(async () => {
      if (await menuText(page, id).then((t) => t.includes(item))) return true;
      if ((await shown(page, id)).some((p) => p.tag === 'p' || p.text.startsWith('Cancel if'))) await page.press('Escape');
      await press(page, id, '▾');
      return menuText(page, id).then((t) => t.includes(item));
    }, soon)
    .toBe(true);
}

/**
 * What the extension's isolated world in that tab holds for the row menu (where the content script
 * runs and the background injects the menu's script), asked from an extension page; and what the
 * page's own world sees under the same name.
 */
async function menuScriptIn(page: DriverPage, url: string): Promise<{ isolated: string; main: string }> {
  const helper = await d.extensionPage('popup.html');
  const isolated = await helper.evaluate(async (url) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    // The newest tab at that address: a page an earlier test left open is not this one.
    const [tab] = (await api.tabs.query({ url })).sort((a: { id: number }, b: { id: number }) => b.id - a.id);
    const [got] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: () => typeof (globalThis as any)[Symbol.for('quickcancel.rowMenu')] });
    return got.result as string;
  }, url);
  await helper.close();
  const main = await page.evaluate(() => typeof (window as any)[Symbol.for('quickcancel.rowMenu')]);
  return { isolated, main };
}

const listed = async (page: DriverPage, id: string) => (await shown(page, id)).filter((p) => p.tag === 'li').map((p) => p.text.split(' ')[0]).sort();

describe(`the row menu in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('"Cancel all <symbol>" lists exactly the symbol\'s open orders, cancels those, and leaves an order placed after the confirmation open', async () => {
    d.sim.seed('tradernet', [
      { id: '8394001', symbol: 'AAPL.US', side: 'BUY' },
      { id: '8394002', symbol: 'AAPL.US', side: 'SELL' },
      { id: '8394003', symbol: 'AAPL.US', side: 'BUY' },
      { id: '8394004', symbol: 'AMZN.US', side: 'BUY' },
    ]);
    const page = await book();
    await openMenuWith(page, '8394001', 'Cancel all AAPL.US (3)');
    expect(await menuText(page, '8394001')).toContain('Cancel all Buy AAPL.US (2)');
    expect(cancels()).toEqual([]);
    if (process.env.QC_SCREENSHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot('docs/screenshots/row-menu.png');
    }
    await press(page, '8394001', 'Cancel all AAPL.US (3)');
    await expect.poll(() => menuText(page, '8394001')).toContain('Cancel all AAPL.US: exactly these 3?');
    expect(await listed(page, '8394001')).toEqual(['8394001', '8394002', '8394003']);
    expect(cancels()).toEqual([]);

    // Placed at the venue while the trader reads the list.
    d.sim.seed('tradernet', [{ id: '8394005', symbol: 'AAPL.US', side: 'BUY' }]);
    await press(page, '8394001', 'Cancel these 3');
    await expect.poll(() => menuText(page, '8394001'), soon).toContain('3 cancels: 3 cancelled. 1 new AAPL.US order appeared after you confirmed and was left open.');
    expect([status('8394001'), status('8394002'), status('8394003'), status('8394004'), status('8394005')]).toEqual(['cancelled', 'cancelled', 'cancelled', 'open', 'open']);
    expect(cancelsOf('8394004')).toEqual([]);
    expect(cancelsOf('8394005')).toEqual([]);
    // Each cancelled order's own control says so.
    await expect.poll(() => page.controlState(control('8394002')), soon).toBe('cancelled');
    await page.close();
  });

  it('"Cancel all <side> <symbol>" cancels that side only: the other side stays open', async () => {
    d.sim.seed('tradernet', [
      { id: '8395001', symbol: 'MSFT.US', side: 'SELL' },
      { id: '8395002', symbol: 'MSFT.US', side: 'BUY' },
      { id: '8395003', symbol: 'MSFT.US', side: 'SELL' },
    ]);
    const page = await book();
    await openMenuWith(page, '8395001', 'Cancel all Sell MSFT.US (2)');
    await press(page, '8395001', 'Cancel all Sell MSFT.US (2)');
    await expect.poll(() => listed(page, '8395001')).toEqual(['8395001', '8395003']);
    // The focus starts on Back: an Enter pressed out of habit cancels nothing.
    await page.press('Enter');
    await expect.poll(() => menuText(page, '8395001')).toContain('Cancel all Sell MSFT.US (2)');
    expect(cancelsOf('83950')).toEqual([]);
    // The list came back under the resting pointer: a press without moving onto it is refused.
    await page.mouseClickHere();
    await expect.poll(() => menuText(page, '8395001')).toContain('Not sent: the menu just appeared under the pointer');
    await page.mouseMove(5, 5);
    await press(page, '8395001', 'Cancel all Sell MSFT.US (2)');
    await press(page, '8395001', 'Cancel these 2');
    await expect.poll(() => menuText(page, '8395001'), soon).toContain('2 cancels: 2 cancelled.');
    expect([status('8395001'), status('8395002'), status('8395003')]).toEqual(['cancelled', 'open', 'cancelled']);
    expect(cancelsOf('8395002')).toEqual([]);
    await page.close();
  });

  it('a page\'s synthetic click on a menu item sends nothing; the same item pressed for real does', async () => {
    d.sim.seed('tradernet', [
      { id: '8397001', symbol: 'TSLA.US', side: 'BUY' },
      { id: '8397002', symbol: 'TSLA.US', side: 'BUY' },
    ]);
    const page = await book();
    await openMenuWith(page, '8397001', 'Cancel all TSLA.US (2)');
    await page.shadowSyntheticClick(control('8397001'), 'Cancel all TSLA.US (2)');
    await page.shadowSyntheticClick(control('8397001'), 'Cancel if not filled in 30 s');
    await new Promise((r) => setTimeout(r, 500));
    expect(await menuText(page, '8397001')).not.toContain('exactly these');
    await press(page, '8397001', 'Cancel all TSLA.US (2)');
    await expect.poll(() => menuText(page, '8397001')).toContain('exactly these 2?');
    await page.shadowSyntheticClick(control('8397001'), 'Cancel these 2');
    await new Promise((r) => setTimeout(r, 1000));
    expect(cancelsOf('83970')).toEqual([]);
    expect((await d.storage()).cancelTimers ?? []).toEqual([]);
    expect([status('8397001'), status('8397002')]).toEqual(['open', 'open']);
    await press(page, '8397001', 'Cancel these 2');
    await expect.poll(() => menuText(page, '8397001'), soon).toContain('2 cancels: 2 cancelled.');
    await page.close();
  });

  it('an item the page draws over (its own top-layer layer, click-through) refuses and sends nothing; uncovered, it acts', async () => {
    d.sim.seed('tradernet', [{ id: '8399001', symbol: 'ORCL.US', side: 'BUY' }]);
    const page = await book();
    await openMenuWith(page, '8399001', 'Cancel if not filled in 5 min');
    const item = (await shown(page, '8399001')).find((p) => p.text === 'Cancel if not filled in 5 min')!;
    // A decoy the pointer passes through, shown after the menu, so above it in the top layer.
    await page.evaluate((r) => {
      const decoy = Object.assign(document.createElement('div'), { id: 'decoy', textContent: 'Free shares!' });
      decoy.setAttribute('popover', 'manual');
      decoy.style.cssText = `position:fixed;inset:auto;margin:0;left:${r.x}px;top:${r.y}px;width:${r.width}px;height:${r.height}px;padding:0;border:0;background:#ffd;pointer-events:none`;
      document.body.append(decoy);
      decoy.showPopover();
    }, item);
    await press(page, '8399001', 'Cancel if not filled in 5 min');
    await expect.poll(() => menuText(page, '8399001')).toContain('Not sent: something is drawn over the control');
    expect((await d.storage()).cancelTimers ?? []).toEqual([]);
    await page.evaluate(() => document.getElementById('decoy')!.remove());
    await press(page, '8399001', 'Cancel if not filled in 5 min');
    await expect.poll(async () => (await d.storage()).cancelTimers?.map((t: { orderId: string }) => t.orderId), soon).toEqual(['8399001']);
    await d.send({ type: 'timers.remove', id: (await d.storage()).cancelTimers[0].id });
    await page.close();
  });

  it('the menu stays open beside its row while the terminal redraws every row each second, and still acts', async () => {
    d.sim.seed('tradernet', [{ id: '8398001', symbol: 'META.US', side: 'BUY' }, { id: '8398002', symbol: 'META.US', side: 'SELL' }]);
    const page = await d.open('https://tradernet.com/terminal/');
    await page.waitFor(control('8398001'));
    await page.bringToFront();
    await openMenuWith(page, '8398001', 'Cancel all META.US (2)');
    const renders = await page.evaluate(() => (window as any).__sim.renders());
    await expect.poll(() => page.evaluate(() => (window as any).__sim.renders()), soon).toBeGreaterThan(renders + 1);
    expect(await menuText(page, '8398001')).toContain('Cancel all META.US (2)');
    await press(page, '8398001', 'Cancel all META.US (2)');
    await expect.poll(() => menuText(page, '8398001')).toContain('exactly these 2?');
    await press(page, '8398001', 'Cancel these 2');
    await expect.poll(() => menuText(page, '8398001'), soon).toContain('2 cancels: 2 cancelled.');
    expect([status('8398001'), status('8398002')]).toEqual(['cancelled', 'cancelled']);
    await page.close();
  });

  it('a row timer counts down on the row and ends true: the order still open is cancelled, the one filled first is shown filled and gets no cancel', { timeout: 90_000 }, async () => {
    // Pocketful's order book, where the simulator's fill reads as one (as in timers.test.ts).
    const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };
    d.sim.seed('pocketful', [{ id: '8396001', symbol: 'TCS', extra: CO }, { id: '8396002', symbol: 'TCS', extra: CO }]);
    const page = await book('https://trade.pocketful.in/orders');
    for (const id of ['8396001', '8396002']) {
      await openMenuWith(page, id, 'Cancel if not filled in 30 s');
      await press(page, id, 'Cancel if not filled in 30 s');
      await expect.poll(async () => (await page.control(control(id)))?.text, soon).toMatch(/^Cancel 0:[0-3]\d$/);
    }
    const info = (await page.control(control('8396001')))!;
    expect(info.label).toMatch(/a timer cancels it at .* unless it fills first/);
    expect((await d.storage()).cancelTimers.map((t: { orderId: string }) => t.orderId).sort()).toEqual(['8396001', '8396002']);
    const deletes = (id: string) => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${id}`));
    expect([...deletes('8396001'), ...deletes('8396002')]).toEqual([]);

    // The venue fills one before its timer fires.
    d.sim.setStatus('pocketful', '8396002', 'filled');
    await expect.poll(() => page.controlState(control('8396001')), { timeout: 60_000 }).toBe('cancelled');
    await expect.poll(() => page.controlState(control('8396002')), { timeout: 30_000 }).toBe('closed');
    expect((await page.control(control('8396002')))!.title).toContain('Filled before the timer fired');
    expect(d.sim.orders('pocketful').filter((o) => o.id.startsWith('83960')).map((o) => o.status)).toEqual(['cancelled', 'filled']);
    expect(deletes('8396001')).toHaveLength(1);
    expect(deletes('8396002')).toEqual([]);
    expect((await d.storage()).cancelTimers).toEqual([]);
    expect(unknownHosts(d)).toEqual([]);
    await page.close();
  });

  // Last: it cancels an order, and the tests above count every cancel the venue received.
  it('its script is not in the page until the first real ▾ press (a page\'s synthetic press loads nothing), then loads there only and works', async () => {
    d.sim.seed('tradernet', [{ id: '8393901', symbol: 'NVDA.US', side: 'BUY' }]);
    const url = 'https://tradernet.com/terminal/';
    const page = await book(url);
    expect(await menuScriptIn(page, url)).toEqual({ isolated: 'undefined', main: 'undefined' });
    await page.shadowSyntheticClick(control('8393901'), '▾');
    await new Promise((r) => setTimeout(r, 500));
    expect(await menuScriptIn(page, url)).toEqual({ isolated: 'undefined', main: 'undefined' });
    expect(await menuText(page, '8393901')).not.toContain('Cancel if not filled');
    await openMenuWith(page, '8393901', 'Cancel all NVDA.US (1)');
    // Loaded into the extension's isolated world; the page's own scripts still see nothing of it.
    expect(await menuScriptIn(page, url)).toEqual({ isolated: 'function', main: 'undefined' });
    await press(page, '8393901', 'Cancel all NVDA.US (1)');
    await press(page, '8393901', 'Cancel these 1');
    await expect.poll(() => menuText(page, '8393901'), soon).toContain('1 cancel: 1 cancelled.');
    expect(status('8393901')).toBe('cancelled');
    await page.close();
  });
});
