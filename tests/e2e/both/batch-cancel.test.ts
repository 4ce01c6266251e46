// Cancelling more than one order from the popup, through the production build against the
// simulator, in the browser under test: cancel-all cancels exactly the list it showed (an order
// placed between the confirmation and the press stays open, and the result says so), a scoped
// cancel cancels only the orders its filters match, and the panic empties every venue with keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueId } from '../../../lib/venues/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../../simulator/venues/zebpay-futures';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  await d.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
  await d.setCredentials('zebpay-futures', ZEBPAY_TEST_CREDENTIALS);
  await d.setCredentials('coinswitch', COINSWITCH_TEST_CREDENTIALS);
  // PaceTrader has no keys: the panic must leave it alone.
});
afterAll(async () => d?.close());

const soon = { timeout: 20_000 };
const status = (venue: VenueId) => Object.fromEntries(d.sim.orders(venue).map((o) => [o.id, o.status]));
const listed = (popup: DriverPage) =>
  popup.evaluate(() => [...document.querySelectorAll('[role=alertdialog] li[data-order]')].map((li) => li.getAttribute('data-order')).sort());

async function openPopup(venue: VenueId, hash = ''): Promise<DriverPage> {
  const popup = await d.extensionPage(`popup.html${hash}`);
  await popup.bringToFront();
  await popup.waitFor('#qc-venue');
  await popup.select('#qc-venue', venue);
  return popup;
}

describe(`cancelling many orders from the popup in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('cancel-all cancels exactly the confirmed list: an order placed after the confirmation stays open, and the result says so', async () => {
    d.sim.seed('pocketful', ['202611230101', '202611230102', '202611230103'].map((id) => ({ id, symbol: 'TCS', extra: CO })));
    const popup = await openPopup('pocketful');
    await popup.clickButton('Cancel all on Pocketful…');
    await popup.waitFor('[role=alertdialog]');
    expect(await popup.text('[role=alertdialog]')).toContain('Cancel these 3 open orders on Pocketful?');
    expect(await listed(popup)).toEqual(['202611230101', '202611230102', '202611230103']);
    // The destructive button is not where a habitual Enter goes.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Back');

    // Placed at the venue while the trader reads the list.
    d.sim.seed('pocketful', [{ id: '202611230199', symbol: 'WIPRO', extra: CO }]);
    await popup.clickButton('Cancel these 3', '[role=alertdialog]');
    await expect.poll(() => popup.text('[data-cancel-all=done]'), soon).toBe('3 cancels: 3 cancelled. 1 new order appeared after you confirmed and was left open.');
    expect(status('pocketful')).toEqual({ 202611230101: 'cancelled', 202611230102: 'cancelled', 202611230103: 'cancelled', 202611230199: 'open' });
    expect(d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.includes('202611230199'))).toEqual([]);
    await popup.close();
  });

  it('a scoped cancel (symbol + side) cancels only the matching orders', async () => {
    d.sim.seed('tradernet', [
      { id: '8393001', symbol: 'AAPL.US', side: 'BUY' },
      { id: '8393002', symbol: 'AAPL.US', side: 'SELL' },
      { id: '8393003', symbol: 'AMZN.US', side: 'BUY' },
      { id: '8393004', symbol: 'AAPL.US', side: 'BUY' },
    ]);
    const popup = await openPopup('tradernet');
    await popup.clickButton('Cancel some on Tradernet / Freedom24…');
    await popup.waitFor('#qc-scope-symbol');
    await popup.select('#qc-scope-symbol', 'AAPL.US');
    await popup.select('#qc-scope-side', 'BUY');
    await expect.poll(() => popup.text('[data-scope-count]'), soon).toBe('2 of 4 open orders match.');
    await popup.clickButton('Review 2…');
    await popup.waitFor('[role=alertdialog]');
    expect(await listed(popup)).toEqual(['8393001', '8393004']);
    expect(d.sim.apiRequests('tradernet').filter((r) => r.path.includes('delTradeOrder'))).toEqual([]);
    await popup.clickButton('Cancel these 2', '[role=alertdialog]');
    await expect.poll(() => popup.text('[data-scoped=done]'), soon).toBe('2 cancels: 2 cancelled.');
    expect(status('tradernet')).toEqual({ 8393001: 'cancelled', 8393002: 'open', 8393003: 'open', 8393004: 'cancelled' });
    await popup.close();
  });

  it('panic, opened as the shortcut opens it, asks first, then empties every venue with keys at once and reports each', async () => {
    // With the order left open by the first test: three on Pocketful.
    d.sim.seed('pocketful', ['202611230201', '202611230202'].map((id) => ({ id, extra: CO })));
    d.sim.seed('zebpay-futures', [{ id: 'qcPanic001', symbol: 'BTCINR' }, { id: 'qcPanic002', symbol: 'ETHINR', side: 'SELL' }]);
    d.sim.seed('coinswitch', [{ id: '0d6c3c1e-51a4-4a51-9d3e-5f0a1b2c3d01', symbol: 'BTC/INR' }, { id: '0d6c3c1e-51a4-4a51-9d3e-5f0a1b2c3d02', symbol: 'ETH/INR', side: 'SELL' }]);
    d.sim.seed('pacetrader', [{ id: '20261123-01', symbol: 'SBIN', extra: { executionType: 'REGULAR' } }]);
    const popup = await openPopup('pocketful', '#panic');
    await popup.waitFor('[role=alertdialog]');
    const question = await popup.text('[role=alertdialog]');
    expect(question).toContain('Cancel every open order on 4 venues');
    expect(question).not.toContain('PaceTrader');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Back');
    await popup.clickButton('Cancel everything', '[role=alertdialog]');

    const line = (venue: VenueId) => popup.text(`[data-panic-venue="${venue}"]`);
    await expect.poll(() => line('pocketful'), soon).toBe('Pocketful: 3 cancelled, 0 already closed, 0 failed');
    // Tradernet confirms a cancel a moment later: "checking" until the engine has seen it through.
    await expect.poll(() => line('tradernet'), soon).toBe('Tradernet / Freedom24: 2 cancelled, 0 already closed, 0 failed');
    await expect.poll(() => line('coinswitch'), soon).toBe('CoinSwitch PRO: 2 cancelled, 0 already closed, 0 failed');
    await expect.poll(() => line('zebpay-futures'), soon).toBe("ZebPay Futures: every open order (the venue's own cancel-all) — cancelled");
    expect(await popup.count('[data-panic-venue="pacetrader"]')).toBe(0);

    for (const venue of ['pocketful', 'tradernet', 'zebpay-futures', 'coinswitch'] as const) {
      expect(d.sim.orders(venue).filter((o) => o.status === 'open').map((o) => o.id)).toEqual([]);
    }
    expect(status('pacetrader')).toEqual({ '20261123-01': 'open' });
    expect(d.sim.apiRequests('pacetrader')).toEqual([]);
    expect(unknownHosts(d)).toEqual([]);
  });
});
