// The exact-list cancel through the router, as the popup sends it: only from extension pages, only
// well-formed ids (a bad one refuses the whole list, nothing sent), never to a venue turned off.
import { CancelTimers } from '../../../lib/background/timers';
import { PageTabs } from '../../../lib/background/page-tabs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Sender } from '../../../lib/background/router';
import { CancelEngine } from '../../../lib/engine/engine';
import { AutoLock } from '../../../lib/vault/auto-lock';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';

const EXT = 'chrome-extension://abc/';
const popup: Sender = { id: 'abc', url: `${EXT}popup.html` };
const pocketfulTab: Sender = { id: 'abc', url: 'https://trade.pocketful.in/orders', frameId: 0, tab: { id: 1 } };

async function setup() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  await vault.set('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  const send = vi.fn(async () => ({ status: 500, headers: {}, body: '' }));
  const engine = new CancelEngine({ venues, credentials: vault, send });
  const handle = createRouter({
    engine, vault, venues, autoLock: new AutoLock(vault, async () => 30),
    extensionOrigin: EXT, extensionId: 'abc', wipeStorage: async () => undefined, notify: async () => undefined, timers: new CancelTimers({ fire: async () => undefined }),
    pageTabs: new PageTabs(),
  });
  return { handle, send };
}

beforeEach(() => fakeBrowser.reset());

describe('cancel-orders and panic through the router', () => {
  it('a content script may not send either', async () => {
    const { handle, send } = await setup();
    expect(await handle({ type: 'cancel-orders', venue: 'pocketful', orderIds: ['202611220001'] }, pocketfulTab)).toMatchObject({ ok: false });
    expect(await handle({ type: 'panic' }, pocketfulTab)).toMatchObject({ ok: false });
    expect(send).not.toHaveBeenCalled();
  });

  it('one malformed id refuses the whole list before anything is sent', async () => {
    const { handle, send } = await setup();
    const reply = await handle({ type: 'cancel-orders', venue: 'pocketful', orderIds: ['202611220001', 'DROP TABLE'] }, popup);
    expect(reply).toEqual({ ok: false, error: '"DROP TABLE" does not look like a Pocketful order id; nothing was cancelled' });
    expect(send).not.toHaveBeenCalled();
  });

  it('a venue without keys says so, and nothing is sent', async () => {
    const { handle, send } = await setup();
    expect(await handle({ type: 'cancel-orders', venue: 'coinswitch', orderIds: ['698ed406-8ef5-4664-9779-f7978702a447'] }, popup)).toEqual({ ok: false, error: 'Add CoinSwitch PRO credentials in Settings first' });
    expect(send).not.toHaveBeenCalled();
  });
});
