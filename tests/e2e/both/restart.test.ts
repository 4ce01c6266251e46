// The background stopped while a cancel is in flight (Chromium's service worker, Firefox's event
// page): the user still gets a true outcome, and the venue never gets the cancel twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, unknownHosts, type Driver } from '../driver';

let d: Driver;
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };
beforeAll(async () => {
  d = await launchDriver();
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

const deletes = (id: string) => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${id}`));
const entriesFor = async (id: string) => Object.entries(await d.storage()).filter(([k, v]) => k.startsWith('journal:') && (v as any).orderId === id).map(([, v]) => v as any);

describe(`the background stopped mid-cancel in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('from the page: the control says it is checking, then shows how it ended; one request', async () => {
    d.sim.seed('pocketful', [{ id: '6104', extra: CO }]);
    d.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'delay', ms: 2000 } });
    const page = await d.open('https://trade.pocketful.in/orders');
    const control = 'tr[data-oms="6104"] [data-quickcancel]';
    await page.waitFor(control);
    // The page's own refresh would remove a finished row's control; hold it to read the control.
    await page.evaluate(() => (window as any).__sim.stop());
    await page.click(control);
    await d.sim.waitForRequest((r) => r.method === 'DELETE' && r.path.endsWith('/6104'));
    await d.stopBackground();
    await expect.poll(() => page.controlState(control), { timeout: 30_000 }).toBe('cancelled');
    expect(deletes('6104')).toHaveLength(1);
    expect(await entriesFor('6104')).toHaveLength(1);
    await page.close();
  });

  it('from the popup: verified after the restart, one entry, sent once', async () => {
    d.sim.seed('pocketful', [{ id: '7001', extra: CO }]);
    d.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'delay', ms: 3000 } });
    const inFlight = d.send({ type: 'cancel', venue: 'pocketful', orderId: '7001', hints: {} }).catch((e: unknown) => e);
    await d.sim.waitForRequest((r) => r.method === 'DELETE' && r.path.endsWith('/7001'));
    await d.stopBackground();
    await inFlight;
    // Any event wakes the background; at start-up it verifies what was left unfinished.
    await d.send({ type: 'vault.status' });
    await expect.poll(async () => (await entriesFor('7001'))[0]?.status, { timeout: 20_000 }).toBe('cancelled');
    expect(await entriesFor('7001')).toHaveLength(1);
    expect(deletes('7001')).toHaveLength(1);
    expect(unknownHosts(d)).toEqual([]);
  });
});
