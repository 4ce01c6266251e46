// The background's expiry watch: alarms planned from the vault's tokens, kept while locked,
// warnings as badge and notification, an expired token's refused cancel said once, wipe clears all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EXPIRY_TICK_ALARM, ExpiryWatch } from '../../../lib/background/expiry';
import type { JournalEntry } from '../../../lib/model';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings-defaults';
import type { TokenExpiry } from '../../../lib/token-expiry';

const MIN = 60_000;
const t0 = new Date(2026, 11, 2, 14, 0, 0).getTime();
const names = { pacetrader: 'PaceTrader', pocketful: 'Pocketful', 'zebpay-futures': 'ZebPay Futures', tradernet: 'Tradernet', coinswitch: 'CoinSwitch PRO' };

let tokens: TokenExpiry[] | undefined;
let settings: Settings;
let now: number;
const watch = () => new ExpiryWatch({ tokens: async () => tokens, settings: async () => settings, names, now: () => now });
const alarms = async () => (await fakeBrowser.alarms.getAll()).map((a) => `${a.name}@${(a.scheduledTime - t0) / MIN}`).sort();
const entry = (status: JournalEntry['status'], venue: JournalEntry['venue'] = 'pacetrader'): JournalEntry =>
  ({ id: `e${Math.random()}`, venue, orderId: '1', source: 'page', status, startedAtMs: now, attempts: 1, updatedAtMs: now });

afterEach(() => vi.restoreAllMocks());
beforeEach(() => {
  fakeBrowser.reset();
  tokens = [{ venue: 'pacetrader', expiresAtMs: t0 + 90 * MIN }];
  settings = { ...DEFAULT_SETTINGS };
  now = t0;
});

describe('ExpiryWatch', () => {
  it('plans a warning lead-time before the expiry and one at it; re-planning drops a removed venue', async () => {
    const w = watch();
    await w.sync();
    expect(await alarms()).toEqual([`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}@60`, `qc-expiry:pacetrader:${t0 + 90 * MIN}@90`]);
    settings = { ...settings, expiryWarnMinutes: 10 };
    await w.sync();
    expect(await alarms()).toEqual([`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}@80`, `qc-expiry:pacetrader:${t0 + 90 * MIN}@90`]);
    tokens = [];
    await w.sync();
    expect(await alarms()).toEqual([]);
  });

  it('while locked, what is planned stays, and an alarm still warns with the badge and a notification', async () => {
    const w = watch();
    await w.sync();
    tokens = undefined;
    await w.sync();
    expect(await alarms()).toHaveLength(2);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    now = t0 + 60 * MIN;
    // A worker that restarted: nothing in memory, the alarm's name says it all.
    expect(await watch().onAlarm(`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}`)).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('30m');
    expect(await fakeBrowser.action.getTitle({})).toBe('QuickCancel — PaceTrader token: 30 min left (expires at 15:30).');
    expect(created).toHaveBeenCalledWith('qc-expiry:pacetrader', expect.objectContaining({ title: 'PaceTrader token expires at 15:30' }));
    expect((await fakeBrowser.alarms.getAll()).some((a) => a.name === EXPIRY_TICK_ALARM)).toBe(true);

    now = t0 + 90 * MIN;
    await watch().onAlarm(`qc-expiry:pacetrader:${t0 + 90 * MIN}`);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(created).toHaveBeenLastCalledWith('qc-expiry:pacetrader', expect.objectContaining({ title: 'PaceTrader token expired' }));
    expect((await fakeBrowser.alarms.getAll()).some((a) => a.name === EXPIRY_TICK_ALARM)).toBe(false);
    expect(await watch().onAlarm('auto-lock')).toBe(false);
  });

  it('the venue’s notifications setting applies to its warnings; the badge shows regardless', async () => {
    settings = { ...settings, notifications: true, venues: { pacetrader: { notifications: false } } };
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    now = t0 + 70 * MIN;
    await watch().onAlarm(`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}`);
    expect(created).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('20m');
  });

  it('the first cancel refused after expiry says the token expired (once); other outcomes are not its business', async () => {
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const w = watch();
    expect(await w.onOutcome(entry('auth-failed'))).toBe(false);
    now = t0 + 91 * MIN;
    expect(await w.onOutcome(entry('cancelled'))).toBe(false);
    expect(await w.onOutcome(entry('auth-failed', 'pocketful'))).toBe(false);
    expect(await w.onOutcome(entry('auth-failed'))).toBe(true);
    expect(created).toHaveBeenCalledTimes(1);
    expect((created.mock.calls[0] as unknown[])[1]).toMatchObject({ message: expect.stringContaining('Your PaceTrader token expired at 15:30 — paste a new one in Settings.') });
    expect(await w.onOutcome(entry('auth-failed'))).toBe(true);
    expect(created).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a click on the notification opens the options page on that venue’s card', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await watch().onNotificationClicked('qc-expiry:pacetrader')).toBe(true);
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#venue=pacetrader$/) });
    expect(await watch().onNotificationClicked('qc-expiry:nowhere')).toBe(false);
    expect(await watch().onNotificationClicked('qc-123')).toBe(false);
  });

  it('wipe clears the alarms and the badge', async () => {
    now = t0 + 80 * MIN;
    const w = watch();
    await w.sync();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('10m');
    await w.clear();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('ExpiryWatch re-planning', () => {
  it('a warning already given is not planned again when a setting changes', async () => {
    const w = watch();
    await w.sync();
    now = t0 + 65 * MIN;
    await w.onAlarm(`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}`);
    await fakeBrowser.alarms.clear(`qc-expiry-warn:pacetrader:${t0 + 90 * MIN}`);
    await w.sync();
    expect((await alarms()).filter((a) => !a.startsWith(EXPIRY_TICK_ALARM))).toEqual([`qc-expiry:pacetrader:${t0 + 90 * MIN}@90`]);
  });
});
