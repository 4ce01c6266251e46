// What a page gets back is worded here, not in the page: each journal entry in a reply to a
// content script carries its outcome in words (outcome-text.ts), so the content script, parsed on
// every broker page load, needs none of the wording code.
import type { JournalEntry } from '@/lib/model';
import { outcomeText } from '../outcome-text';

const worded = (entry: JournalEntry): JournalEntry => ({ ...entry, text: outcomeText(entry) });

/** The reply with every entry it holds (`entry`, or `entries` as a list or by order id) worded; copies, never the journal's own objects. */
export function wordedForPage<R>(reply: R): R {
  const r = reply as { ok?: boolean; entry?: JournalEntry; entries?: JournalEntry[] | Record<string, JournalEntry> };
  if (!r || r.ok !== true) return reply;
  const out: typeof r = { ...r };
  if (r.entry) out.entry = worded(r.entry);
  if (Array.isArray(r.entries)) out.entries = r.entries.map(worded);
  else if (r.entries && typeof r.entries === 'object') out.entries = Object.fromEntries(Object.entries(r.entries).map(([id, e]) => [id, worded(e)]));
  return out as R;
}
