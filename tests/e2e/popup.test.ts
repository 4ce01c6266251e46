// The popup's lock and retry, through the real popup.html against the simulator (quick-cancel by id,
// cancel-all and the history run in both browsers: both/popup.test.ts). QC_SCREENSHOTS=1 also saves
// the README screenshots.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, unexpectedHosts, type Harness } from './harness';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { locatorState } from './control-info';

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
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
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

describe('the popup, in real Chromium', () => {
  it('locked: a cancel is not sent and says why; a wrong passphrase is refused; after unlocking, Retry cancels it', async () => {
    if (SHOTS) {
      // The controls on the broker's page, one of them just used (its order is only for this picture).
      const broker = await h.context.newPage();
      await broker.setViewportSize({ width: 1100, height: 330 });
      await broker.goto('https://trade.pocketful.in/orders');
      await expect.poll(() => broker.locator('tr.order-row [data-quickcancel]').count()).toBe(5);
      await broker.evaluate(() => (window as any).__sim.stop());
      const control = broker.locator('tr[data-oms="202611220206"] [data-quickcancel]');
      await control.click();
      await expect.poll(() => locatorState(control), { timeout: 15_000 }).toBe('cancelled');
      await broker.screenshot({ path: resolve(SHOTS, 'broker-page.png') });
      await broker.close();
    }
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
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
