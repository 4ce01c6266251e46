import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelTimers } from '../../../lib/background/timers';
import { PageTabs } from '../../../lib/background/page-tabs';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Sender } from '../../../lib/background/router';
import { CancelEngine } from '../../../lib/engine/engine';
import { AutoLock } from '../../../lib/vault/auto-lock';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';
import type { HttpRequest, HttpResponse } from '../../../lib/venues/types';

const EXT = 'chrome-extension://abc/';
const popup: Sender = { id: 'abc', url: `${EXT}popup.html` };
const pocketfulTab: Sender = { id: 'abc', url: 'https://trade.pocketful.in/orders', frameId: 0, tab: { id: 1 } };

async function setup(answer: HttpResponse = { status: 500, headers: {}, body: '' }, injectPageScript = vi.fn(async (..._: [number, number, string]): Promise<string | undefined> => undefined)) {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  const send = vi.fn(async (_request: HttpRequest) => answer);
  const engine = new CancelEngine({ venues, credentials: vault, send });
  const cancel = vi.spyOn(engine, 'cancel');
  const handle = createRouter({
    engine, vault, venues, autoLock: new AutoLock(vault, async () => 30),
    extensionOrigin: EXT, extensionId: 'abc', wipeStorage: async () => undefined, notify: async () => undefined, timers: new CancelTimers({ fire: async () => undefined }),
    pageTabs: new PageTabs(), injectPageScript,
  });
  const configured = async () => Object.keys((await vault.secrets()) ?? {});
  return { handle, send, cancel, configured, vault, injectPageScript };
}

describe('who may send what', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a content script may cancel for the venue its page is on', async () => {
    const { handle, cancel } = await setup();
    const reply = await handle({ type: 'cancel', venue: 'pocketful', orderId: '202611220001' }, pocketfulTab);
    expect(reply.ok).toBe(true);
    expect(cancel).toHaveBeenCalledWith({ venue: 'pocketful', orderId: '202611220001', hints: {}, source: 'page' });
  });

  it('refuses a content script claiming another venue than its page', async () => {
    const { handle, cancel } = await setup();
    const reply = await handle({ type: 'cancel', venue: 'coinswitch', orderId: '698ed406-8ef5-4664-9779-f7978702a447' }, pocketfulTab);
    expect(reply).toEqual({ ok: false, error: 'Refused: this page is not CoinSwitch PRO' });
    expect(cancel).not.toHaveBeenCalled();
  });

  it('refuses a cancel from a sub-frame', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'cancel', venue: 'pocketful', orderId: '1' }, { ...pocketfulTab, frameId: 3 })).toMatchObject({ ok: false });
  });

  it.each([
    { type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'x'.repeat(20), clientId: 'A' } },
    { type: 'vault.status' },
    { type: 'vault.wipe' },
    { type: 'settings.set', settings: { confirmSingle: true } },
    { type: 'cancel-all', venue: 'pocketful' },
    { type: 'open-orders', venue: 'pocketful' },
    { type: 'timers.set', venue: 'pocketful', orderId: '202611220001', when: { kind: 'after', seconds: 1 } },
    { type: 'timers.list' },
  ])('refuses $type from a content script', async (message) => {
    const { handle, configured } = await setup();
    const reply = await handle(message, pocketfulTab);
    expect(reply.ok).toBe(false);
    expect(await configured()).toEqual([]);
  });

  it('refuses messages from other extensions', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'vault.status' }, { id: 'evil', url: 'chrome-extension://evil/x.html' })).toEqual({ ok: false, error: 'Unknown sender' });
  });

  it('answers a malformed message with a clear error, from any sender', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'cancel', venue: 'pocketful' }, popup)).toMatchObject({ ok: false, error: expect.stringMatching(/^Malformed message/) });
    expect(await handle('garbage', pocketfulTab)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
  });

  it('catches an order-id typo before anything is sent', async () => {
    const { handle, send } = await setup();
    const reply = await handle({ type: 'cancel', venue: 'tradernet', orderId: '29292x' }, popup);
    expect(reply).toEqual({ ok: false, error: '"29292x" does not look like a Tradernet / Freedom24 order id (expected a whole number)' });
    expect(send).not.toHaveBeenCalled();
  });

  it('extension pages may store credentials, validated by the venue schema', async () => {
    const { handle, configured } = await setup();
    expect(await handle({ type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'short' } }, popup)).toMatchObject({ ok: false });
    expect(await handle({ type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'a-long-enough-token', clientId: 'YG1' } }, popup)).toEqual({ ok: true });
    expect(await configured()).toEqual(['pocketful']);
  });
});

describe('saving credentials', () => {
  beforeEach(() => fakeBrowser.reset());

  it('PaceTrader keys without a client id (and a token that carries none): asked of PaceTrader once, at save time', async () => {
    const tradingInfo = { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'success', message: '', data: { client_id: 'YG7777' } }) };
    const { handle, send, vault } = await setup(tradingInfo);
    expect(await handle({ type: 'credentials.set', venue: 'pacetrader', credentials: { accessToken: 'opaque-pacetrader-token-1' } }, popup)).toEqual({ ok: true });
    expect(send.mock.calls.map(([r]) => r.url)).toEqual(['https://pacetrader.pacefin.in/api/v1/user/trading_info']);
    expect(await vault.get('pacetrader')).toEqual({ state: 'ok', credentials: { accessToken: 'opaque-pacetrader-token-1', clientId: 'YG7777' } });
  });

  it('when PaceTrader cannot say, nothing is saved and the user is told what to do', async () => {
    const { handle, configured } = await setup({ status: 401, headers: {}, body: '{"status":"error","error_code":40000,"message":"Invalid token"}' });
    const reply = await handle({ type: 'credentials.set', venue: 'pacetrader', credentials: { accessToken: 'opaque-pacetrader-token-1' } }, popup);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^PaceTrader: could not learn the client id from PaceTrader \(PaceTrader token expired.*\) — enter it, or try again$/) });
    expect(await configured()).toEqual([]);
  });
});

describe('cancel timers from the popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets a timer for a well-formed id once keys are set, lists it, removes it; refuses a past time and a malformed id', async () => {
    const { handle, vault } = await setup();
    const set = { type: 'timers.set', venue: 'pocketful', orderId: '202611220001', when: { kind: 'after', seconds: 30 } };
    expect(await handle(set, popup)).toEqual({ ok: false, error: 'Add Pocketful credentials in Settings first' });
    await vault.set('pocketful', { accessToken: 'x'.repeat(20), clientId: 'A' });
    const reply = await handle(set, popup);
    expect(reply).toMatchObject({ ok: true, timer: { venue: 'pocketful', orderId: '202611220001' } });
    const id = (reply as unknown as { timer: { id: string } }).timer.id;
    expect(await handle({ type: 'timers.list' }, popup)).toMatchObject({ ok: true, timers: [{ id }] });
    expect(await handle({ ...set, when: { kind: 'at', atMs: Date.now() - 1000 } }, popup)).toEqual({ ok: false, error: 'That time has already passed' });
    expect(await handle({ ...set, orderId: 'no such id!' }, popup)).toMatchObject({ ok: false });
    expect(await handle({ type: 'timers.remove', id }, popup)).toEqual({ ok: true });
    expect(await handle({ type: 'timers.list' }, popup)).toEqual({ ok: true, timers: [] });
  });
});

describe('the row menu\'s script, asked for with a status', () => {
  beforeEach(() => fakeBrowser.reset());
  const load = { type: 'status', venue: 'pocketful', orderIds: [], load: 'row-menu' };

  it('is injected into the sending tab\'s frame before the status is answered', async () => {
    const { handle, injectPageScript } = await setup();
    expect(await handle(load, pocketfulTab)).toMatchObject({ ok: true });
    expect(injectPageScript.mock.calls).toEqual([[1, 0, 'row-menu']]);
  });

  it('a status without `load` injects nothing', async () => {
    const { handle, injectPageScript } = await setup();
    expect(await handle({ type: 'status', venue: 'pocketful', orderIds: ['1'] }, pocketfulTab)).toMatchObject({ ok: true });
    expect(injectPageScript).not.toHaveBeenCalled();
  });

  it('an injection that fails is answered with why', async () => {
    const failing = vi.fn(async () => 'QuickCancel could not load its row menu into this page: Cannot access contents of the page');
    const { handle } = await setup(undefined, failing);
    expect(await handle(load, pocketfulTab)).toEqual({ ok: false, error: 'QuickCancel could not load its row menu into this page: Cannot access contents of the page' });
  });

  it.each([
    ['a sub-frame', { ...pocketfulTab, frameId: 3 }],
    ['a page of another venue', { ...pocketfulTab, url: 'https://coinswitch.co/pro/orders' }],
    ['another extension', { ...pocketfulTab, id: 'other' }],
  ])('is refused, and nothing injected, for %s', async (_, sender) => {
    const { handle, injectPageScript } = await setup();
    expect(await handle(load, sender)).toMatchObject({ ok: false });
    expect(injectPageScript).not.toHaveBeenCalled();
  });

  it('names no file: any other name is refused as malformed, and nothing injected', async () => {
    const { handle, injectPageScript } = await setup();
    expect(await handle({ ...load, load: '/teach.js' }, pocketfulTab)).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) });
    expect(injectPageScript).not.toHaveBeenCalled();
  });
});
