// The cancel history. One storage key per entry, so writing "sending" before a request leaves
// costs one small write whatever the history's size. Never holds secrets: entries are built only
// from ids, page hints, outcomes and timings.
import { storage } from 'wxt/utils/storage';
import { JOURNAL_META_KEY, JOURNAL_OPEN_KEY, JOURNAL_PREFIX, JOURNAL_RECENT_KEY, JOURNAL_VERSION } from '@/lib/journal-store';
import type { JournalEntry, JournalStatus } from '@/lib/model';

export { JOURNAL_PREFIX };
export const JOURNAL_LIMIT = 1000;
const RECENT = 50;
const PRUNE_DELAY_MS = 3000;

/** Not known to be over: checked again later (after a restart, or by the verification alarm). */
export const needsVerification = (e: JournalEntry) =>
  e.status === 'sending' || e.status === 'verifying' || e.status === 'unknown' || e.status === 'pending';

interface Indexes {
  /** The newest entries' ids, oldest first. */
  recent: string[];
  /** Entries whose outcome is not known yet (sending, verifying, unknown, pending). */
  open: string[];
}

const keyOf = (id: string) => `local:${JOURNAL_PREFIX}${id}` as const;

/**
 * Two small indexes travel with the entries in the same writes, so that neither a click (which
 * writes one entry) nor a worker start (which checks unfinished cancels) reads the whole history.
 */
export class Journal {
  constructor(private readonly pruneDelayMs = PRUNE_DELAY_MS) {}

  private indexes: Promise<Indexes> | undefined;
  /** The last write of each entry still being written. */
  private readonly writes = new Map<string, Promise<void>>();
  /** Entries in storage, once counted (pruning counts them off the click path). */
  private count: number | undefined;

  private loadIndexes(): Promise<Indexes> {
    this.indexes ??= storage
      .getItems([`local:${JOURNAL_RECENT_KEY}`, `local:${JOURNAL_OPEN_KEY}`, `local:${JOURNAL_META_KEY}`])
      .then(([recent, open, meta]) =>
        recent?.value == null && (meta?.value as { v?: number } | null)?.v !== JOURNAL_VERSION
          ? this.migrate()
          : { recent: ids(recent?.value), open: ids(open?.value) });
    return this.indexes;
  }

  /**
   * Version 1 kept entries without indexes: they are built once from the entries. A history with
   * no entries yet needs nothing written.
   */
  private async migrate(): Promise<Indexes> {
    const entries = (await this.list()).reverse();
    const index = { recent: entries.slice(-RECENT).map((e) => e.id), open: entries.filter(needsVerification).map((e) => e.id) };
    if (entries.length) {
      await storage.setItems([
        { key: `local:${JOURNAL_RECENT_KEY}`, value: index.recent },
        { key: `local:${JOURNAL_OPEN_KEY}`, value: index.open },
        { key: `local:${JOURNAL_META_KEY}`, value: { v: JOURNAL_VERSION } },
      ]);
    }
    return index;
  }

  /**
   * Hands the "sending" entry to storage and returns without waiting for the write to finish: the
   * caller's request is handed to the network after it, so the entry is in the browser's hands
   * before the request leaves, even if the worker dies a moment later, and the click does not wait
   * a storage round trip (1–2 ms on these machines) to be sent. `saved(entry)` is the write's own
   * promise.
   */
  async begin(entry: Omit<JournalEntry, 'id' | 'updatedAtMs' | 'attempts' | 'status'> & { status?: JournalStatus }): Promise<JournalEntry> {
    const index = await this.loadIndexes();
    const full: JournalEntry = { status: 'sending', attempts: 0, ...entry, id: crypto.randomUUID(), updatedAtMs: Date.now() };
    index.recent = [...index.recent, full.id].slice(-RECENT);
    if (needsVerification(full)) index.open = [...index.open, full.id];
    // One storage write: the entry and both indexes. Not awaited: the cancel must not wait for it;
    // saved(entry) is how a caller waits, and track() already observes a failure.
    void this.track(full, storage.setItems([
      { key: keyOf(full.id), value: { ...full } },
      { key: `local:${JOURNAL_RECENT_KEY}`, value: index.recent },
      { key: `local:${JOURNAL_OPEN_KEY}`, value: index.open },
    ]));
    if (this.count !== undefined) this.count++;
    // Counting the history reads all of it: later, away from the cancel this write belongs to.
    setTimeout(() => void this.prune(), this.pruneDelayMs);
    return full;
  }

  /** Resolves once every write of this entry issued so far has finished; rejects if the last failed. */
  saved(entry: JournalEntry): Promise<void> {
    return this.writes.get(entry.id) ?? Promise.resolve();
  }

  /** Each write of an entry starts after the one before it: "sending" never overwrites an outcome. */
  async update(entry: JournalEntry, patch: Partial<JournalEntry>): Promise<JournalEntry> {
    Object.assign(entry, patch, { updatedAtMs: Date.now() });
    await this.saved(entry).catch(() => undefined);
    const index = await this.loadIndexes();
    const wasOpen = index.open.includes(entry.id);
    if (wasOpen === needsVerification(entry)) {
      await this.track(entry, storage.setItem(keyOf(entry.id), { ...entry }));
      return entry;
    }
    index.open = wasOpen ? index.open.filter((id) => id !== entry.id) : [...index.open, entry.id];
    await this.track(entry, storage.setItems([{ key: keyOf(entry.id), value: { ...entry } }, { key: `local:${JOURNAL_OPEN_KEY}`, value: index.open }]));
    return entry;
  }

  private track(entry: JournalEntry, write: Promise<void>): Promise<void> {
    this.writes.set(entry.id, write);
    const forget = () => {
      if (this.writes.get(entry.id) === write) this.writes.delete(entry.id);
    };
    write.then(forget, forget);
    return write;
  }

  async get(id: string): Promise<JournalEntry | null> {
    return storage.getItem<JournalEntry>(keyOf(id));
  }

  /** The newest entries (up to 50), newest first. */
  async recent(): Promise<JournalEntry[]> {
    return this.read((await this.loadIndexes()).recent);
  }

  /** Entries whose outcome is still to be found out. */
  async unresolved(): Promise<JournalEntry[]> {
    return (await this.read((await this.loadIndexes()).open)).filter(needsVerification);
  }

  /** The whole history, newest first. */
  async list(): Promise<JournalEntry[]> {
    const all = await storage.snapshot('local');
    return Object.entries(all)
      .filter(([key]) => key.startsWith(JOURNAL_PREFIX))
      .map(([, value]) => value as JournalEntry)
      .sort((a, b) => b.startedAtMs - a.startedAtMs);
  }

  async clear(): Promise<void> {
    const entries = await this.list();
    await storage.removeItems([...entries.map((e) => keyOf(e.id)), `local:${JOURNAL_RECENT_KEY}`, `local:${JOURNAL_OPEN_KEY}`]);
    this.indexes = undefined;
    this.count = 0;
  }

  private async read(wanted: string[]): Promise<JournalEntry[]> {
    const items = await storage.getItems(wanted.map(keyOf));
    return items
      .map((item) => item.value as JournalEntry | null)
      .filter((e): e is JournalEntry => !!e)
      .sort((a, b) => b.startedAtMs - a.startedAtMs);
  }

  /** Keeps the last JOURNAL_LIMIT entries; runs after the write it follows, never before one. */
  private async prune(): Promise<void> {
    if (this.count !== undefined && this.count <= JOURNAL_LIMIT) return;
    const all = await this.list();
    this.count = all.length;
    if (all.length <= JOURNAL_LIMIT) return;
    const drop = all.slice(JOURNAL_LIMIT).map((e) => e.id);
    const index = await this.loadIndexes();
    index.open = index.open.filter((id) => !drop.includes(id));
    await storage.removeItems(drop.map(keyOf));
    await storage.setItem(`local:${JOURNAL_OPEN_KEY}`, index.open);
    this.count = JOURNAL_LIMIT;
  }
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
