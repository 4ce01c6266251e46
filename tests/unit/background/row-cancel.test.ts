// A row menu's scoped cancel in the background: the venue is listed again first, and only the
// confirmed orders still open and still in the scope are sent; an order in the scope that the
// confirmation did not list is left open and counted; the answer says all of it in words. Through
// the router, a content script may ask for it (and for a timer) only as a `cancel` on its own venue.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scopedCancel, scopedSummary } from '../../../lib/background/row-cancel';
import { createRouter, type Sender } from '../../../lib/background/router';
import { CancelTimers } from '../../../lib/background/timers';
import { CancelEngine } from '../../../lib/engine/engine';
import type { CancelIntent } from '../../../lib/engine/engine';
import type { JournalEntry, OrderView } from '../../../lib/model';
import { AutoLock } from '../../../lib/vault/auto-lock';
import { Vault } from '../../../lib/vault/vault';
import { venues } from '../../../lib/venues';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { PageTabs } from '../../../lib/background/page-tabs';

const order = (key: string, symbol: string, side: string): OrderView => ({ key, state: 'open', venueStatus: 'Active', symbol, side, cancelFields: { id: key } });
const entry = (orderId: string, status: JournalEntry['status'] = 'cancelled') => ({ orderId, status }) as JournalEntry;

/** An engine whose venue lists `open` now and whose cancels end as `ends` says. */
function fakeEngine(open: OrderView[] | { kind: 'unknown'; message: string }, ends: Record<string, JournalEntry['status']> = {}) {
  const cancel = vi.fn(async (intent: CancelIntent) => entry(intent.orderId, ends[intent.orderId]));
  const engine = { client: () => ({ openOrders: async () => (Array.isArray(open) ? { orders: open } : open) }), cancel } as unknown as CancelEngine;
  return { engine, cancel };
}

describe('a row menu\'s scoped cancel', () => {
  it('sends only the confirmed orders the venue still lists open in the scope, and counts what appeared and what it skipped', async () => {
    const { engine, cancel } = fakeEngine([
      order('1', 'AAPL.US', 'BUY'), order('2', 'AAPL.US', 'SELL'), order('4', 'AAPL.US', 'BUY'), order('5', 'AMZN.US', 'BUY'), order('6', 'AAPL.US', 'B'),
    ]);
    // Confirmed: 1, 3 (filled since) and 2 (sell: out of a buy scope); 4 and 6 appeared since.
    const reply = await scopedCancel(engine, 'tradernet', 'Tradernet', {}, { symbol: 'AAPL.US', side: 'buy' }, ['1', '3', '2', '1']);
    expect(cancel.mock.calls.map(([intent]) => intent.orderId)).toEqual(['1']);
    expect(cancel.mock.calls[0]![0].source).toBe('cancel-all');
    expect(reply).toEqual({ ok: true, entries: [entry('1')], appeared: 2, skipped: 2, summary: '1 cancel: 1 cancelled. 2 orders no longer open (or no longer AAPL.US): not sent. 2 new AAPL.US orders appeared after you confirmed and were left open.' });
  });

  it('without a side, every side of the symbol is in the scope', async () => {
    const { engine, cancel } = fakeEngine([order('1', 'AAPL.US', 'BUY'), order('2', 'aapl.us', 'SELL'), order('5', 'AMZN.US', 'BUY')]);
    const reply = await scopedCancel(engine, 'tradernet', 'Tradernet', {}, { symbol: 'AAPL.US' }, ['1', '2']);
    expect(cancel.mock.calls.map(([intent]) => intent.orderId)).toEqual(['1', '2']);
    expect(reply).toMatchObject({ ok: true, appeared: 0, skipped: 0, summary: '2 cancels: 2 cancelled.' });
  });

  it('sends nothing when the venue cannot be listed, and says why', async () => {
    const { engine, cancel } = fakeEngine({ kind: 'unknown', message: 'timed out' });
    const reply = await scopedCancel(engine, 'tradernet', 'Tradernet', {}, { symbol: 'AAPL.US' }, ['1']);
    expect(reply).toEqual({ ok: false, error: "Nothing was cancelled: could not list Tradernet's open orders to check them (timed out)" });
    expect(cancel).not.toHaveBeenCalled();
  });

  it('puts mixed outcomes in words', () => {
    expect(scopedSummary([entry('1'), entry('2', 'already-closed'), entry('3', 'pending'), entry('4', 'rejected')], 1, 0, 'TCS'))
      .toBe('4 cancels: 1 cancelled, 1 already closed, 1 still being checked, 1 failed. 1 new TCS order appeared after you confirmed and was left open.');
    expect(scopedSummary([], 0, 1, 'TCS')).toBe('Nothing was sent. 1 order no longer open (or no longer TCS): not sent.');
  });
});

const EXT = 'chrome-extension://abc/';
const pocketfulTab: Sender = { id: 'abc', url: 'https://trade.pocketful.in/orders', frameId: 0, tab: { id: 1 } };

async function router() {
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  await vault.set('pocketful', PACE_TEST_CREDENTIALS.pocketful);
  const send = vi.fn(async () => ({ status: 500, headers: {}, body: '' }));
  const engine = new CancelEngine({ venues, credentials: vault, send });
  const timers = new CancelTimers({ fire: async () => undefined, alarms: { create: () => undefined, clear: async () => true, getAll: async () => [] }, setTimeout: () => 0, clearTimeout: () => undefined });
  const handle = createRouter({
    engine, vault, venues, autoLock: new AutoLock(vault, async () => 30),
    extensionOrigin: EXT, extensionId: 'abc', wipeStorage: async () => undefined, notify: async () => undefined, timers, pageTabs: new PageTabs(),
  });
  return { handle, send, timers };
}

describe('a row menu\'s requests through the router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a content script sets a timer on its own venue\'s order with `after`', async () => {
    const { handle, send, timers } = await router();
    const before = Date.now();
    const reply = await handle({ type: 'cancel', venue: 'pocketful', orderId: '202611220001', after: 30 }, pocketfulTab);
    expect(reply).toMatchObject({ ok: true, timer: { venue: 'pocketful', orderId: '202611220001' } });
    const [timer] = await timers.list();
    expect(timer!.fireAtMs - before).toBeGreaterThanOrEqual(30_000);
    expect(timer!.fireAtMs - Date.now()).toBeLessThanOrEqual(30_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a scope with a malformed id before anything is sent, and a scope for another venue\'s page', async () => {
    const { handle, send } = await router();
    expect(await handle({ type: 'cancel', venue: 'pocketful', orderId: '202611220001', scope: { symbol: 'TCS' }, orderIds: ['202611220001', 'DROP TABLE'] }, pocketfulTab))
      .toEqual({ ok: false, error: '"DROP TABLE" does not look like a Pocketful order id (expected an OMS order number like 202403132605); nothing was cancelled' });
    expect(await handle({ type: 'cancel', venue: 'tradernet', orderId: '1', scope: { symbol: 'AAPL.US' }, orderIds: ['1'] }, pocketfulTab))
      .toEqual({ ok: false, error: 'Refused: this page is not Tradernet / Freedom24' });
    expect(await handle({ type: 'cancel', venue: 'pocketful', orderId: '202611220001', scope: { symbol: 'TCS' } }, pocketfulTab)).toMatchObject({ ok: false });
    expect(send).not.toHaveBeenCalled();
  });
});
