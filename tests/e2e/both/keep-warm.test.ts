// No handshake on the click path, nothing kept open for nothing, and a press that is not a click
// sends nothing — in the browser under test, with the production build. The keep-warm period is
// shortened through its storage knob (keepWarmMs) and the simulator's idle timeout with it, so
// the test waits seconds, not the real 15 s / 20 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../../unit/page/samples';
import { launchDriver, type Driver, type DriverPage } from '../driver';
import { CASES } from '../venue-cases';

const CASE = CASES.find((c) => c.venue === 'coinswitch')!;
/** CoinSwitch's API has a host of its own (its web UI is pro.coinswitch.co): its connections are the extension's alone. */
const API_HOST = 'coinswitch.co';
const PERIOD_MS = 1_000;
const IDLE_TIMEOUT_MS = 4_000;

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  await d.setStorage({ keepWarmMs: PERIOD_MS });
  await d.setCredentials('coinswitch', CASE.credentials);
});
afterAll(async () => d?.close());

const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const listReads = () => d.sim.apiRequests('coinswitch').filter((r) => r.method === 'GET' && r.path.startsWith('/trade/api/v2/orders')).length;
const cancelsOf = (id: string) => d.sim.apiRequests('coinswitch').filter((r) => r.method === 'DELETE' && r.body.includes(id));
const journalHas = async (id: string) => Object.entries(await d.storage()).some(([k, v]) => k.startsWith('journal:') && (v as any)?.orderId === id);
const connections = () => d.sim.network.connections(API_HOST);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function book(): Promise<DriverPage> {
  d.sim.reset();
  // A connection left from before (the key check when the credentials were saved) would carry the
  // page's first read, which this test counts on to open one.
  d.sim.network.dropConnections(API_HOST);
  d.sim.setIdleTimeout(IDLE_TIMEOUT_MS);
  d.sim.seed('coinswitch', SAMPLES.coinswitch);
  const page = await d.open(CASE.url);
  await page.waitFor('[data-quickcancel]');
  return page;
}

/** The connection to the venue is closed and, for three periods more, nothing at all reaches the venue. */
async function letGo() {
  await expect.poll(() => connections().open, { timeout: 30_000 }).toBe(0);
  const seen = d.sim.apiRequests('coinswitch').length;
  await sleep(3 * PERIOD_MS);
  expect(d.sim.apiRequests('coinswitch').length).toBe(seen);
  expect(connections().open).toBe(0);
}

describe(`keeping the venue's connection warm in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('while a page shows orders the list is read again and again on one connection, and a cancel opens none; closed, the reads stop and the connection is let go', async () => {
    const page = await book();
    await expect.poll(listReads, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const first = listReads();
    const opened = connections().opened;
    expect(opened).toBeGreaterThan(0);
    // Longer than the server's idle timeout: without the reads the connection would be gone.
    await expect.poll(listReads, { timeout: 30_000 }).toBeGreaterThanOrEqual(first + 4);
    expect(connections().opened).toBe(opened);

    await page.click(control(CASE.cancel));
    await expect.poll(() => cancelsOf(CASE.cancel).length, { timeout: 15_000 }).toBe(1);
    expect(connections().opened).toBe(opened);
    await expect.poll(() => page.controlState(control(CASE.cancel)), { timeout: 20_000 }).toBe('cancelled');

    await page.close();
    await letGo();
  });

  it('a page that stops showing open orders stops the reads, and the connection is let go', async () => {
    const page = await book();
    const reads = listReads();
    await expect.poll(listReads, { timeout: 20_000 }).toBeGreaterThanOrEqual(reads + 2);
    // Every order leaves the venue and the page (its own refresh redraws an empty book).
    d.sim.reset();
    await expect.poll(() => page.count('[data-quickcancel]'), { timeout: 20_000 }).toBe(0);
    await letGo();
    await page.close();
  });
});

describe(`a row whose order closed in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('keeps its height when the venue’s list says so and its control goes: the rows under the pointer do not move', async () => {
    // An order no other test here cancels (their cancels show on the next page from the journal).
    const id = CASE.fill;
    const page = await book();
    // The page's own refresh is held: it draws the row again only when the test says.
    await page.evaluate(() => (window as any).__sim.stop());
    const row = `[data-sim-key="${id}"]`;
    const heightOf = () => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().height, row);
    const before = await heightOf();
    await page.click(control(id));
    await expect.poll(() => page.controlState(control(id)), { timeout: 20_000 }).toBe('cancelled');
    // The page draws the order cancelled; the venue's list, read every PERIOD_MS here, agrees.
    await page.evaluate(() => (window as any).__sim.refresh());
    await expect.poll(() => page.count(control(id)), { timeout: 10_000 }).toBe(0);
    expect(await page.count(`${row} [data-quickcancel-room]`)).toBe(1);
    expect(await heightOf()).toBe(before);
    await page.close();
  });
});

describe(`a press that does not become a click in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('pressing a control, moving away and releasing elsewhere sends nothing and records nothing; the click after it cancels once', async () => {
    // An order no other test here has cancelled (the journal outlives the simulator's reset).
    const id = CASE.added.id!;
    const page = await book();
    d.sim.seed('coinswitch', [CASE.added]);
    await page.waitFor(control(id));
    await page.evaluate(() => (window as any).__sim.stop());
    await expect.poll(listReads, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await page.hover(control(id));
    await page.mouseDown();
    await page.mouseMove(5, 5);
    await page.mouseUp();
    // Time for the press's message to be handled, and for a request, had one been started, to arrive.
    await sleep(1_500);
    expect(cancelsOf(id)).toEqual([]);
    expect(await journalHas(id)).toBe(false);
    // Firefox hands the release to the pressed button (a click there, away from the pointer): the
    // control refuses it as it refuses any click not on it. Chromium sends the control nothing.
    expect(['idle', 'failed']).toContain(await page.controlState(control(id)));

    await page.click(control(id));
    await expect.poll(() => page.controlState(control(id)), { timeout: 20_000 }).toBe('cancelled');
    expect(cancelsOf(id)).toHaveLength(1);
    expect(await journalHas(id)).toBe(true);
    await page.close();
  });
});
