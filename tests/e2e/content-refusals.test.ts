// A content script lives on a page QuickCancel does not control: if that page's script ever got
// into it, it could say anything. The background answers a content script only `cancel` and
// `status`; every other message type, on either channel, is refused and changes nothing.
// (Chromium only: reaching the content script's isolated world needs DevTools.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Types only: lib/messages pulls in the settings' storage item, which needs a browser to load.
import type { ContentMessageType, MessageType } from '../../lib/messages';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { sendFromContentScript, type Channel } from './content-world';
import { launch, TEST_PASSPHRASE, unexpectedHosts, type Harness } from './harness';
import type { Page } from 'playwright-core';

const CO = { executionType: 'CO', exchangeOrderId: '1300000034566552', legOrderIndicator: 'ENTRY' };

/**
 * A well-formed message of every type only an extension page may send, so a refusal is not a
 * typo's. Typed over every message type: a new one does not compile until it has a sample here.
 */
const SAMPLES: Record<Exclude<MessageType, ContentMessageType>, unknown> = {
  retry: { type: 'retry', entryId: '00000000-0000-4000-8000-000000000001' },
  preview: { type: 'preview', venue: 'pocketful', orderId: '9101' },
  'open-orders': { type: 'open-orders', venue: 'pocketful' },
  'cancel-all': { type: 'cancel-all', venue: 'pocketful' },
  'cancel-orders': { type: 'cancel-orders', venue: 'pocketful', orderIds: ['9101'] },
  panic: { type: 'panic' },
  'history.clear': { type: 'history.clear' },
  'vault.status': { type: 'vault.status' },
  'vault.setup': { type: 'vault.setup', passphrase: 'attacker passphrase' },
  'vault.unlock': { type: 'vault.unlock', passphrase: TEST_PASSPHRASE },
  'vault.lock': { type: 'vault.lock' },
  'vault.change-passphrase': { type: 'vault.change-passphrase', current: TEST_PASSPHRASE, next: 'attacker passphrase' },
  'vault.wipe': { type: 'vault.wipe' },
  'credentials.set': { type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'attacker-token-000000' } },
  'credentials.remove': { type: 'credentials.remove', venue: 'pocketful' },
  'credentials.test': { type: 'credentials.test', venue: 'pocketful' },
  'settings.set': { type: 'settings.set', settings: { confirmSingle: true, notifications: false } },
  'timers.set': { type: 'timers.set', venue: 'pocketful', orderId: '9101', when: { kind: 'after', seconds: 1 } },
  'timers.remove': { type: 'timers.remove', id: '00000000-0000-4000-8000-000000000001' },
  'timers.list': { type: 'timers.list' },
  'teach.start': { type: 'teach.start', tabId: 1 },
  'page.health': { type: 'page.health', tabId: 1 },
};

const refusedTypes = Object.keys(SAMPLES) as Array<keyof typeof SAMPLES>;
const CASES = refusedTypes.flatMap((type) => (['message', 'port'] as Channel[]).map((channel) => [type, channel] as const));

let h: Harness;
let page: Page;
let before: { settings: unknown; history: number };

const snapshot = async () => {
  const all = await (await h.worker()).evaluate(() => (globalThis as any).chrome.storage.local.get(null));
  return { settings: all.settings, history: Object.keys(all).filter((k) => k.startsWith('journal:')).length };
};

beforeAll(async () => {
  h = await launch();
  await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  h.sim.seed('pocketful', [{ id: '9101', extra: CO }, { id: '9102', extra: CO }]);
  // One real cancel first, so there is a history for history.clear to try to erase.
  expect((await h.sendFromExtension({ type: 'cancel', venue: 'pocketful', orderId: '9102', hints: {} })).ok).toBe(true);
  page = await h.context.newPage();
  await page.goto('https://trade.pocketful.in/orders');
  await page.locator('[data-quickcancel]').first().waitFor();
  before = await snapshot();
});
afterAll(async () => h?.close());

describe('a content script may only cancel and ask for status', () => {
  it.each(CASES)('%s from a content script is refused (%s)', async (type, channel) => {
    const reply = await sendFromContentScript(h.context, page, SAMPLES[type], channel);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
  });

  it('and none of them changed anything: vault open, keys kept, settings and history as they were, no cancel-all', async () => {
    const status = await h.sendFromExtension({ type: 'vault.status' });
    expect(status).toMatchObject({ ok: true, state: 'unlocked' });
    expect(status.configured.map((c: { venue: string }) => c.venue)).toContain('pocketful');
    expect(await snapshot()).toEqual(before);
    expect(h.sim.orders('pocketful').find((o) => o.id === '9101')?.status).toBe('open');
    expect(unexpectedHosts(h.sim)).toEqual([]);
  });
});
