// The shapes real trading UIs draw order books in (tests/simulator/pages/shapes.ts), in the
// browser under test, for every venue: a click on a row's control cancels exactly the order that
// row shows — on split rows (pinned halves), in a table inside the page's own shadow root, in a
// virtualised list after scrolling has recycled the row elements (the element clicked was made
// for another order), and on a ZebPay page that shows no order id (matched through the venue's
// list, which ZebPay gives per symbol: the page's symbols, nothing remembered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueId } from '../../../lib/venues/types';
import { shapeUrl } from '../../simulator/pages/shapes';
import type { SimOrderSeed } from '../../simulator/types';
import { isOpen, SAMPLES } from '../../unit/page/samples';
import { launchDriver, type Driver, type DriverPage } from '../driver';
import { CASES } from '../venue-cases';

const VENUES: VenueId[] = ['pacetrader', 'pocketful', 'zebpay-futures', 'tradernet', 'coinswitch'];

/** Twelve more orders, so a list that draws five rows has to recycle its elements. */
const longBook = (venue: 'pocketful' | 'coinswitch'): SimOrderSeed[] =>
  Array.from({ length: 12 }, (_, i) => ({
    id: venue === 'coinswitch' ? `${String(90 + i).padStart(8, '0')}-8ef5-4664-9779-f7978702a447` : String(202611260000 + i),
    symbol: venue === 'coinswitch' ? 'ADA/INR' : 'WIPRO',
    price: 100 + i,
    quantity: 1 + i,
    ...(venue === 'pocketful' ? { extra: { executionType: 'REGULAR' } } : {}),
  }));

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  for (const venue of VENUES) {
    d.sim.seed(venue, SAMPLES[venue]);
    await d.setCredentials(venue, CASES.find((c) => c.venue === venue)!.credentials);
  }
  d.sim.seed('pocketful', longBook('pocketful'));
  d.sim.seed('coinswitch', longBook('coinswitch'));
});
afterAll(async () => d?.close());

const statuses = (venue: VenueId) => Object.fromEntries(d.sim.orders(venue).map((o) => [o.id, o.status]));

/** Clicks, and proves that exactly this order was cancelled and no other touched. */
async function expectOnlyCancelled(venue: VenueId, id: string, click: () => Promise<void>) {
  const before = statuses(venue);
  expect(before[id]).toBe('open');
  await click();
  await expect.poll(() => statuses(venue)[id], { timeout: 20_000 }).toBe('cancelled');
  expect(statuses(venue)).toEqual({ ...before, [id]: 'cancelled' });
}

/** The open orders this page draws, by id (split rows: once). */
const drawnOpen = async (page: DriverPage, venue: VenueId, shadowHost?: string) => {
  const keys = await page.evaluate((host) => {
    const root = host ? document.querySelector(host)!.shadowRoot! : document;
    return [...new Set([...root.querySelectorAll('[data-sim-key]')].map((r) => r.getAttribute('data-sim-key')!))];
  }, shadowHost ?? '');
  const open = new Set(d.sim.orders(venue).filter(isOpen).map((o) => o.id));
  return keys.filter((k) => open.has(k));
};

const controlsIn = (page: DriverPage, shadowHost?: string) =>
  page.evaluate((host) => (host ? document.querySelector(host)!.shadowRoot! : document).querySelectorAll('[data-quickcancel]').length, shadowHost ?? '');

/** A person's click on the control of an order's row inside the page's shadow root: the mouse moves onto it, then clicks. */
async function clickInShadow(page: DriverPage, shadowHost: string, id: string) {
  const at = await page.evaluate(([host, key]) => {
    const el = document.querySelector(host)!.shadowRoot!.querySelector(`[data-sim-key="${key}"] [data-quickcancel]`)!;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, [shadowHost, id] as const);
  await page.mouseMove(at.x - 40, at.y - 30);
  await page.mouseMove(at.x, at.y);
  await page.mouseClickHere();
}

describe(`page shapes in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it.each([
    ['pacetrader', '202611220002'],
    ['tradernet', '8391021'],
  ] as Array<[VenueId, string]>)('%s split rows (pinned halves): one control per order, and its click cancels that order', async (venue, id) => {
    const page = await d.open(shapeUrl(venue, 'split'));
    await page.waitFor(`[data-sim-key="${id}"]`);
    const open = await drawnOpen(page, venue);
    await expect.poll(() => controlsIn(page), { timeout: 20_000 }).toBe(open.length);
    expect(await page.count(`[data-sim-key="${id}"] [data-quickcancel]`)).toBe(1);
    await expectOnlyCancelled(venue, id, () => page.click(`[data-sim-key="${id}"] [data-quickcancel]`));
    await page.close();
  });

  it.each([
    ['tradernet', 'tn-orders-widget', '8391022'],
    ['coinswitch', 'cs-open-orders', '698ed406-8ef5-4664-9779-f7978702a447'],
  ] as Array<[VenueId, string, string]>)('%s table in the page\'s open shadow root: controls inside it, and a click cancels its row\'s order', async (venue, host, id) => {
    const page = await d.open(shapeUrl(venue, 'shadow'));
    await page.waitFor(host);
    await expect.poll(async () => (await drawnOpen(page, venue, host)).includes(id), { timeout: 20_000 }).toBe(true);
    const open = await drawnOpen(page, venue, host);
    await expect.poll(() => controlsIn(page, host), { timeout: 20_000 }).toBe(open.length);
    await expectOnlyCancelled(venue, id, () => clickInShadow(page, host, id));
    await page.close();
  });

  it.each(['pocketful', 'coinswitch'] as const)('%s virtualised list: after scrolling recycles the row elements, a click cancels the order the element shows now', async (venue) => {
    const page = await d.open(shapeUrl(venue, 'recycle'));
    await page.waitFor('#vlist [data-sim-key]');
    await expect.poll(async () => (await drawnOpen(page, venue)).length > 0 && (await controlsIn(page)) === (await drawnOpen(page, venue)).length, { timeout: 20_000 }).toBe(true);
    // Each element remembers the order it was made for; then the list scrolls by five rows.
    await page.evaluate(() => {
      (window as any).__sim.stop();
      for (const el of document.querySelectorAll('#vlist > [data-sim-key]')) el.setAttribute('data-test-was', el.getAttribute('data-sim-key')!);
      (window as any).__sim.scrollToRow(5);
    });
    const open = new Set(d.sim.orders(venue).filter(isOpen).map((o) => o.id));
    // A recycled element, fully in view, that now shows another open order.
    const pick = await page.evaluate((openIds) => {
      const view = document.querySelector('.vlist-viewport')!.getBoundingClientRect();
      for (const el of [...document.querySelectorAll('#vlist > [data-sim-key]')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)) {
        const r = el.getBoundingClientRect();
        const now = el.getAttribute('data-sim-key')!;
        const was = el.getAttribute('data-test-was')!;
        if (now !== was && openIds.includes(now) && r.top >= view.top && r.bottom <= view.bottom) return { now, was };
      }
      return null;
    }, [...open]);
    expect(pick).not.toBeNull();
    const { now, was } = pick!;
    const selector = `[data-test-was="${was}"][data-sim-key="${now}"] [data-quickcancel]`;
    // The control in that element is now the control of the order it shows.
    await expect.poll(async () => (await page.control(selector))?.label ?? null, { timeout: 20_000 }).toContain(now);
    const wasBefore = statuses(venue)[was];
    await expectOnlyCancelled(venue, now, () => page.click(selector));
    expect(statuses(venue)[was]).toBe(wasBefore);
    await page.close();
  });

  it('zebpay-futures page without an order-id column and no remembered symbols: the page\'s symbols fetch the list, rows are matched, a click cancels its row\'s order', async () => {
    const id = 'myLimitOrder456';
    const page = await d.open(shapeUrl('zebpay-futures', 'no-id'));
    await page.waitFor(`[data-sim-key="${id}"]`);
    const open = await drawnOpen(page, 'zebpay-futures');
    await expect.poll(() => controlsIn(page), { timeout: 20_000 }).toBe(open.length);
    for (const key of open) expect(await page.count(`[data-sim-key="${key}"] [data-quickcancel]`)).toBe(1);
    await expectOnlyCancelled('zebpay-futures', id, () => page.click(`[data-sim-key="${id}"] [data-quickcancel]`));
    // The list was asked for per symbol: the open-orders requests named the page's symbols.
    const listed = d.sim.apiRequests('zebpay-futures').filter((r) => r.path.includes('open-orders')).map((r) => new URL(r.path, 'https://x').searchParams.get('symbol'));
    expect(new Set(listed)).toEqual(new Set(d.sim.orders('zebpay-futures').filter((o) => open.includes(o.id)).map((o) => o.symbol)));
    await page.close();
  });
});
