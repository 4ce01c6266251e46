// "Teach this page" from the background's side: checks that the tab is a venue page, loads the
// teaching script there (entrypoints/teach.ts, only for the session), and when the user saves,
// checks the rule the script returns and adds it to the page rules. The script's result is its
// completion value (scripting.executeScript awaits the promise it returns), so the content world
// needs no message type of its own.
import { browser } from 'wxt/browser';
import type { VenueId } from '@/lib/model';
import type { TeachStartReply } from '../messages';
import { cleanRule, mergeRules } from '../page-rules/schema';
import { PAGE_RULES_KEY, savePageRules, storedRules } from '../rules-store';
import type { PageTabs } from './page-tabs';

export const TEACH_SCRIPT = '/teach.js';

export interface TeachDeps {
  tabs: PageTabs;
  venueOf(url: string | undefined): VenueId | undefined;
}

/** What the script's completion value must be; anything else is refused. */
function resultOf(value: unknown): { rule: unknown } | { reason: string } {
  const v = value as { saved?: unknown; stopped?: unknown; reason?: unknown } | null | undefined;
  if (v && typeof v === 'object' && 'saved' in v) return { rule: v.saved };
  if (v && typeof v === 'object' && v.stopped === true && typeof v.reason === 'string') return { reason: v.reason.slice(0, 200) };
  return { reason: 'The teaching script ended without an answer (the page was closed or reloaded)' };
}

/** Adds the rule to the stored ones unless an identical one is there. */
async function addRule(rule: Parameters<typeof mergeRules>[1][number]): Promise<void> {
  const stored = storedRules((await browser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY]);
  await savePageRules(mergeRules(stored, [rule]).rules);
}

async function finish(deps: TeachDeps, tabId: number, venue: VenueId, value: unknown): Promise<void> {
  const result = resultOf(value);
  if ('reason' in result) return deps.tabs.recordTeach(tabId, { state: 'stopped', reason: result.reason });
  const checked = cleanRule(result.rule);
  if (!checked.ok) return deps.tabs.recordTeach(tabId, { state: 'stopped', reason: `The rule was not saved: ${checked.error}` });
  if (checked.rule.venue !== venue) return deps.tabs.recordTeach(tabId, { state: 'stopped', reason: 'The rule was not saved: it names another venue than the page' });
  await addRule(checked.rule);
  await deps.tabs.recordTeach(tabId, { state: 'saved', rule: checked.rule });
}

export async function startTeaching(deps: TeachDeps, tabId: number): Promise<TeachStartReply> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, error: 'That tab is gone' };
  }
  const venue = deps.venueOf(url);
  if (!venue) return { ok: false, error: 'Teaching works on a broker page QuickCancel knows: open your broker’s order book first' };
  const target = { tabId, frameIds: [0] };
  try {
    // A first, tiny injection says at once whether the page can be reached at all.
    await browser.scripting.executeScript({ target, func: () => true });
  } catch (error) {
    return { ok: false, error: `QuickCancel cannot reach that page (${error instanceof Error ? error.message : String(error)})` };
  }
  await deps.tabs.recordTeach(tabId, { state: 'teaching' });
  // The session lasts as long as the user takes: its end is recorded for the popup, not awaited here.
  browser.scripting.executeScript({ target, files: [TEACH_SCRIPT] }).then(
    (results) => finish(deps, tabId, venue, results[0]?.result),
    (error: unknown) => deps.tabs.recordTeach(tabId, { state: 'stopped', reason: `Teaching stopped: ${error instanceof Error ? error.message : String(error)}` }),
  ).catch(() => undefined);
  return { ok: true, venue };
}
