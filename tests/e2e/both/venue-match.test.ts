// Rows anchored in the venue's truth, in the browser under test: a CoinSwitch PRO page that shows
// no order id gets a control on each open order's row only once the venue's own list says which
// order each row is, a click cancels the order that row shows, and a new order gets its control.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen, SAMPLES } from '../../unit/page/samples';
import { launchDriver, type Driver } from '../driver';
import { CASES } from '../venue-cases';

const URL = 'https://pro.coinswitch.co/variant/no-id';
const ETH = '1c0a7f3e-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  d.sim.seed('coinswitch', SAMPLES.coinswitch);
});
afterAll(async () => d?.close());

describe(`venue-matched rows in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('without keys nothing on the page says which order a row is: no control', async () => {
    const page = await d.open(URL);
    await page.waitFor(`[data-sim-key="${ETH}"]`);
    // Time for the content script to start, ask the background and be told there is no list.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.count('[data-quickcancel]')).toBe(0);
    await page.close();
  });

  it('with keys every open order shown gets one control, and a click cancels the order its row shows', async () => {
    await d.setCredentials('coinswitch', CASES.find((c) => c.venue === 'coinswitch')!.credentials);
    const page = await d.open(URL);
    const open = d.sim.orders('coinswitch').filter(isOpen);
    await expect.poll(() => page.count('[data-quickcancel]'), { timeout: 20_000 }).toBe(open.length);
    for (const o of open) expect(await page.count(control(o.id))).toBe(1);
    await page.click(control(ETH));
    await expect.poll(() => d.sim.orders('coinswitch').find((o) => o.id === ETH)!.status, { timeout: 20_000 }).toBe('cancelled');
    const deletes = d.sim.apiRequests('coinswitch').filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(JSON.parse(deletes[0]!.body).order_id).toBe(ETH);
    for (const o of open) if (o.id !== ETH) expect(d.sim.orders('coinswitch').find((x) => x.id === o.id)!.status).toBe(o.status);

    // An order placed now shows up as a row the list does not have yet: the list is asked for again.
    const added = CASES.find((c) => c.venue === 'coinswitch')!.added;
    d.sim.seed('coinswitch', [added]);
    await expect.poll(() => page.count(control(added.id!)), { timeout: 30_000 }).toBe(1);
    await page.close();
  });
});
