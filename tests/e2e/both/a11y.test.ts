// Accessibility of the extension's own pages in the browser under test: axe-core's WCAG 2.1 AA
// rules find nothing on the options page and the popup in their main states, every control is
// reachable by Tab, and the controls a trader uses work from the keyboard.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, type Driver, type DriverPage } from '../driver';
import { axeViolations, focus, unreachedByTab } from './axe';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
});
afterAll(async () => d?.close());

const soon = { timeout: 15_000 };
const browserName = process.env.QC_BROWSER ?? 'chromium';

async function page(path: string, ready: string): Promise<DriverPage> {
  const p = await d.extensionPage(path);
  await p.bringToFront();
  await p.waitFor(ready);
  return p;
}

async function expectAccessible(p: DriverPage, state: string) {
  expect({ state, violations: await axeViolations(p) }).toEqual({ state, violations: [] });
  expect({ state, unreached: await unreachedByTab(p) }).toEqual({ state, unreached: [] });
}

describe(`accessibility in ${browserName}`, () => {
  it('options page, before set-up: WCAG 2.1 AA clean, every control reachable by Tab', async () => {
    const options = await page('options.html', '#venue-pacetrader');
    await expectAccessible(options, 'options, no passphrase');
    await options.close();
  });

  it('popup, before set-up and empty', async () => {
    const popup = await page('popup.html', '.setup');
    await expectAccessible(popup, 'popup, not set up');
    await popup.close();
  });

  it('options page unlocked with keys and a venue card’s sections open; each venue field has its own name', async () => {
    await d.setCredentials('pocketful', { ...PACE_TEST_CREDENTIALS.pocketful, expiresAtMs: Date.now() + 20 * 60_000 });
    const options = await page('options.html', '#venue-pocketful [data-summary]');
    await expect.poll(() => options.text('#venue-pocketful [data-summary]'), soon).toContain('Keys saved');
    await options.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('#venue-pocketful details, #venue-pacetrader details').forEach((el) => (el.open = true)));
    const names = await options.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('main input, main select')].map((el) => {
        const labelled = el.getAttribute('aria-label') ?? [...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ');
        return labelled.replace(/\s+/g, ' ').trim();
      }),
    );
    expect(names.filter((n) => !n)).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['PaceTrader on/off', 'Pocketful Access token', 'Pocketful Token expires at (optional)', 'CoinSwitch PRO Secret key']));
    await expectAccessible(options, 'options, unlocked, cards open');

    // Keyboard: Enter opens a card's section, Space flips a venue's switch (and back).
    await focus(options, '#venue-tradernet details summary');
    await options.press('Enter');
    await expect.poll(() => options.evaluate(() => document.querySelector<HTMLDetailsElement>('#venue-tradernet details')!.open)).toBe(false);
    await options.press('Enter');
    await expect.poll(() => options.evaluate(() => document.querySelector<HTMLDetailsElement>('#venue-tradernet details')!.open)).toBe(true);
    await focus(options, '#venue-tradernet input[name=enabled]');
    await options.press(' ');
    await expect.poll(async () => (await d.storage()).settings?.disabledVenues, soon).toEqual(['tradernet']);
    await options.press(' ');
    await expect.poll(async () => (await d.storage()).settings?.disabledVenues, soon).toEqual([]);
    await options.close();
  });

  it('popup unlocked with history (a CoinSwitch UUID shown whole, with a copy button), then locked', async () => {
    const uuid = randomUUID();
    const now = Date.now();
    const entries = ['cancelled', 'rejected', 'not-sent'].map((status, i) => ({
      id: randomUUID(), venue: i ? 'pocketful' : 'coinswitch', orderId: i ? `20261122030${i}` : uuid, source: 'page', status,
      message: `venue says ${status}`, symbol: 'RELIANCE', side: 'BUY', startedAtMs: now - i * 1000, latencyMs: 40, attempts: 1, updatedAtMs: now,
    }));
    await d.setStorage(Object.fromEntries(entries.map((e) => [`journal:${e.id}`, e])));
    const popup = await page('popup.html', '#qc-venue');
    await popup.waitFor('.history-scroll li');
    expect(await popup.attr('.history-scroll', 'role')).toBe('region');
    // The UUID's start and end are both on screen, inside the row.
    const shown = await popup.evaluate((id) => {
      const li = [...document.querySelectorAll('li')].find((l) => l.textContent!.includes(id))!;
      const box = li.getBoundingClientRect();
      const inRow = (sel: string) => {
        const r = li.querySelector(sel)!.getBoundingClientRect();
        return r.width > 0 && r.left >= box.left && r.right <= box.right;
      };
      return { head: inRow('.id-head'), tail: inRow('.id-tail'), tailText: li.querySelector('.id-tail')!.textContent, copy: inRow('button.copy') };
    }, uuid);
    expect(shown).toEqual({ head: true, tail: true, tailText: uuid.slice(-8), copy: true });
    await expectAccessible(popup, 'popup, unlocked, history');

    // Enter on the copy button does what a click does.
    await focus(popup, `button[aria-label="Copy order id ${uuid}"]`);
    await popup.press('Enter');
    await expect.poll(() => popup.text(`button[aria-label="Copy order id ${uuid}"]`), soon).toMatch(/^Cop(ied|y failed)$/);

    await d.send({ type: 'vault.lock' });
    await popup.reload();
    await popup.waitFor('.unlock');
    await expectAccessible(popup, 'popup, locked');
    await popup.close();
  });
});
