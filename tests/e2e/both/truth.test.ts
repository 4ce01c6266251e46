// Truth before finality in the real browser, production build, simulator in its document-faithful
// modes: a kept-alive connection dropped after the venue applied the cancel (Chromium silently
// re-sends the DELETE, and the venue answers the second one "already cancelled") still shows the
// user's own cancel as Cancelled; CoinSwitch's "processing" refusal that clears ends cancelled
// within the bounded attempts; an order CoinSwitch does not know yet is never called closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../lib/model';
import type { VenueId } from '../../../lib/venues/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { launchDriver, type Driver } from '../driver';

let d: Driver;
beforeAll(async () => {
  d = await launchDriver();
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  await d.setCredentials('coinswitch', COINSWITCH_TEST_CREDENTIALS);
  await d.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
});
afterAll(async () => d?.close());

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };
const cancelsOf = (venue: VenueId, id: string) =>
  d.sim.apiRequests(venue).filter((r) => r.method === 'DELETE' && (r.path.includes(id) || r.body.includes(id)));
const journalOf = async (id: string): Promise<JournalEntry | undefined> =>
  Object.entries(await d.storage()).find(([k, v]) => k.startsWith('journal:') && (v as JournalEntry)?.orderId === id)?.[1] as JournalEntry | undefined;
const popupCancel = async (venue: VenueId, orderId: string): Promise<JournalEntry> => {
  const reply = await d.send<{ ok: boolean; entry: JournalEntry }>({ type: 'cancel', venue, orderId, hints: {} });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.entry;
};

describe(`truth before finality in ${process.env.QC_BROWSER ?? 'chromium'}`, () => {
  it('a kept-alive connection dropped after the venue applied the cancel: the row says Cancelled, the journal cancelled', async () => {
    const id = '7101';
    d.sim.seed('pocketful', [{ id, extra: CO }]);
    const page = await d.open('https://trade.pocketful.in/orders');
    const control = `[data-sim-key="${id}"] [data-quickcancel]`;
    await page.waitFor(control);
    await page.evaluate(() => (window as any).__sim.stop());
    d.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'drop-connection' } });
    await page.click(control);
    await expect.poll(() => page.controlState(control), { timeout: 20_000 }).toBe('cancelled');
    expect(d.sim.orders('pocketful').find((o) => o.id === id)!.status).toBe('cancelled');
    await expect.poll(async () => (await journalOf(id))?.status).toBe('cancelled');
    // The venue saw our cancel; a browser that re-sends it (Chromium, on a reused connection) makes
    // it two, answered "already cancelled" — and the row still says ours.
    const seen = cancelsOf('pocketful', id).length;
    expect(seen).toBeGreaterThanOrEqual(1);
    expect(seen).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('CoinSwitch refuses a just-placed order as "processing", then the refusal clears: cancelled, attempts bounded', async () => {
    const id = '51515151-aaaa-4bbb-8ccc-000000000001';
    d.sim.setModes('coinswitch', { justPlaced: { answer: 'processing', forMs: 250 } });
    d.sim.seed('coinswitch', [{ id }]);
    const entry = await popupCancel('coinswitch', id);
    d.sim.setModes('coinswitch', { justPlaced: undefined });
    expect(entry.status).toBe('cancelled');
    expect(entry.attempts).toBe(2);
    expect(cancelsOf('coinswitch', id)).toHaveLength(2);
    expect((await journalOf(id))?.status).toBe('cancelled');
  });

  it('CoinSwitch does not know a just-placed order yet, then it appears: cancelled, never "closed" on the first not-found', async () => {
    const id = '51515151-aaaa-4bbb-8ccc-000000000002';
    d.sim.setModes('coinswitch', { justPlaced: { answer: 'not-found', forMs: 400 } });
    d.sim.seed('coinswitch', [{ id }]);
    const entry = await popupCancel('coinswitch', id);
    d.sim.setModes('coinswitch', { justPlaced: undefined });
    expect(entry.status).toBe('cancelled');
    expect(d.sim.orders('coinswitch').find((o) => o.id === id)!.status).toBe('cancelled');
    expect(d.sim.apiRequests('coinswitch').filter((r) => r.method === 'GET' && r.path.includes(id)).length).toBeGreaterThan(1);
  });

  it('Tradernet refuses a v2 command for want of a session: getAuthInfo opens one, the command goes once more, cancelled', async () => {
    d.sim.setModes('tradernet', { sessionRequired: true });
    d.sim.seed('tradernet', [{ id: '7702001' }]);
    const entry = await popupCancel('tradernet', '7702001');
    d.sim.setModes('tradernet', { sessionRequired: undefined });
    expect(entry.status).toBe('cancelled');
    expect(d.sim.apiRequests('tradernet').filter((r) => r.path.endsWith('/getAuthInfo'))).toHaveLength(1);
    expect(d.sim.orders('tradernet').find((o) => o.id === '7702001')!.status).toBe('cancelled');
  });
});
