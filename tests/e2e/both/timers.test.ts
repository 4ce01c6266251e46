// Cancel timers through the production build against the simulator, in the browser under test:
// a 3-second timer set in the popup cancels an open order, an order filled before its timer fires
// ends as filled (nothing is sent), and a timer fires after the background stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

const soon = { timeout: 30_000 };
const status = (id: string) => d.sim.orders('pocketful').find((o) => o.id === id)?.status;
const deletes = (id: string) => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && r.path.endsWith(`/${id}`));
const entriesFor = async (id: string) => Object.entries(await d.storage()).filter(([k, v]) => k.startsWith('journal:') && (v as any).orderId === id).map(([, v]) => v as any);

async function timerFromPopup(orderId: string, seconds: number): Promise<DriverPage> {
  const popup = await d.extensionPage('popup.html');
  await popup.bringToFront();
  await popup.waitFor('#qc-venue');
  await popup.select('#qc-venue', 'pocketful');
  await popup.fill('input[name=timerOrderId]', orderId);
  await popup.fill('input[name=timerSeconds]', String(seconds));
  await popup.clickButton('Set timer');
  await popup.waitFor(`[data-timer="${orderId}"] [data-countdown]`);
  return popup;
}

describe(`cancel timers in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('a 3-second timer set in the popup cancels the open order at the venue, as a timer\'s cancel, and leaves the list', async () => {
    d.sim.seed('pocketful', [{ id: '8101', extra: CO }]);
    const popup = await timerFromPopup('8101', 3);
    expect(status('8101')).toBe('open');
    await expect.poll(() => status('8101'), soon).toBe('cancelled');
    await expect.poll(async () => (await entriesFor('8101'))[0]?.status, soon).toBe('cancelled');
    const [entry] = await entriesFor('8101');
    expect(entry.source).toBe('timer');
    expect(deletes('8101')).toHaveLength(1);
    await expect.poll(() => popup.count('[data-timer="8101"]'), soon).toBe(0);
    await popup.close();
  });

  it('an order filled before its timer fires ends as filled: no cancel is sent, and the history says so', async () => {
    d.sim.seed('pocketful', [{ id: '8102', extra: CO }]);
    const popup = await timerFromPopup('8102', 3);
    d.sim.setStatus('pocketful', '8102', 'filled');
    await expect.poll(async () => (await entriesFor('8102'))[0]?.status, soon).toBe('already-closed');
    const [entry] = await entriesFor('8102');
    expect(entry.source).toBe('timer');
    expect(entry.message).toBe('Filled before the timer fired');
    expect(status('8102')).toBe('filled');
    expect(deletes('8102')).toEqual([]);
    await expect.poll(() => popup.text('.history'), soon).toContain('Filled before the timer fired');
    await popup.close();
  });

  it('a timer fires after the background stopped (its alarm wakes it)', async () => {
    d.sim.seed('pocketful', [{ id: '8103', extra: CO }]);
    const reply = await d.send<{ ok: boolean }>({ type: 'timers.set', venue: 'pocketful', orderId: '8103', when: { kind: 'after', seconds: 3 } });
    expect(reply.ok).toBe(true);
    await d.stopBackground();
    await expect.poll(() => status('8103'), soon).toBe('cancelled');
    expect(deletes('8103')).toHaveLength(1);
    expect((await d.storage()).cancelTimers).toEqual([]);
    expect(unknownHosts(d)).toEqual([]);
  });
});
