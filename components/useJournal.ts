// The journal as live state: read once, then follow storage changes entry by entry (one key per
// entry, so a change costs work for that entry only, not a re-read of the history).
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { readAllEntries, readRecentEntries, watchEntries, type StoredEntries } from '@/lib/journal-store';
import type { JournalEntry } from '@/lib/model';

/** After the next frame has been drawn; at once in a hidden page, which draws no frame. */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

/** Newest first; undefined until the first read. */
export function useJournal(): JournalEntry[] | undefined {
  const [entries, setEntries] = useState<Map<string, JournalEntry>>();
  // A layout effect, so the reads start with the first render instead of after the first paint.
  useLayoutEffect(() => {
    let alive = true;
    const merge = (all: StoredEntries) => {
      if (!alive) return;
      setEntries((prev) => {
        const map = new Map(prev);
        for (const [key, value] of Object.entries(all)) map.set(key, value);
        return map;
      });
    };
    // The newest entries first (what the popup shows), then the whole history: reading 1,000
    // entries takes tens of milliseconds, and the first screen should not wait for them. The rest
    // is read only once that first screenful has been painted: on a busy host, a read (and sort)
    // of the whole history that lands before the first frame would hold that frame back.
    void (async () => {
      merge(await readRecentEntries());
      await afterFirstPaint();
      merge(await readAllEntries());
    })();
    const stop = watchEntries((changed) =>
      setEntries((prev) => {
        const next = new Map(prev);
        for (const [key, value] of changed) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      }),
    );
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return useMemo(() => entries && [...entries.values()].sort((a, b) => b.startedAtMs - a.startedAtMs), [entries]);
}
