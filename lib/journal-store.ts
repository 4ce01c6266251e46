// The journal's storage layout, and the reading helpers pages use: the popup and the options page
// follow the history through these, never through raw keys. Only the background writes it
// (lib/engine/journal.ts). Kept free of WXT's storage module, which the pages' bundles do without.
import { browser } from 'wxt/browser';
import type { JournalEntry } from './model';

/** One storage key per entry: `journal:<id>`. */
export const JOURNAL_PREFIX = 'journal:';
/** The newest entries' ids, oldest first: the popup draws these before it reads the whole history. */
export const JOURNAL_RECENT_KEY = 'journalRecent';
/** Entries whose outcome is not known yet. */
export const JOURNAL_OPEN_KEY = 'journalOpen';
/** Where the stored format's version is kept (WXT's `<key>$` convention). */
export const JOURNAL_META_KEY = 'journal$';
/** 1: entries only. 2: entries plus the recent and open indexes (migrated in Journal). */
export const JOURNAL_VERSION = 2;

export type StoredEntries = Record<string, JournalEntry>;

const entriesIn = (all: Record<string, unknown>): StoredEntries =>
  Object.fromEntries(Object.entries(all).filter(([key, value]) => key.startsWith(JOURNAL_PREFIX) && !!value && typeof value === 'object')) as StoredEntries;

/** The newest entries (what the popup shows first), by storage key. */
export async function readRecentEntries(): Promise<StoredEntries> {
  const recent = (await browser.storage.local.get(JOURNAL_RECENT_KEY))[JOURNAL_RECENT_KEY];
  const keys = Array.isArray(recent) ? recent.map((id) => `${JOURNAL_PREFIX}${String(id)}`) : [];
  return keys.length ? entriesIn(await browser.storage.local.get(keys)) : {};
}

/** The whole history, by storage key. */
export async function readAllEntries(): Promise<StoredEntries> {
  return entriesIn(await browser.storage.local.get(null));
}

/** Tells each change of entries: the new entry, or undefined when it was removed. Returns the unsubscribe. */
export function watchEntries(onChange: (changed: Array<[key: string, entry: JournalEntry | undefined]>) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const touched = Object.keys(changes).filter((k) => k.startsWith(JOURNAL_PREFIX));
    if (touched.length) onChange(touched.map((key) => [key, (changes[key]!.newValue ?? undefined) as JournalEntry | undefined]));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
