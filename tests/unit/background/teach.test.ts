// "Teach this page" in the background: only on a venue tab; the teaching script's answer is
// checked with the rule schema before it joins the stored rules; a stopped session saves nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageTabs } from '../../../lib/background/page-tabs';
import { startTeaching } from '../../../lib/background/teach';
import { venueOfUrl } from '../../../lib/background/commands';
import { PAGE_RULES_KEY } from '../../../lib/rules-store';
import { venues } from '../../../lib/venues';

const existing = { venue: 'pocketful', row: 'li.ordr', idSelector: '.ref' };
const taught = { venue: 'pocketful', row: 'div[role="list"] > div[role="listitem"]', idSelector: ':scope > div:nth-child(5)' };

function setup(url: string, answer: unknown) {
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 4, url } as never);
  const calls: unknown[] = [];
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async (details: { files?: string[] }) => {
      calls.push(details);
      return [{ frameId: 0, result: details.files ? answer : true }];
    }),
  };
  const tabs = new PageTabs();
  return { tabs, calls, deps: { tabs, venueOf: (u: string | undefined) => venueOfUrl(u, venues) } };
}

const rules = async () => (await fakeBrowser.storage.local.get(PAGE_RULES_KEY))[PAGE_RULES_KEY];

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [PAGE_RULES_KEY]: [existing] });
});

describe('teaching from the background', () => {
  it('injects teach.js into the top frame of a venue tab and adds the saved rule to the stored ones', async () => {
    const { deps, calls, tabs } = setup('https://trade.pocketful.in/orders', { saved: taught });
    expect(await startTeaching(deps, 4)).toEqual({ ok: true, venue: 'pocketful' });
    expect(calls).toContainEqual({ target: { tabId: 4, frameIds: [0] }, files: ['/teach.js'] });
    await vi.waitFor(async () => expect(await rules()).toEqual([existing, taught]));
    expect((await tabs.read(4)).teach).toEqual({ state: 'saved', rule: taught });
  });

  it('refuses a tab that is no venue page, without injecting anything', async () => {
    const { deps, calls } = setup('https://example.com/', { saved: taught });
    expect(await startTeaching(deps, 4)).toMatchObject({ ok: false, error: expect.stringContaining('broker page') });
    expect(calls).toEqual([]);
  });

  it.each([
    [{ saved: { ...taught, row: 'div[' } }, 'not a valid CSS selector'],
    [{ saved: { ...taught, venue: 'coinswitch' } }, 'another venue'],
    [{ saved: { venue: 'pocketful', row: 'div' } }, 'needs the order id'],
    [{ stopped: true, reason: 'Stopped without saving' }, 'Stopped without saving'],
    [undefined, 'ended without an answer'],
    ['<html>', 'ended without an answer'],
  ])('an answer %j saves nothing and says why', async (answer, why) => {
    const { deps, tabs } = setup('https://trade.pocketful.in/orders', answer);
    await startTeaching(deps, 4);
    await vi.waitFor(async () => expect((await tabs.read(4)).teach).toMatchObject({ state: 'stopped', reason: expect.stringContaining(why) }));
    expect(await rules()).toEqual([existing]);
  });

  it('teaching the same rule twice stores it once', async () => {
    const { deps, tabs } = setup('https://trade.pocketful.in/orders', { saved: taught });
    await startTeaching(deps, 4);
    await vi.waitFor(async () => expect((await tabs.read(4)).teach?.state).toBe('saved'));
    await startTeaching(deps, 4);
    await vi.waitFor(async () => expect((await tabs.read(4)).teach?.state).toBe('saved'));
    expect(await rules()).toEqual([existing, taught]);
  });
});
