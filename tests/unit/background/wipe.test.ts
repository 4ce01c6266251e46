import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wipeAllStorage } from '../../../lib/background/wipe';

describe('wipeAllStorage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('leaves nothing of any owner in local or session storage', async () => {
    await fakeBrowser.storage.local.set({ vault: { v: 1 }, settings: { sound: true }, pageRules: [], 'journal:x': { id: 'x' }, journalRecent: ['x'] });
    await fakeBrowser.storage.session.set({ vaultKey: 'k' });
    await wipeAllStorage();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
