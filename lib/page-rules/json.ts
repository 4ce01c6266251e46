// Page rules shared as JSON (Settings → Page rules → Export / Import): a file a trader can hand to
// another trader on the same broker. Import checks every rule, says which one is wrong and why, and
// adds only new ones; nothing already stored is replaced or lost.
import type { PageRule } from '../page/types';
import { cleanRule, mergeRules } from './schema';

/** What an exported file says it is, so a file of something else is told apart. */
export const RULES_FILE_KIND = 'quickcancel-page-rules';
export const RULES_FILE_VERSION = 1;

export function exportRules(rules: readonly PageRule[]): string {
  return `${JSON.stringify({ kind: RULES_FILE_KIND, version: RULES_FILE_VERSION, rules }, null, 2)}\n`;
}

export type ImportResult = { ok: true; rules: PageRule[]; added: number; duplicates: number } | { ok: false; error: string };

/** A pasted or loaded text: an exported file, or a bare array of rules. Never throws. */
export function importRules(text: string, existing: readonly PageRule[]): ImportResult {
  if (!text.trim()) return { ok: false, error: 'Nothing to import: the text is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `That is not JSON (${e instanceof Error ? e.message : String(e)}). Nothing was imported.` };
  }
  const list = Array.isArray(value) ? value : (value as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) return { ok: false, error: 'That JSON holds no page rules (expected a QuickCancel rules file or a list of rules). Nothing was imported.' };
  if (list.length > 500) return { ok: false, error: `That file has ${list.length} rules; at most 500 can be imported at once. Nothing was imported.` };
  const incoming: PageRule[] = [];
  for (const [i, raw] of list.entries()) {
    const checked = cleanRule(raw);
    if (!checked.ok) return { ok: false, error: `Rule ${i + 1} is not usable (${checked.error}). Nothing was imported.` };
    incoming.push(checked.rule);
  }
  const merged = mergeRules(existing, incoming);
  return { ok: true, rules: merged.rules, added: merged.added, duplicates: incoming.length - merged.added };
}
