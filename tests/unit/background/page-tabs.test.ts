// Page health through the router: a venue tab's content script reports it with `status`, the popup
// reads it for that tab; a content script can neither read it nor start teaching; a malformed
// summary is refused; a closed tab's report is dropped.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageTabs } from '../../../lib/background/page-tabs';
import { createRouter, type Sender } from '../../../lib/background/router';
import { CancelTimers } from '../../../lib/background/timers';
import { CancelEngine } from '../../../lib/engine/engine';
import { AutoLock } from '../../../lib/vault/auto-lock';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';

const EXT = 'chrome-extension://abc/';
const popup: Sender = { id: 'abc', url: `${EXT}popup.html` };
const tab7: Sender = { id: 'abc', url: 'https://trade.pocketful.in/orders', frameId: 0, tab: { id: 7 } };
const health = { rows: 3, by: { recipe: 0, generic: 0, rule: 3, venue: 0 }, matched: 3, unread: 0, ruleMisses: [], unshown: [{ orderId: '202612030104', symbol: 'NIFTY26DECFUT' }], unshownCount: 1 };

async function setup() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  const engine = new CancelEngine({ venues, credentials: vault, send: vi.fn(async () => ({ status: 500, headers: {}, body: '' })) });
  const pageTabs = new PageTabs();
  const handle = createRouter({
    engine, vault, venues, autoLock: new AutoLock(vault, async () => 30), pageTabs,
    extensionOrigin: EXT, extensionId: 'abc', wipeStorage: async () => undefined, notify: async () => undefined, timers: new CancelTimers({ fire: async () => undefined }),
  });
  return { handle, pageTabs };
}

beforeEach(() => fakeBrowser.reset());

describe('page health per tab', () => {
  it('a venue tab reports its health with status; the popup reads it for that tab only', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'status', venue: 'pocketful', orderIds: [], health }, tab7)).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect(await handle({ type: 'page.health', tabId: 7 }, popup)).toMatchObject({ ok: true, page: { venue: 'pocketful', health }, teach: null }));
    expect(await handle({ type: 'page.health', tabId: 8 }, popup)).toEqual({ ok: true, page: null, teach: null });
  });

  it.each([
    { ...health, rows: -1 },
    { ...health, by: { recipe: 'many' } },
    { ...health, unshown: Array.from({ length: 51 }, (_, i) => ({ orderId: `O${i}` })) },
    { ...health, ruleMisses: ['x'.repeat(501)] },
  ])('a malformed summary is refused and nothing is kept', async (bad) => {
    const { handle } = await setup();
    expect(await handle({ type: 'status', venue: 'pocketful', orderIds: [], health: bad }, tab7)).toMatchObject({ ok: false });
    expect(await handle({ type: 'page.health', tabId: 7 }, popup)).toEqual({ ok: true, page: null, teach: null });
  });

  it.each([{ type: 'page.health', tabId: 7 }, { type: 'teach.start', tabId: 7 }])('a content script may not send $type', async (message) => {
    const { handle } = await setup();
    expect(await handle(message, tab7)).toMatchObject({ ok: false, error: expect.stringContaining('Refused') });
  });

  it('a closed tab’s report is forgotten', async () => {
    const { handle, pageTabs } = await setup();
    await pageTabs.recordHealth(7, 'pocketful', health);
    await pageTabs.forget(7);
    expect(await handle({ type: 'page.health', tabId: 7 }, popup)).toEqual({ ok: true, page: null, teach: null });
  });
});
