// The journal as live state: read once, then follow storage changes entry by entry (one key per
// entry, so a change costs work for that entry only, not a re-read of the history).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JOURNAL_PREFIX, type JournalEntry } from '@/lib/engine/journal';

/** Newest first; undefined until the first read. */
export function useJournal(): JournalEntry[] | undefined {
  const [entries, setEntries] = useState<Map<string, JournalEntry>>();
  useEffect(() => {
    let alive = true;
    void browser.storage.local.get(null).then((all) => {
      if (!alive) return;
      const map = new Map<string, JournalEntry>();
      for (const [key, value] of Object.entries(all)) if (key.startsWith(JOURNAL_PREFIX)) map.set(key, value as JournalEntry);
      setEntries(map);
    });
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
