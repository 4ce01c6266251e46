// No surprise expiry, in the browser under test: the popup shows a daily token's remaining life,
// the toolbar badge counts down inside the warning time, a cancel with an expired token says when
// it expired and sends nothing, and the options page opens on the venue's card from its address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, type Driver, type DriverPage } from '../driver';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  d.sim.seed('pocketful', [{ id: '202611220401', symbol: 'RELIANCE', side: 'BUY', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } }]);
});
afterAll(async () => d?.close());

/** The extension API in the page: Firefox's promise-based `browser`, else Chromium's `chrome`. */
type Ext = { action: { getBadgeText: (d: object) => Promise<string>; getTitle: (d: object) => Promise<string> } };
const soon = { timeout: 15_000 };
const MIN = 60_000;
const hhmm = (ms: number) => `${String(new Date(ms).getHours()).padStart(2, '0')}:${String(new Date(ms).getMinutes()).padStart(2, '0')}`;

async function openPopup(): Promise<DriverPage> {
  const popup = await d.extensionPage('popup.html');
  await popup.bringToFront();
  await popup.waitFor('#qc-venue');
  return popup;
}

describe(`token expiry in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('a token expiring in 20 minutes: the popup shows its remaining life and the badge counts down', async () => {
    const expiresAtMs = Date.now() + 20 * MIN + 30_000;
    await d.setCredentials('pacetrader', { ...PACE_TEST_CREDENTIALS.pacetrader, expiresAtMs });
    const popup = await openPopup();
    await popup.waitFor('[data-expiry=pacetrader]');
    expect(await popup.attr('[data-expiry=pacetrader]', 'data-phase')).toBe('soon');
    expect(await popup.text('[data-expiry=pacetrader] span')).toMatch(new RegExp(`^PaceTrader token: 20 min left \\(expires at ${hhmm(expiresAtMs)}\\)\\.$`));
    const badge = () => popup.evaluate(async () => {
      const { action } = (globalThis as unknown as { browser?: Ext; chrome: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome;
      return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
    });
    await expect.poll(badge, soon).toEqual({ text: '20m', title: `QuickCancel — PaceTrader token: 20 min left (expires at ${hhmm(expiresAtMs)}).` });
    await popup.close();
  });

  it('an expired token: the popup says so, and a cancel says when it expired and sends nothing', async () => {
    const expiresAtMs = Date.now() - 5 * MIN;
    await d.setCredentials('pocketful', { ...PACE_TEST_CREDENTIALS.pocketful, expiresAtMs });
    const popup = await openPopup();
    await popup.waitFor('[data-expiry=pocketful]');
    expect(await popup.text('[data-expiry=pocketful] span')).toBe(`Your Pocketful token expired at ${hhmm(expiresAtMs)} — paste a new one in Settings.`);

    const before = d.sim.apiRequests('pocketful').length;
    const reply = await d.send({ type: 'cancel', venue: 'pocketful', orderId: '202611220401', hints: {} });
    expect(reply.entry).toMatchObject({ status: 'auth-failed', message: `Pocketful token expired at ${hhmm(expiresAtMs)} — paste a new one in Settings` });
    expect(d.sim.apiRequests('pocketful').length).toBe(before);
    expect(d.sim.orders('pocketful')[0]!.status).toBe('open');
    await expect.poll(() => popup.evaluate(() => [...document.querySelectorAll('li[data-status=auth-failed]')].map((li) => li.querySelector('.message')?.textContent)), soon).toEqual([
      `Pocketful token expired at ${hhmm(expiresAtMs)} — paste a new one in Settings`,
    ]);
    await expect.poll(() => popup.evaluate(() => ((globalThis as unknown as { browser?: Ext }).browser ?? (globalThis as unknown as { chrome: Ext }).chrome).action.getBadgeText({})), soon).toBe('!');
    await popup.close();
  });

  it('options.html#venue=<id> opens on that venue’s card', async () => {
    const options = await d.extensionPage('options.html#venue=zebpay-futures');
    await options.bringToFront();
    await options.waitFor('#venue-zebpay-futures');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id), soon).toBe('zebpay-futures-title');
    await options.close();
  });
});
