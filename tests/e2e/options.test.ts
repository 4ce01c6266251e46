// The options page from a fresh profile, through the real options.html: set the passphrase, type a
// venue's keys, test the connection, and a cancel works with them; malformed keys, settings and page
// rules. (Every venue's keys and the lock run in both browsers: both/options-vault.test.ts.)
// QC_SCREENSHOTS=1 also saves the README screenshot.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, unexpectedHosts, type Harness } from './harness';
import { TRADERNET_TEST_CREDENTIALS } from '../simulator/venues/tradernet';

const PASSPHRASE = 'a passphrase typed in the options page';
const SHOTS = process.env.QC_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs/screenshots') : undefined;
let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launch();
  h.sim.seed('tradernet', [
    { id: '512734880', symbol: 'AAPL.US', side: 'BUY', price: 187.5, quantity: 10 },
    { id: '512734881', symbol: 'TSLA.US', side: 'SELL', price: 251, quantity: 3 },
    { id: '512734882', symbol: 'MSFT.US', side: 'BUY', price: 420, quantity: 1, status: 'filled', filled: 1 },
  ]);
  page = await h.extensionPage('options.html');
  await page.bringToFront();
});

afterAll(async () => {
  await h?.close();
});

const note = (venue: string) => page.locator(`#venue-${venue} [data-note]`);

describe('the options page, in real Chromium', () => {
  it('first run: the passphrase is set here; typed Tradernet keys pass the connection test and make a cancel work', async () => {
    const setup = page.getByRole('form', { name: 'Set passphrase' });
    await setup.waitFor({ timeout: 15_000 });
    expect(await page.locator('#tradernet-publicKey').isDisabled()).toBe(true);
    await page.fill('#setup-next', PASSPHRASE);
    await page.fill('#setup-repeat', PASSPHRASE);
    await setup.getByRole('button', { name: 'Set passphrase' }).click();
    await page.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 15_000 });

    await page.fill('#tradernet-publicKey', TRADERNET_TEST_CREDENTIALS.publicKey);
    await page.fill('#tradernet-privateKey', ` ${TRADERNET_TEST_CREDENTIALS.privateKey}`);
    await page.locator('#venue-tradernet').getByRole('button', { name: 'Save keys' }).click();
    await expect.poll(() => note('tradernet').textContent(), { timeout: 15_000 }).toContain('Saved.');
    await expect.poll(() => page.locator('#venue-tradernet [data-summary]').textContent()).toContain('Keys saved');
    expect(await page.inputValue('#tradernet-privateKey')).toBe('');

    await page.locator('#venue-tradernet').getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => note('tradernet').textContent(), { timeout: 15_000 }).toBe('Connected: Tradernet / Freedom24 reports 2 open orders.');

    const reply = await h.sendFromExtension({ type: 'cancel', venue: 'tradernet', orderId: '512734881', hints: {} });
    expect(reply.ok).toBe(true);
    await expect.poll(() => h.sim.orders('tradernet').find((o) => o.id === '512734881')!.status, { timeout: 15_000 }).toBe('cancelled');
    expect(h.sim.orders('tradernet').find((o) => o.id === '512734880')!.status).toBe('open');
    // The private key signs; it never travels.
    expect(h.sim.apiRequests('tradernet').some((r) => JSON.stringify(r).includes(TRADERNET_TEST_CREDENTIALS.privateKey))).toBe(false);
  });

  it('malformed keys are refused with the schema’s words before anything is stored', async () => {
    await page.bringToFront();
    await page.fill('#coinswitch-apiKey', 'not hex');
    await page.locator('#venue-coinswitch').getByRole('button', { name: 'Save keys' }).click();
    expect(await page.locator('#coinswitch-apiKey-help').textContent()).toContain('64-hex-character');
    expect((await h.sendFromExtension({ type: 'vault.status' })).configured.map((c: { venue: string }) => c.venue)).toEqual(['tradernet']);
  });

  it('settings, a venue switch and a page rule are stored', async () => {
    await page.bringToFront();
    await page.locator('#setting-confirmSingle').check();
    await page.locator('#venue-coinswitch input[name=enabled]').uncheck();
    await page.fill('#rule-row', 'table.orders tr');
    await page.fill('#rule-idHeader', 'Order No.');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const worker = await h.worker();
    await expect
      .poll(() => worker.evaluate(() => (globalThis as any).chrome.storage.local.get(['settings', 'pageRules'])), { timeout: 15_000 })
      .toMatchObject({
        settings: { confirmSingle: true, disabledVenues: ['coinswitch'] },
        pageRules: [{ venue: 'pocketful', row: 'table.orders tr', idHeader: 'Order No.' }],
      });
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 900, height: 800 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: resolve(SHOTS, 'options.png'), fullPage: true });
    }
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
