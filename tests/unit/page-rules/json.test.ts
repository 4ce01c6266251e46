import { describe, expect, it } from 'vitest';
import { exportRules, importRules } from '@/lib/page-rules/json';
import { cleanRule, mergeRules } from '@/lib/page-rules/schema';
import type { PageRule } from '@/lib/page/types';

const mine: PageRule = { venue: 'pocketful', row: 'div[role=row]', idSelector: 'span[data-col="2"]' };
const theirs: PageRule = { venue: 'zebpay-futures', row: 'li.order', idHeader: 'Order ID' };

describe('page rules as JSON', () => {
  it('export then import gives the same rules back, and importing into them adds nothing', () => {
    const text = exportRules([mine, theirs]);
    expect(JSON.parse(text)).toMatchObject({ kind: 'quickcancel-page-rules', version: 1 });
    const into = importRules(text, []);
    expect(into).toEqual({ ok: true, rules: [mine, theirs], added: 2, duplicates: 0 });
    expect(importRules(text, [mine, theirs])).toEqual({ ok: true, rules: [mine, theirs], added: 0, duplicates: 2 });
  });

  it('merges: rules already stored stay first and unchanged, only new ones are added, a duplicate in the file counts once', () => {
    const text = JSON.stringify([theirs, theirs, { ...mine, row: ' div[role=row] ' }]);
    const result = importRules(text, [mine]);
    expect(result).toEqual({ ok: true, rules: [mine, theirs], added: 1, duplicates: 2 });
  });

  it('a rule for rows without an id (identifying fields) is imported as is', () => {
    const byFields = { venue: 'coinswitch', row: 'div[role=row]', fields: { symbol: ':scope > div:nth-child(1)', side: ':scope > div:nth-child(2)', price: ':scope > div:nth-child(4)' } };
    expect(importRules(JSON.stringify([byFields]), [])).toEqual({ ok: true, rules: [byFields], added: 1, duplicates: 0 });
  });

  it('a bare list of rules is accepted as well as an exported file', () => {
    expect(importRules(JSON.stringify([mine]), [])).toMatchObject({ ok: true, added: 1 });
  });

  it.each([
    ['', 'Nothing to import'],
    ['   ', 'Nothing to import'],
    ['<html>502 Bad Gateway</html>', 'That is not JSON'],
    ['{"rules": [', 'That is not JSON'],
    ['{"kind":"something-else"}', 'holds no page rules'],
    ['null', 'holds no page rules'],
    ['42', 'holds no page rules'],
  ])('bad input %j is refused with a clear message and nothing is imported', (text, says) => {
    const result = importRules(text, [mine]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(says);
    }
  });

  it.each([
    [{ venue: 'robinhood', row: 'tr', idSelector: 'td' }, 'Rule 2', 'venue'],
    [{ venue: 'pocketful', row: 'tr[', idSelector: 'td' }, 'Rule 2', 'row: not a valid CSS selector'],
    [{ venue: 'pocketful', row: 'tr' }, 'Rule 2', 'needs the order id'],
    [{ venue: 'pocketful', row: 'tr', fields: { symbol: 'td', side: 'td' } }, 'Rule 2', 'two of side, price, quantity'],
    [{ venue: 'pocketful', row: 'tr', fields: { side: 'td', price: 'td', quantity: 'td' } }, 'Rule 2', 'fields.symbol'],
    [{ venue: 'pocketful', row: 'x'.repeat(501), idSelector: 'td' }, 'Rule 2', 'row'],
  ])('one unusable rule (%j) stops the whole import and says which and why', (bad, which, why) => {
    const result = importRules(JSON.stringify([theirs, bad]), [mine]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(which);
      expect(result.error).toContain(why);
      expect(result.error).toContain('Nothing was imported');
    }
  });

  it('unknown keys are dropped and text is trimmed, so a stored rule is exactly what the schema allows', () => {
    expect(cleanRule({ ...mine, idSelector: '  span  ', evil: '<script>' })).toEqual({ ok: true, rule: { ...mine, idSelector: 'span' } });
  });

  it('mergeRules keeps the existing list as it is', () => {
    const existing = [theirs, mine];
    expect(mergeRules(existing, [mine]).rules).toEqual(existing);
  });
});
