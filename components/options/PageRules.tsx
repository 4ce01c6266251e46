// User page rules for the row detector: for a broker page that neither a recipe nor the generic
// detector understands. Stored in storage.local 'pageRules' (not secret), read by content scripts.
import { useEffect, useState } from 'preact/hooks';
import { parseRules } from '@/lib/page/detect/rules';
import type { PageRule } from '@/lib/page/types';
import type { VenueId } from '@/lib/model';
import { VENUE_IDS } from '@/lib/venues/registry';
import { savePageRules, watchPageRules } from '@/lib/rules-store';
import { venueInfo } from '../venue-info';
import { RulesJson } from './RulesJson';

function selectorProblem(selector: string): string | null {
  try {
    document.createDocumentFragment().querySelector(selector);
    return null;
  } catch {
    return `“${selector}” is not a valid CSS selector.`;
  }
}

type Draft = Record<'venue' | 'row' | 'idSelector' | 'idHeader' | 'statusSelector' | 'statusHeader', string>;

/** The rule as stored: trimmed, empty fields left out. */
export function toRule(draft: Draft): PageRule {
  const rule: PageRule = { venue: draft.venue as VenueId, row: draft.row.trim() };
  for (const key of ['idSelector', 'idHeader', 'statusSelector', 'statusHeader'] as const) if (draft[key].trim()) rule[key] = draft[key].trim();
  return rule;
}

/** null when the rule can be stored, else what is wrong, in words. */
export function ruleProblem(draft: Draft): string | null {
  if (!(VENUE_IDS as readonly string[]).includes(draft.venue)) return 'Pick a venue.';
  if (!draft.row.trim()) return 'Enter a CSS selector that matches one element per order (the row).';
  if (!draft.idSelector.trim() && !draft.idHeader.trim()) return 'Say where the order id is: a CSS selector within the row, or the id column’s header text.';
  for (const key of ['row', 'idSelector', 'statusSelector'] as const) {
    const problem = draft[key].trim() ? selectorProblem(draft[key].trim()) : null;
    if (problem) return problem;
  }
  // The content scripts read rules with parseRules: store only what they will accept.
  const rule = toRule(draft);
  return parseRules([rule], rule.venue).length ? null : 'That rule is too long to use: keep selectors under 500 characters and header text under 200.';
}

const empty: Draft = { venue: 'pocketful', row: '', idSelector: '', idHeader: '', statusSelector: '', statusHeader: '' };

export function PageRules() {
  const [rules, setRules] = useState<PageRule[]>();
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState('');

  useEffect(() => watchPageRules(setRules), []);

  const store = async (next: PageRule[]) => {
    try {
      await savePageRules(next);
      setRules(next);
      return true;
    } catch (e) {
      setError(`Could not save the rules: ${String(e)}`);
      return false;
    }
  };

  async function add(ev: Event) {
    ev.preventDefault();
    const problem = ruleProblem(draft);
    if (problem) return setError(problem);
    if (await store([...(rules ?? []), toRule(draft)])) {
      setError('');
      setDraft({ ...empty, venue: draft.venue });
    }
  }

  const input = (name: Exclude<keyof Draft, 'venue'>, label: string, placeholder: string) => (
    <div class="field">
      <label for={`rule-${name}`}>{label}</label>
      <input id={`rule-${name}`} value={draft[name]} placeholder={placeholder} spellcheck={false} onInput={(e) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value })} />
    </div>
  );

  return (
    <section class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Page rules</h2>
      <p class="muted">Only needed when a broker page shows orders but no Cancel buttons. A rule tells QuickCancel which elements are order rows and where each row’s order id is.</p>
      {rules && rules.length > 0 && (
        <table class="rules">
          <thead>
            <tr>
              <th>Venue</th>
              <th>Rows</th>
              <th>Order id</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={`${i}:${r.row}`}>
                <td>{venueInfo[r.venue]?.name ?? r.venue}</td>
                <td>
                  <code>{r.row}</code>
                </td>
                <td>{r.idSelector ? <code>{r.idSelector}</code> : r.idHeader ? `column “${r.idHeader}”` : `none shown: matched by ${Object.keys(r.fields ?? {}).join(', ')}`}</td>
                <td>{r.statusSelector ? <code>{r.statusSelector}</code> : r.statusHeader ? `column “${r.statusHeader}”` : <span class="muted">found by header</span>}</td>
                <td>
                  <button type="button" class="link" aria-label={`Remove rule ${r.row}`} onClick={() => void store(rules.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} aria-label="Add a page rule" class="rule-form">
        <div class="field">
          <label for="rule-venue">Venue</label>
          <select id="rule-venue" value={draft.venue} onChange={(e) => setDraft({ ...draft, venue: (e.currentTarget as HTMLSelectElement).value })}>
            {VENUE_IDS.map((v) => (
              <option key={v} value={v}>
                {venueInfo[v].name}
              </option>
            ))}
          </select>
        </div>
        {input('row', 'Row selector', 'e.g. table.orders tbody tr')}
        {input('idSelector', 'Order id cell selector (within the row)', 'e.g. td.order-no')}
        {input('idHeader', 'or the order id column’s header', 'e.g. Order No.')}
        {input('statusSelector', 'Status cell selector (optional)', 'e.g. td.status')}
        {input('statusHeader', 'or the status column’s header (optional)', 'e.g. Status')}
        <button type="submit">Add rule</button>
        <p class="error" role="alert">
          {error}
        </p>
      </form>
      {rules && <RulesJson rules={rules} store={store} />}
    </section>
  );
}
