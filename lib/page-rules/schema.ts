// A page rule as it may come from outside the options form: a taught rule (the teaching script's
// answer), an imported JSON file. Both are checked here before anything is stored; the content
// scripts still read storage with parseRules, which keeps only what they can use.
import { z } from 'zod';
import { VENUE_IDS } from '../venues/registry';
import type { PageRule } from '../page/types';

/** Checked where a DOM is at hand (options page, Firefox's event page); a service worker has none, and content scripts drop a bad selector anyway. */
function isSelector(selector: string): boolean {
  if (typeof document === 'undefined') return true;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

const selector = z.string().trim().min(1).max(500).refine(isSelector, 'not a valid CSS selector');
const header = z.string().trim().min(1).max(200);

export const pageRuleSchema = z
  .object({
    venue: z.enum(VENUE_IDS),
    row: selector,
    idSelector: selector.optional(),
    idHeader: header.optional(),
    statusSelector: selector.optional(),
    statusHeader: header.optional(),
    fields: z
      .object({ symbol: selector, side: selector.optional(), price: selector.optional(), quantity: selector.optional(), time: selector.optional() })
      .refine((f) => [f.side, f.price, f.quantity].filter((s) => s !== undefined).length >= 2, 'fields need the symbol and two of side, price, quantity')
      .optional(),
  })
  .refine(
    (r) => r.idSelector !== undefined || r.idHeader !== undefined || r.fields !== undefined,
    'a rule needs the order id (idSelector or idHeader) or the fields that identify an order',
  );

/** One rule's identity: two rules that read the same rows the same way are one. */
export const ruleKey = (r: PageRule) =>
  JSON.stringify([r.venue, r.row, r.idSelector ?? '', r.idHeader ?? '', r.statusSelector ?? '', r.statusHeader ?? '', r.fields ? Object.entries(r.fields).sort() : '']);

/** Adds the new rules that are not there yet; what was there stays, in its order. */
export function mergeRules(existing: readonly PageRule[], added: readonly PageRule[]): { rules: PageRule[]; added: number } {
  const seen = new Set(existing.map(ruleKey));
  const rules = [...existing];
  for (const rule of added) {
    const key = ruleKey(rule);
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push(rule);
  }
  return { rules, added: rules.length - existing.length };
}

/** A rule as stored: the schema's trimmed form, without keys it does not know. */
export function cleanRule(value: unknown): { ok: true; rule: PageRule } | { ok: false; error: string } {
  const parsed = pageRuleSchema.safeParse(value);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: `${where}${issue.message}` };
}
