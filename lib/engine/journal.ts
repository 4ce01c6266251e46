// The cancel history. One storage key per entry, so writing "sending" before a request leaves
// costs one small write whatever the history's size. Never holds secrets: entries are built only
// from ids, page hints, outcomes and timings.
import { storage } from 'wxt/utils/storage';
import type { CancelOutcome, OutcomeKind, VenueId } from '../venues/types';

export const JOURNAL_PREFIX = 'journal:';
export const JOURNAL_LIMIT = 1000;

/** sending → (verifying →) an outcome kind; not-sent when nothing could be sent (e.g. locked vault). */
export type EntryStatus = 'sending' | 'verifying' | OutcomeKind | 'not-sent';

export interface JournalEntry {
  id: string;
  venue: VenueId;
  orderId: string;
  source: 'page' | 'popup' | 'cancel-all' | 'retry';
  status: EntryStatus;
  message?: string;
  outcome?: CancelOutcome;
  /** What the page or the venue showed of the order. */
  symbol?: string;
  side?: string;
  quantity?: string;
  price?: string;
  /** Page hints, kept so a not-sent cancel can be retried exactly as asked. */
  hints?: Record<string, string>;
  startedAtMs: number;
  /** Click (or press) → final outcome. */
  latencyMs?: number;
  /** Cancel requests actually sent. */
  attempts: number;
  updatedAtMs: number;
}

export const isFinal = (status: EntryStatus) => status !== 'sending' && status !== 'verifying';
export const needsVerification = (e: JournalEntry) => e.status === 'sending' || e.status === 'verifying' || e.status === 'unknown';

export class Journal {
  private order: string[] = [];
  private loaded: Promise<void> | undefined;

  private load(): Promise<void> {
    this.loaded ??= storage.snapshot('local').then((all) => {
      const entries = Object.entries(all)
        .filter(([key]) => key.startsWith(JOURNAL_PREFIX))
        .map(([, value]) => value as JournalEntry)
        .sort((a, b) => a.startedAtMs - b.startedAtMs);
      this.order = entries.map((e) => e.id);
    });
    return this.loaded;
  }

  async begin(entry: Omit<JournalEntry, 'id' | 'updatedAtMs' | 'attempts' | 'status'> & { status?: EntryStatus }): Promise<JournalEntry> {
    await this.load();
    const full: JournalEntry = { status: 'sending', attempts: 0, ...entry, id: crypto.randomUUID(), updatedAtMs: Date.now() };
    await storage.setItem(`local:${JOURNAL_PREFIX}${full.id}`, full);
    this.order.push(full.id);
    if (this.order.length > JOURNAL_LIMIT) {
      const drop = this.order.splice(0, this.order.length - JOURNAL_LIMIT);
      void storage.removeItems(drop.map((id) => `local:${JOURNAL_PREFIX}${id}` as const));
    }
    return full;
  }

  async update(entry: JournalEntry, patch: Partial<JournalEntry>): Promise<JournalEntry> {
    Object.assign(entry, patch, { updatedAtMs: Date.now() });
    await storage.setItem(`local:${JOURNAL_PREFIX}${entry.id}`, entry);
    return entry;
  }

  async get(id: string): Promise<JournalEntry | null> {
    return storage.getItem<JournalEntry>(`local:${JOURNAL_PREFIX}${id}`);
  }

  /** Newest first. */
  async list(): Promise<JournalEntry[]> {
    const all = await storage.snapshot('local');
    return Object.entries(all)
      .filter(([key]) => key.startsWith(JOURNAL_PREFIX))
      .map(([, value]) => value as JournalEntry)
      .sort((a, b) => b.startedAtMs - a.startedAtMs);
  }

  async clear(): Promise<void> {
    const entries = await this.list();
    await storage.removeItems(entries.map((e) => `local:${JOURNAL_PREFIX}${e.id}` as const));
    this.order = [];
  }
}
