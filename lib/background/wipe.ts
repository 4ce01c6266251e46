// "Wipe everything": every owner's keys at once (vault, settings, page rules, history, and the
// session's unlocked key), which is all the extension ever stores.
import { browser } from 'wxt/browser';

export async function wipeAllStorage(): Promise<void> {
  await Promise.all([browser.storage.local.clear(), browser.storage.session.clear()]);
}
