// The journal as live state: read once, then follow storage changes entry by entry (one key per
// entry, so a change costs work for that entry only, not a re-read of the history).
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { JournalEntry } from '@/lib/model';
import { JOURNAL_PREFIX, JOURNAL_RECENT_KEY } from '@/lib/engine/journal';

/** Newest first; undefined until the first read. */
export function useJournal(): JournalEntry[] | undefined {
  const [entries, setEntries] = useState<Map<string, JournalEntry>>();
  // A layout effect, so the reads start with the first render instead of after the first paint.
  useLayoutEffect(() => {
    let alive = true;
    const merge = (all: Record<string, unknown>) => {
      if (!alive) return;
      setEntries((prev) => {
        const map = new Map(prev);
        for (const [key, value] of Object.entries(all)) if (key.startsWith(JOURNAL_PREFIX) && value) map.set(key, value as JournalEntry);
        return map;
      });
    };
    // The newest entries first (what the popup shows), then the whole history: reading 1,000
    // entries takes tens of milliseconds, and the first screen should not wait for them.
    void (async () => {
      const recent = (await browser.storage.local.get(JOURNAL_RECENT_KEY))[JOURNAL_RECENT_KEY];
      const ids = Array.isArray(recent) ? recent.map((id) => `${JOURNAL_PREFIX}${String(id)}`) : [];
      merge(ids.length ? await browser.storage.local.get(ids) : {});
      merge(await browser.storage.local.get(null));
    })();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const touched = Object.keys(changes).filter((k) => k.startsWith(JOURNAL_PREFIX));
      if (!touched.length) return;
      setEntries((prev) => {
        const next = new Map(prev);
        for (const key of touched) {
          const value = changes[key]!.newValue as JournalEntry | undefined;
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return useMemo(() => entries && [...entries.values()].sort((a, b) => b.startedAtMs - a.startedAtMs), [entries]);
}
