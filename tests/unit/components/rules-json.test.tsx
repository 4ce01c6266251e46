// Settings → Page rules → Share rules as JSON: a pasted file adds its new rules to the stored ones
// (duplicates skipped, nothing replaced), bad text says what is wrong and changes nothing, and the
// export is the stored rules.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageRules } from '../../../components/options/PageRules';
import { PAGE_RULES_KEY } from '../../../lib/rules-store';
import { $, byText, click, mount, settle, type, unmountAll, waitFor } from './dom';

const mine = { venue: 'pocketful', row: 'li.ordr', idSelector: '.ref' };
const shared = { venue: 'pocketful', row: 'div[role="list"] > div[role="listitem"]', idSelector: ':scope > div:nth-child(5)' };
const stored = async () => (await fakeBrowser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY];

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [PAGE_RULES_KEY]: [mine] });
});
afterEach(unmountAll);

async function importText(text: string) {
  const root = mount(<PageRules />);
  await settle();
  await type($(root, '#rules-json-text'), text);
  await click(byText(root, 'button', 'Import pasted rules'));
  await settle();
  return root;
}

describe('sharing page rules as JSON', () => {
  it('a pasted export adds its new rules after the stored ones and skips the ones already here', async () => {
    const root = await importText(JSON.stringify({ kind: 'quickcancel-page-rules', version: 1, rules: [mine, shared] }));
    await waitFor(() => $(root, '[data-rules-import=ok]').textContent === 'Imported 1 new rule; 1 already here (skipped).');
    expect(await stored()).toEqual([mine, shared]);
    expect(root.querySelectorAll('table.rules tbody tr')).toHaveLength(2);
  });

  it.each([
    ['<!doctype html><title>502</title>', 'That is not JSON'],
    ['[{"venue":"pocketful","row":"li"}]', 'Rule 1 is not usable'],
  ])('%j is refused with a clear message and the stored rules stay as they were', async (text, says) => {
    const root = await importText(text);
    await waitFor(() => $(root, '[data-rules-import=error]').textContent!.includes(says));
    expect(await stored()).toEqual([mine]);
  });
});
