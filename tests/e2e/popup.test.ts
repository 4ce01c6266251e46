// The popup, through the real popup.html against the simulator: quick-cancel by id, cancel-all,
// the lock, retry, and every outcome's badge. QC_SCREENSHOTS=1 also saves the README screenshots.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, unexpectedHosts, type Harness } from './harness';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';

const PASSPHRASE = 'correct horse battery staple';
const SHOTS = process.env.QC_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
let h: Harness;

beforeAll(async () => {
  h = await launch();
  h.sim.seed('pocketful', [
    { id: '202611220201', symbol: 'RELIANCE', side: 'BUY', price: 2890.5, quantity: 10, extra: { executionType: 'REGULAR' } },
    { id: '202611220202', symbol: 'TCS', side: 'SELL', price: 4120, quantity: 5, extra: { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' } },
    { id: '202611220203', symbol: 'HDFCBANK', side: 'BUY', price: 1650.25, quantity: 20, extra: { executionType: 'REGULAR' } },
    { id: '202611220204', symbol: 'INFY', side: 'BUY', price: 1500, quantity: 2, status: 'filled', filled: 2 },
    { id: '202611220205', symbol: 'ITC', side: 'SELL', price: 455, quantity: 10, extra: { executionType: 'REGULAR' } },
    ...(SHOTS ? [{ id: '202611220206', symbol: 'SBIN', side: 'SELL' as const, price: 812.4, quantity: 40, extra: { executionType: 'CO', exchangeOrderId: '1300000034566553', legOrderIndicator: 'ENTRY' } }] : []),
  ]);
  h.sim.seed('pacetrader', [
    { id: '20261122-31', symbol: 'SBIN', side: 'BUY', price: 812.4, quantity: 40, extra: { executionType: 'REGULAR' } },
    { id: '20261122-32', symbol: 'NIFTY26NOVFUT', side: 'SELL', price: 24310, quantity: 75, extra: { executionType: 'BO', exchangeOrderId: '1100000012345678', legOrderIndicator: 'ENTRY' } },
    { id: '20261122-33', symbol: 'ITC', side: 'SELL', price: 455, quantity: 10, extra: { executionType: 'AMO', exchangeOrderId: '' } },
    { id: '20261122-34', symbol: 'WIPRO', side: 'BUY', price: 300, quantity: 1, status: 'filled', filled: 1 },
  ]);
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  await h.setCredentials('pacetrader', PACE_TEST_CREDENTIALS.pacetrader);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await h?.close();
});

async function openPopup(): Promise<Page> {
  const popup = await h.extensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.bringToFront();
  return popup;
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent({ timeout: 15_000 });

describe('the popup, in real Chromium', () => {
  it('quick-cancel by id shows the order, cancels exactly that order on the venue, and an unknown id says not found', async () => {
    if (SHOTS) {
      // The controls on the broker's page, one of them just used (its order is only for this picture).
      const broker = await h.context.newPage();
      await broker.setViewportSize({ width: 1100, height: 330 });
      await broker.goto('https://trade.pocketful.in/orders');
      await expect.poll(() => broker.locator('tr.order-row qc-cancel').count()).toBe(5);
      await broker.evaluate(() => (window as any).__sim.stop());
      const control = broker.locator('tr[data-oms="202611220206"] qc-cancel');
      await control.click();
      await expect.poll(() => control.getAttribute('data-state'), { timeout: 15_000 }).toBe('cancelled');
      await broker.screenshot({ path: resolve(SHOTS, 'broker-page.png') });
      await broker.close();
    }
    const popup = await openPopup();
    await popup.selectOption('#qc-venue', 'pocketful');
    const input = popup.locator('input[name=orderId]');

    await input.fill('202611229999');
    expect(await text(popup, '[data-preview=missing]')).toBe('Not found: Pocketful has no open order 202611229999.');
    expect(await popup.locator('button[type=submit]').isDisabled()).toBe(true);

    await input.fill('2026-11-22 02');
    expect(await text(popup, '.quick .error')).toContain('expected an OMS order number like 202403132605');

    const before = h.sim.apiRequests('pocketful').length;
    await input.fill('202611220202');
    expect(await text(popup, '[data-preview=found]')).toContain('TCS SELL qty 5 @ 4120');
    await input.press('Enter');
    await expect.poll(() => popup.locator('[data-result]').getAttribute('data-result'), { timeout: 15_000 }).toBe('cancelled');

    const deletes = h.sim.apiRequests('pocketful').slice(before).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).toEqual(['/api/v1/orders/kart/202611220202']);
    const status = Object.fromEntries(h.sim.orders('pocketful').map((o) => [o.id, o.status]));
    expect(status).toMatchObject({ '202611220201': 'open', '202611220202': 'cancelled', '202611220203': 'open', '202611220205': 'open' });
    await expect.poll(() => popup.locator('li[data-status=cancelled]', { hasText: '202611220202' }).count()).toBe(1);
    const settings = await (await h.worker()).evaluate(() => (globalThis as any).chrome.storage.local.get('settings'));
    expect(settings.settings.lastQuickCancelVenue).toBe('pocketful');
  });

  it('cancel-all asks once, with the count of open orders, and cancels all of them', async () => {
    const popup = await openPopup();
    await popup.selectOption('#qc-venue', 'pacetrader');
    await popup.getByRole('button', { name: 'Cancel all on PaceTrader…' }).click();
    const dialog = popup.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Cancel all 3 open orders on PaceTrader?');
    expect(h.sim.apiRequests('pacetrader').filter((r) => r.method === 'DELETE')).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel all 3' }).click();
    expect(await text(popup, '[data-cancel-all=done]')).toBe('3 cancels: 3 cancelled.');
    expect(await popup.getByRole('alertdialog').count()).toBe(0);
    const status = Object.fromEntries(h.sim.orders('pacetrader').map((o) => [o.id, o.status]));
    expect(status).toEqual({ '20261122-31': 'cancelled', '20261122-32': 'cancelled', '20261122-33': 'cancelled', '20261122-34': 'filled' });
    expect(h.sim.apiRequests('pacetrader').filter((r) => r.method === 'DELETE')).toHaveLength(3);
  });

  it('locked: a cancel is not sent and says why; a wrong passphrase is refused; after unlocking, Retry cancels it', async () => {
    expect((await h.sendFromExtension({ type: 'vault.lock' })).ok).toBe(true);
    const reply = await h.sendFromExtension({ type: 'cancel', venue: 'pocketful', orderId: '202611220205', hints: {} });
    expect(reply.entry.status).toBe('not-sent');
    expect(h.sim.orders('pocketful').find((o) => o.id === '202611220205')!.status).toBe('open');

    const popup = await openPopup();
    const row = popup.locator('li[data-status=not-sent]', { hasText: '202611220205' });
    expect(await row.locator('.badge').textContent()).toBe('not sent');
    expect(await row.textContent()).toContain('QuickCancel is locked');
    expect(await popup.locator('input[name=orderId]').count()).toBe(0);

    await popup.fill('#qc-passphrase', 'not the passphrase');
    await popup.press('#qc-passphrase', 'Enter');
    await expect.poll(() => popup.locator('#qc-passphrase-error').textContent()).not.toBe('');
    expect((await h.sendFromExtension({ type: 'vault.status' })).state).toBe('locked');

    await popup.fill('#qc-passphrase', PASSPHRASE);
    await popup.press('#qc-passphrase', 'Enter');
    await popup.locator('input[name=orderId]').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: /Retry/ }).click();
    await expect.poll(() => h.sim.orders('pocketful').find((o) => o.id === '202611220205')!.status, { timeout: 15_000 }).toBe('cancelled');
    await expect.poll(() => popup.locator('li[data-status=cancelled]', { hasText: '202611220205' }).count(), { timeout: 15_000 }).toBe(1);
    if (SHOTS) {
      // Real outcomes only: this file's cancels so far, and an order about to be cancelled by id.
      await popup.selectOption('#qc-venue', 'pocketful');
      await popup.fill('input[name=orderId]', '202611220203');
      await popup.locator('[data-preview=found]').waitFor({ timeout: 15_000 });
      await popup.locator('main.popup').screenshot({ path: resolve(SHOTS, 'popup.png') });
    }
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
    const worker = await h.worker();
    await worker.evaluate((list) => (globalThis as any).chrome.storage.local.set(Object.fromEntries(list.map((e: any) => [`journal:${e.id}`, e]))), entries);

    const popup = await openPopup();
    const list = popup.locator('.history-scroll');
    for (const [i, [status, label]] of Object.entries(labels).entries()) {
      // Only rows in view are rendered: scroll this one into the window first.
      await list.evaluate((el, top) => el.scrollTo(0, top), i * 64);
      const row = popup.locator(`li[data-status="${status}"]`, { hasText: `00000000000${i}` });
      expect(await row.locator('.badge').textContent()).toBe(label);
      expect(await row.textContent()).toContain(`venue says ${status}`);
      expect(await row.getAttribute('aria-posinset')).toBe(String(i + 1));
    }
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
