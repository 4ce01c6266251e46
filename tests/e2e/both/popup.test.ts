// The popup, through the real popup.html against the simulator, in the browser under test:
// quick-cancel by id, cancel-all, and the history with every outcome's own words.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  d.sim.seed('pocketful', [
    { id: '202611220301', symbol: 'RELIANCE', side: 'BUY', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } },
    { id: '202611220302', symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } },
    { id: '202611220304', symbol: 'INFY', side: 'BUY', price: 1500, quantity: 2, status: 'filled', filled: 2 },
  ]);
  d.sim.seed('pacetrader', [
    { id: '20261122-31', symbol: 'SBIN', side: 'BUY', price: 812.4, quantity: 40, extra: { executionType: 'REGULAR' } },
    { id: '20261122-32', symbol: 'NIFTY26NOVFUT', side: 'SELL', price: 24310, quantity: 75, extra: { executionType: 'BO', exchangeOrderId: '1100000012345678', legOrderIndicator: 'ENTRY' } },
    { id: '20261122-33', symbol: 'ITC', side: 'SELL', price: 455, quantity: 10, extra: { executionType: 'AMO', exchangeOrderId: '' } },
    { id: '20261122-34', symbol: 'WIPRO', side: 'BUY', price: 300, quantity: 1, status: 'filled', filled: 1 },
  ]);
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  await d.setCredentials('pacetrader', PACE_TEST_CREDENTIALS.pacetrader);
});
afterAll(async () => d?.close());

async function openPopup(): Promise<DriverPage> {
  const popup = await d.extensionPage('popup.html');
  await popup.bringToFront();
  await popup.waitFor('#qc-venue');
  return popup;
}
const soon = { timeout: 15_000 };

describe(`the popup in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('quick-cancel by id shows the order, cancels exactly that order on the venue, and an unknown id says not found', async () => {
    const popup = await openPopup();
    await popup.select('#qc-venue', 'pocketful');
    const input = 'input[name=orderId]';
    await popup.fill(input, '202611229999');
    await expect.poll(() => popup.text('[data-preview=missing]'), soon).toBe('Not found: Pocketful has no open order 202611229999.');
    expect(await popup.evaluate(() => (document.querySelector('button[type=submit]') as HTMLButtonElement).disabled)).toBe(true);

    await popup.fill(input, '2026-11-22 02');
    await expect.poll(() => popup.text('.quick .error'), soon).toContain('expected an OMS order number like 202403132605');

    const before = d.sim.apiRequests('pocketful').length;
    await popup.fill(input, '202611220302');
    await expect.poll(() => popup.text('[data-preview=found]'), soon).toContain('TCS SELL qty 5 @ 4120');
    await popup.press('Enter');
    await expect.poll(() => popup.attr('[data-result]', 'data-result'), soon).toBe('cancelled');

    const deletes = d.sim.apiRequests('pocketful').slice(before).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual(['/api/v1/orders/kart/202611220302']);
    expect(Object.fromEntries(d.sim.orders('pocketful').map((o) => [o.id, o.status]))).toMatchObject({ '202611220301': 'open', '202611220302': 'cancelled' });
    await expect.poll(() => popup.evaluate(() => [...document.querySelectorAll('li[data-status=cancelled]')].filter((li) => li.textContent!.includes('202611220302')).length), soon).toBe(1);
    expect((await d.storage()).settings.lastQuickCancelVenue).toBe('pocketful');
  });

  it('cancel-all asks once, listing the open orders, and cancels all of them', async () => {
    const popup = await openPopup();
    await popup.select('#qc-venue', 'pacetrader');
    await popup.clickButton('Cancel all on PaceTrader…');
    await popup.waitFor('[role=alertdialog]');
    expect(await popup.text('[role=alertdialog]')).toContain('Cancel these 3 open orders on PaceTrader?');
    expect(await popup.evaluate(() => [...document.querySelectorAll('[role=alertdialog] li[data-order]')].map((li) => li.getAttribute('data-order')).sort())).toEqual(['20261122-31', '20261122-32', '20261122-33']);
    expect(d.sim.apiRequests('pacetrader').filter((r) => r.method === 'DELETE')).toEqual([]);
    await popup.clickButton('Cancel these 3', '[role=alertdialog]');
    await expect.poll(() => popup.text('[data-cancel-all=done]'), soon).toBe('3 cancels: 3 cancelled.');
    expect(await popup.count('[role=alertdialog]')).toBe(0);
    const status = Object.fromEntries(d.sim.orders('pacetrader').map((o) => [o.id, o.status]));
    expect(status).toEqual({ '20261122-31': 'cancelled', '20261122-32': 'cancelled', '20261122-33': 'cancelled', '20261122-34': 'filled' });
    expect(d.sim.apiRequests('pacetrader').filter((r) => r.method === 'DELETE')).toHaveLength(3);
  });

  it('cancel-all on a venue that answers 25 open orders a page (CoinSwitch) lists and cancels all 26, the oldest included', { timeout: 90_000 }, async () => {
    const ids = Array.from({ length: 26 }, (_, i) => `5e1f0c2a-0000-4000-8000-${String(700 + i).padStart(12, '0')}`);
    d.sim.seed('coinswitch', ids.map((id) => ({ id, symbol: 'BTC/INR' })));
    await d.setCredentials('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    const popup = await openPopup();
    await popup.select('#qc-venue', 'coinswitch');
    await popup.clickButton('Cancel all on CoinSwitch PRO…');
    await popup.waitFor('[role=alertdialog]');
    expect(await popup.text('[role=alertdialog]')).toContain('Cancel these 26 open orders on CoinSwitch PRO?');
    expect(await popup.text('[role=alertdialog]')).not.toContain('could not read');
    await popup.clickButton('Cancel these 26', '[role=alertdialog]');
    // The venue's rate limit (10 at once, then 1 a second) paces the cancels.
    await expect.poll(() => popup.text('[data-cancel-all=done]'), { timeout: 60_000 }).toBe('26 cancels: 26 cancelled.');
    expect(d.sim.orders('coinswitch').filter((o) => ids.includes(o.id)).map((o) => o.status)).toEqual(ids.map(() => 'cancelled'));
    await popup.close();
  });

  it('the history shows every outcome kind with its own words, newest first', async () => {
    const labels = {
      sending: 'sending…', verifying: 'verifying…', cancelled: 'cancelled', pending: 'pending…', 'already-closed': 'already closed',
      rejected: 'rejected', 'auth-failed': 'auth failed', 'rate-limited': 'rate limited', unknown: 'unknown — verifying', 'not-sent': 'not sent',
    };
    const base = Date.now() + 60_000;
    const entries = Object.keys(labels).map((status, i) => ({
      id: randomUUID(), venue: 'coinswitch', orderId: `9f0c6a1e-0000-4000-8000-00000000000${i}`, source: 'page', status,
      message: `venue says ${status}`, symbol: 'BTC/INR', side: 'SELL', startedAtMs: base - i, latencyMs: 30 + i, attempts: 1, updatedAtMs: base,
    }));
    await d.setStorage(Object.fromEntries(entries.map((e) => [`journal:${e.id}`, e])));

    const popup = await openPopup();
    await popup.waitFor('.history-scroll li');
    for (const [i, [status, label]] of Object.entries(labels).entries()) {
      // Only rows in view are rendered: scroll this one into the window first.
      const row = () =>
        popup.evaluate(([s, n, top]) => {
          document.querySelector('.history-scroll')!.scrollTo(0, top);
          const li = [...document.querySelectorAll(`li[data-status="${s}"]`)].find((e) => e.textContent!.includes(`00000000000${n}`));
          return li && { badge: li.querySelector('.badge')?.textContent, says: li.textContent!.includes(`venue says ${s}`), pos: li.getAttribute('aria-posinset') };
        }, [status, i, i * 64] as const);
      await expect.poll(row, soon).toEqual({ badge: label, says: true, pos: String(i + 1) });
    }
    expect(unknownHosts(d)).toEqual([]);
  });
});
