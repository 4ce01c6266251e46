// Each storage key has one owner that knows its version and reads every older format. Data
// written raw, in the shape an older build left it, must read correctly through the owner.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal } from '../../lib/engine/journal';
import { JOURNAL_META_KEY, JOURNAL_OPEN_KEY, JOURNAL_RECENT_KEY, JOURNAL_VERSION, readAllEntries, readRecentEntries } from '../../lib/journal-store';
import type { JournalEntry } from '../../lib/model';
import { PAGE_RULES_KEY, PAGE_RULES_VERSION, savePageRules, watchPageRules } from '../../lib/rules-store';
import { readSettings, settingsItem } from '../../lib/settings';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, watchSettings } from '../../lib/settings-defaults';
import { Vault } from '../../lib/vault/vault';
import { deriveKey, newSalt, seal } from '../../lib/vault/vault-crypto';

beforeEach(() => fakeBrowser.reset());

const entry = (id: string, startedAtMs: number, status: JournalEntry['status']): JournalEntry =>
  ({ id, venue: 'pocketful', orderId: `o-${id}`, source: 'page', status, startedAtMs, attempts: 1, updatedAtMs: startedAtMs });

describe('journal', () => {
  it('version 1 (entries without indexes) is indexed once, and reads as before', async () => {
    const old = [entry('a', 1, 'cancelled'), entry('b', 3, 'unknown'), entry('c', 2, 'sending')];
    await fakeBrowser.storage.local.set(Object.fromEntries(old.map((e) => [`journal:${e.id}`, e])));
    const journal = new Journal();
    expect((await journal.recent()).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect((await journal.unresolved()).map((e) => e.id)).toEqual(['b', 'c']);
    const stored = await fakeBrowser.storage.local.get([JOURNAL_RECENT_KEY, JOURNAL_OPEN_KEY, JOURNAL_META_KEY]);
    expect(stored).toEqual({ [JOURNAL_RECENT_KEY]: ['a', 'c', 'b'], [JOURNAL_OPEN_KEY]: ['c', 'b'], [JOURNAL_META_KEY]: { v: JOURNAL_VERSION } });
    // The pages read the migrated history through the owner's helpers.
    expect(Object.keys(await readRecentEntries()).sort()).toEqual(['journal:a', 'journal:b', 'journal:c']);
  });

  it('a new entry after the migration joins the indexes', async () => {
    await fakeBrowser.storage.local.set({ 'journal:a': entry('a', 1, 'cancelled') });
    const journal = new Journal(60_000);
    const added = await journal.begin({ venue: 'pocketful', orderId: 'new', source: 'popup', startedAtMs: 5 });
    await journal.saved(added);
    expect((await journal.recent()).map((e) => e.orderId)).toEqual(['new', 'o-a']);
    expect(Object.keys(await readAllEntries())).toHaveLength(2);
  });

  it('an empty history writes nothing to migrate', async () => {
    expect(await new Journal().recent()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('settings', () => {
  it('settings an older build stored (fields missing, one malformed) read with defaults for what they lack', async () => {
    await fakeBrowser.storage.local.set({ settings: { confirmSingle: true, autoLockMinutes: 'soon', disabledVenues: ['tradernet', 'gone-venue'] } });
    const expected = { ...DEFAULT_SETTINGS, confirmSingle: true, disabledVenues: ['tradernet'] };
    expect(await readSettings()).toEqual(expected);
    // Pages check ids by shape only (a content script carries no registry): the unknown one is inert there.
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith({ ...expected, disabledVenues: ['tradernet', 'gone-venue'] }));
    stop();
  });

  it('the background writes its version next to the value', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, sound: true });
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, sound: true });
  });
});

describe('page rules', () => {
  it('rules stored raw before versions existed read through the owner; a save records the version', async () => {
    const rule = { venue: 'pocketful', row: 'tr.order', idSelector: 'td.id' } as const;
    await fakeBrowser.storage.local.set({ [PAGE_RULES_KEY]: [rule] });
    const seen = vi.fn();
    const stop = watchPageRules(seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith([rule]));
    await savePageRules([]);
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith([]));
    expect(await fakeBrowser.storage.local.get(`${PAGE_RULES_KEY}$`)).toEqual({ [`${PAGE_RULES_KEY}$`]: { v: PAGE_RULES_VERSION } });
    stop();
  });

  it('anything but a list reads as no rules', async () => {
    await fakeBrowser.storage.local.set({ [PAGE_RULES_KEY]: 'junk' });
    const seen = vi.fn();
    const stop = watchPageRules(seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith([]));
    stop();
  });
});

describe('vault', () => {
  it('a box stored before the item had a version unlocks and reads as before', async () => {
    const salt = newSalt();
    const key = await deriveKey('correct horse battery staple', salt);
    await fakeBrowser.storage.local.set({ vault: await seal(key, salt, { pocketful: { accessToken: 'tok' } }) });
    const vault = new Vault();
    expect(await vault.unlock('correct horse battery staple')).toEqual({ ok: true });
    expect(await vault.get('pocketful')).toEqual({ state: 'ok', credentials: { accessToken: 'tok' } });
  });
});
