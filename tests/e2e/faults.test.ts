// The fault suite, in real Chromium with the production build: under each fault the user sees a
// true outcome, nothing is lost, and the simulator never receives a cancel the policy did not allow.
// (The background stopped mid-cancel runs in both browsers: both/restart.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../lib/model';
import type { VenueId } from '../../lib/venues/types';
import { COINSWITCH_TEST_CREDENTIALS } from '../simulator/venues/coinswitch';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { TRADERNET_TEST_CREDENTIALS } from '../simulator/venues/tradernet';
import { ZEBPAY_TEST_CREDENTIALS } from '../simulator/venues/zebpay-futures';
import { sendFromContentScript, type Channel } from './content-world';
import { launch, TEST_PASSPHRASE, unexpectedHosts, type Harness } from './harness';
import { locatorState } from './control-info';

let h: Harness;
const CHANNELS: Channel[] = ['message', 'port'];
const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

beforeAll(async () => {
  h = await launch();
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  await h.setCredentials('coinswitch', COINSWITCH_TEST_CREDENTIALS);
});
afterAll(async () => h?.close());

const cancels = (id: string) => h.sim.apiRequests().filter((r) => r.method === 'DELETE' && (r.path.includes(id) || r.body.includes(id)));
const popupCancel = async (venue: VenueId, orderId: string): Promise<JournalEntry> => {
  const reply = await h.sendFromExtension({ type: 'cancel', venue, orderId, hints: {} });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return reply.entry;
};

describe('faults', () => {
  it('the same order from two tabs and the popup at once: one request, one outcome for all', async () => {
    h.sim.seed('pocketful', [{ id: '7002', extra: CO }]);
    const tabs = await Promise.all([h.context.newPage(), h.context.newPage()]);
    for (const tab of tabs) {
      await tab.goto('https://trade.pocketful.in/orders');
      await tab.evaluate(() => (window as any).__sim.stop());
    }
    const controls = tabs.map((t) => t.locator('tr[data-oms="7002"] [data-quickcancel]'));
    for (const c of controls) await c.waitFor();
    await Promise.all([...controls.map((c) => c.click()), popupCancel('pocketful', '7002')]);
    for (const c of controls) await expect.poll(() => locatorState(c)).toBe('cancelled');
    expect(cancels('7002')).toHaveLength(1);
  });

  it('a double click sends one cancel', async () => {
    h.sim.seed('pocketful', [{ id: '7003', extra: { executionType: 'REGULAR' } }]);
    const page = await h.context.newPage();
    await page.goto('https://trade.pocketful.in/orders');
    await page.evaluate(() => (window as any).__sim.stop());
    const control = page.locator('tr[data-oms="7003"] [data-quickcancel]');
    await control.dblclick();
    await expect.poll(() => locatorState(control), { timeout: 15_000 }).toBe('cancelled');
    expect(cancels('7003')).toHaveLength(1);
  });

  it('429 with Retry-After: waits and cancels; the throttled request was not executed', async () => {
    h.sim.seed('pocketful', [{ id: '7004', extra: CO }]);
    h.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 429, headers: { 'retry-after': '1' } } });
    expect(await popupCancel('pocketful', '7004')).toMatchObject({ status: 'cancelled', attempts: 2 });
  });

  it('5xx with an HTML error page: looked up first, still open, one more cancel', async () => {
    h.sim.seed('pocketful', [{ id: '7005', extra: CO }]);
    h.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'respond', status: 502, headers: { 'content-type': 'text/html' }, body: '<html><h1>502 Bad Gateway</h1></html>' } });
    expect(await popupCancel('pocketful', '7005')).toMatchObject({ status: 'cancelled', attempts: 2 });
    expect(cancels('7005')).toHaveLength(2);
  });

  it('an HTML error page on 200: unknown, verified, the truth shown', async () => {
    h.sim.seed('coinswitch', [{ id: '33333333-2222-3333-4444-555555555555' }]);
    h.sim.fault({ venue: 'coinswitch', method: 'DELETE', fault: { kind: 'respond', status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><p>Maintenance</p>' } });
    const entry = await popupCancel('coinswitch', '33333333-2222-3333-4444-555555555555');
    expect(entry.status).toBe('cancelled');
    expect(cancels('33333333-2222-3333-4444-555555555555')).toHaveLength(2);
  });

  it('the cancel lands but its response is lost: verified as cancelled, never re-sent', async () => {
    h.sim.seed('pocketful', [{ id: '7006', extra: CO }]);
    h.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'lose-response' } });
    expect(await popupCancel('pocketful', '7006')).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(cancels('7006')).toHaveLength(1);
  });

  it('a response slower than the 10 s timeout: unknown, then verified', async () => {
    h.sim.seed('pocketful', [{ id: '7007', extra: CO }]);
    h.sim.fault({ venue: 'pocketful', method: 'DELETE', fault: { kind: 'delay', ms: 11_000 } });
    expect(await popupCancel('pocketful', '7007')).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(cancels('7007')).toHaveLength(1);
  }, 40_000);

  it('an expired token: auth failed, says what to do, nothing retried', async () => {
    h.sim.seed('pocketful', [{ id: '7008', extra: CO }]);
    // The open-orders list the cancel asks first, not the previous test's late-fill lookup of its order.
    h.sim.fault({ venue: 'pocketful', pathPrefix: '/api/v1/orders', fault: { kind: 'expired-token' } });
    const entry = await popupCancel('pocketful', '7008');
    expect(entry.status).toBe('auth-failed');
    expect(entry.message).toContain('paste a new one in Settings');
    expect(cancels('7008')).toHaveLength(0);
  });

  it('a skewed clock: resynced from the venue, retried once, cancelled', async () => {
    h.sim.seed('coinswitch', [{ id: '44444444-2222-3333-4444-555555555555' }]);
    h.sim.setClockSkew('coinswitch', -3 * 60_000);
    const entry = await popupCancel('coinswitch', '44444444-2222-3333-4444-555555555555');
    h.sim.setClockSkew('coinswitch', 0);
    expect(entry.status).toBe('cancelled');
    expect(cancels('44444444-2222-3333-4444-555555555555')).toHaveLength(1);
  });

  it('a locked vault: not sent, says to unlock; after unlocking, the retry from the popup cancels it', async () => {
    h.sim.seed('pocketful', [{ id: '7009', extra: CO }]);
    await h.sendFromExtension({ type: 'vault.lock' });
    const entry = await popupCancel('pocketful', '7009');
    expect(entry).toMatchObject({ status: 'not-sent' });
    expect(entry.message).toMatch(/locked/);
    expect(cancels('7009')).toHaveLength(0);
    expect(await h.sendFromExtension({ type: 'vault.unlock', passphrase: 'not it' })).toEqual({ ok: false, error: 'Wrong passphrase' });
    expect(await h.sendFromExtension({ type: 'vault.unlock', passphrase: TEST_PASSPHRASE })).toEqual({ ok: true });
    const retried = await h.sendFromExtension({ type: 'retry', entryId: entry.id });
    expect(retried.entry.status).toBe('cancelled');
    expect(cancels('7009')).toHaveLength(1);
  });

  // The pacing itself is held to the token bucket in tests/unit/engine, on the times the engine sends:
  // arrival times here also carry the browser's connection queue, which a busy host bunches up.
  it('cancel-all of 50 orders through the rate limit: one entry and one cancel each, nothing retried', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(8000 + i));
    h.sim.seed('pocketful', ids.map((id) => ({ id, extra: CO })));
    const reply = await h.sendFromExtension({ type: 'cancel-all', venue: 'pocketful' });
    const mine = (reply.entries as JournalEntry[]).filter((e) => ids.includes(e.orderId));
    expect(mine.map((e) => [e.status, e.attempts])).toEqual(Array(50).fill(['cancelled', 1]));
    const sent = h.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && ids.some((id) => r.path.endsWith(`/${id}`)));
    expect(sent).toHaveLength(50);
    expect(new Set(sent.map((r) => r.path)).size).toBe(50);
  }, 40_000);
});

describe('security', () => {
  const secrets = [
    PACE_TEST_CREDENTIALS.pocketful.accessToken, COINSWITCH_TEST_CREDENTIALS.secretKey,
    ZEBPAY_TEST_CREDENTIALS.secretKey, TRADERNET_TEST_CREDENTIALS.privateKey, TEST_PASSPHRASE,
  ];

  it('after keys are set, storage.local and storage.sync (vault, settings, journal) hold no plaintext secret', async () => {
    await h.setCredentials('zebpay-futures', ZEBPAY_TEST_CREDENTIALS);
    await h.setCredentials('tradernet', TRADERNET_TEST_CREDENTIALS);
    const worker = await h.worker();
    const disk = await worker.evaluate(async () => {
      const c = (globalThis as any).chrome;
      return JSON.stringify([await c.storage.local.get(null), await c.storage.sync.get(null)]);
    });
    expect(disk).toContain('journal:');
    for (const secret of secrets) expect(disk).not.toContain(secret);
  });

  it.each(CHANNELS)('a content script asking for credentials, settings or cancel-all is refused (%s)', async (channel) => {
    h.sim.seed('pocketful', [{ id: '9001', extra: CO }]);
    const page = await h.context.newPage();
    await page.goto('https://trade.pocketful.in/orders');
    await page.locator('[data-quickcancel]').first().waitFor();
    for (const message of [
      { type: 'vault.status' },
      { type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'attacker-token-000000' } },
      { type: 'settings.set', settings: { confirmSingle: true } },
      { type: 'cancel-all', venue: 'pocketful' },
    ]) {
      const reply = await sendFromContentScript(h.context, page, message, channel);
      expect(reply.ok, JSON.stringify(message)).toBe(false);
    }
  });

  it.each(CHANNELS)('a content script claiming another venue than its page is refused (%s)', async (channel) => {
    h.sim.seed('coinswitch', [{ id: '55555555-2222-3333-4444-555555555555' }]);
    h.sim.seed('pocketful', [{ id: '9002', extra: CO }]);
    const page = await h.context.newPage();
    await page.goto('https://trade.pocketful.in/orders');
    await page.locator('[data-quickcancel]').first().waitFor();
    const reply = await sendFromContentScript(h.context, page, { type: 'cancel', venue: 'coinswitch', orderId: '55555555-2222-3333-4444-555555555555', hints: {} }, channel);
    expect(reply).toEqual({ ok: false, error: 'Refused: this page is not CoinSwitch PRO' });
    expect(cancels('55555555-2222-3333-4444-555555555555')).toHaveLength(0);
  });

  it('nothing left loopback', () => {
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
