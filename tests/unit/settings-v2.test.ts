// Settings v2: per-venue overrides and the expiry warning's lead time, read from every older
// format without losing a value, and resolved per venue the same way everywhere.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { migrateV1toV2, readSettings, settingsItem, settingsSchema } from '../../lib/settings';
import { behaviourFor, DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION, type Settings } from '../../lib/settings-defaults';

beforeEach(() => fakeBrowser.reset());

const v1 = { confirmSingle: true, confirmCancelAll: false, notifications: false, sound: true, autoLockMinutes: 240, disabledVenues: ['tradernet'], lastQuickCancelVenue: 'zebpay-futures' };

describe('settings v1 → v2', () => {
  it('a v1 value stored with its version migrates keeping every old value, and records v2', async () => {
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    // WXT migrates when the item is defined (the worker's start) and on migrate().
    await settingsItem.migrate();
    expect(await readSettings()).toEqual({ ...v1, hoverHotkey: false, venues: {}, expiryWarnMinutes: 30 });
    expect(SETTINGS_VERSION).toBe(2);
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
    const raw = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    expect(raw).toEqual({ ...v1, venues: {}, expiryWarnMinutes: 30 });
  });

  it('the migration step keeps unknown and malformed fields for the parser to judge, and never throws', () => {
    expect(migrateV1toV2({ ...v1, extra: 1 })).toEqual({ ...v1, extra: 1, venues: {}, expiryWarnMinutes: 30 });
    for (const junk of [undefined, null, 'x', 3, []]) expect(migrateV1toV2(junk)).toEqual({ venues: {}, expiryWarnMinutes: 30 });
  });

  it('the parser reads a v1 value (no overrides: every venue global) and a v2 value alike', () => {
    expect(parseSettings(v1)).toEqual({ ...v1, hoverHotkey: false, venues: {}, expiryWarnMinutes: 30 });
    const v2 = { ...v1, hoverHotkey: true, expiryWarnMinutes: 10, venues: { pacetrader: { confirmSingle: false, sound: false }, coinswitch: { notifications: true } } };
    expect(parseSettings(v2)).toEqual(v2);
  });

  it('bad override fields are dropped one by one; the rest stays', () => {
    const parsed = parseSettings({
      expiryWarnMinutes: -5,
      venues: { pacetrader: { confirmSingle: 'yes', sound: true, hover: true }, 'Not A Venue': { sound: true }, pocketful: null, zebpay: [] },
    });
    expect(parsed.expiryWarnMinutes).toBe(DEFAULT_SETTINGS.expiryWarnMinutes);
    expect(parsed.venues).toEqual({ pacetrader: { sound: true } });
    expect(parseSettings({ venues: ['pacetrader'] }).venues).toEqual({});
    expect(parseSettings({ expiryWarnMinutes: 24 * 60 + 1 }).expiryWarnMinutes).toBe(30);
    expect(parseSettings({ expiryWarnMinutes: 0 }).expiryWarnMinutes).toBe(0);
  });

  it('the settings.set schema takes overrides for known venues only, with known keys only', () => {
    expect(settingsSchema.partial().safeParse({ venues: { pacetrader: { sound: true } } }).success).toBe(true);
    expect(settingsSchema.partial().safeParse({ venues: { nowhere: { sound: true } } }).success).toBe(false);
    expect(settingsSchema.partial().safeParse({ venues: { pacetrader: { hover: true } } }).success).toBe(false);
    expect(settingsSchema.partial().safeParse({ expiryWarnMinutes: 1.5 }).success).toBe(false);
  });
});

describe('per-venue resolution', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, confirmSingle: false, sound: true, notifications: true, venues: { pacetrader: { confirmSingle: true, sound: false } } };

  it('an override wins over the global value, in both directions', () => {
    expect(behaviourFor(settings, 'pacetrader', 'confirmSingle')).toBe(true);
    expect(behaviourFor(settings, 'pacetrader', 'sound')).toBe(false);
  });

  it('a key the venue does not set, and a venue with no overrides, use the global value', () => {
    expect(behaviourFor(settings, 'pacetrader', 'notifications')).toBe(true);
    expect(behaviourFor(settings, 'pocketful', 'confirmSingle')).toBe(false);
    expect(behaviourFor({ ...settings, confirmSingle: true }, 'pocketful', 'confirmSingle')).toBe(true);
  });
});

describe('the hover hotkey setting', () => {
  it('is off by default, also for a stored value from before it existed (v1 or v2)', () => {
    expect(DEFAULT_SETTINGS.hoverHotkey).toBe(false);
    expect(parseSettings({ confirmSingle: true }).hoverHotkey).toBe(false);
    expect(parseSettings({ hoverHotkey: 'yes' }).hoverHotkey).toBe(false);
    expect(parseSettings({ hoverHotkey: true }).hoverHotkey).toBe(true);
  });

  it('is armed globally or per venue, either way round', () => {
    const parsed = parseSettings({ hoverHotkey: false, venues: { pacetrader: { hoverHotkey: true }, pocketful: { hoverHotkey: 'on' } } });
    expect(behaviourFor(parsed, 'pacetrader', 'hoverHotkey')).toBe(true);
    expect(behaviourFor(parsed, 'pocketful', 'hoverHotkey')).toBe(false);
    expect(behaviourFor({ ...parsed, hoverHotkey: true, venues: { coinswitch: { hoverHotkey: false } } }, 'coinswitch', 'hoverHotkey')).toBe(false);
    expect(settingsSchema.partial().safeParse({ hoverHotkey: true, venues: { pacetrader: { hoverHotkey: false } } }).success).toBe(true);
  });
});
