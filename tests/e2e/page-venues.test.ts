// Each venue's own web UI (the simulator's fixture at the venue's real host), with the production
// build in real Chromium: controls on open rows only, exactly one per row however often the page
// re-renders it, rows added and removed followed, a row that fills loses its control, and a
// trusted click cancels the order the row shows, by the id the venue cancels by.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimOrder } from '../simulator/types';
import { SAMPLES } from '../unit/page/samples';
import { launch, unexpectedHosts, type Harness } from './harness';
import { CASES } from './venue-cases';
import { locatorState } from './control-info';

let h: Harness;
beforeAll(async () => (h = await launch()));
afterAll(async () => h?.close());

const isOpen = (o: SimOrder) => o.status === 'open' || o.status === 'cancelling';

/** Controls per order, by id, as the page shows them now (ZebPay: open orders and history together). */
const counts = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('[data-sim-key]')].map((r) => [r.getAttribute('data-sim-key')!, r.querySelectorAll('[data-quickcancel]').length])),
  );

const expected = (orders: SimOrder[]) => Object.fromEntries(orders.map((o) => [o.id, isOpen(o) ? 1 : 0]));

const refresh = (page: Page) => page.evaluate(() => (window as any).__sim.refresh());

describe.each(CASES)('$venue at its own web UI', (c) => {
  it('controls on open rows only; one per row through re-renders; rows added, removed and filled followed; a click cancels that order', async () => {
    // (The simulator's order objects change as it goes: keep what was seeded.)
    const seeded = h.sim.seed(c.venue, SAMPLES[c.venue]).map((o) => ({ ...o }));
    const page = await h.context.newPage();
    await page.goto(c.url);
    await page.evaluate(() => (window as any).__sim.stop());
    await expect.poll(() => counts(page)).toEqual(expected(seeded));
    expect(Object.values(expected(seeded))).toContain(0);

    // The same row re-rendered 20 times: 10 in separate tasks, then 10 in one task, as new elements and as new cells.
    await page.evaluate(async (id) => {
      const sim = (window as any).__sim;
      for (let i = 0; i < 10; i++) {
        sim.rerender(id, i % 2 ? 'patch' : 'replace');
        await new Promise((r) => setTimeout(r, 0));
      }
      for (let i = 0; i < 10; i++) sim.rerender(id, i % 2 ? 'patch' : 'replace');
    }, c.cancel);
    await expect.poll(() => counts(page)).toEqual(expected(seeded));
    await refresh(page);
    await expect.poll(() => counts(page)).toEqual(expected(seeded));

    // A new order appears; one fills (its control goes); a row the page drops takes its control along.
    h.sim.seed(c.venue, [c.added]);
    h.sim.setStatus(c.venue, c.fill, 'filled');
    await refresh(page);
    const now = h.sim.orders(c.venue);
    await expect.poll(() => counts(page)).toEqual(expected(now));
    expect((await counts(page))[c.added.id]).toBe(1);
    expect((await counts(page))[c.fill] ?? 0).toBe(0);
    await page.evaluate((id) => document.querySelector(`[data-sim-key="${id}"]`)!.remove(), c.added.id);
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(now.filter(isOpen).length - 1);

    // A trusted click cancels exactly that order at the venue.
    await h.setCredentials(c.venue, c.credentials);
    const control = page.locator(`[data-sim-key="${c.cancel}"] [data-quickcancel]`);
    await control.click();
    await expect.poll(() => locatorState(control), { timeout: 20_000 }).toBe('cancelled');
    const orders = h.sim.orders(c.venue);
    expect(orders.find((o) => o.id === c.cancel)!.status).toBe('cancelled');
    expect(orders.filter((o) => o.status === 'cancelled').map((o) => o.id).sort()).toEqual(
      [c.cancel, ...seeded.filter((o) => o.status === 'cancelled').map((o) => o.id)].sort(),
    );
    // Once the page shows it cancelled, the row has no control.
    await refresh(page);
    await expect.poll(async () => (await counts(page))[c.cancel] ?? 0).toBe(0);
    expect(unexpectedHosts(h.sim)).toEqual([]);
    await page.close();
  });
});

describe('CoinSwitch PRO at coinswitch.co/pro/ as well', () => {
  it('shows controls there too', async () => {
    const page = await h.context.newPage();
    await page.goto('https://coinswitch.co/pro/orders');
    const open = h.sim.orders('coinswitch').filter(isOpen).length;
    expect(open).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-quickcancel]').count()).toBe(open);
    await page.close();
  });
});
