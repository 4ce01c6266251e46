// The page rules' owner: where they are stored and the helpers the options page uses to follow
// and save them (content scripts read them with parseRules, lib/page/rules.ts). Not secret. Kept
// free of WXT's storage module, which the pages' bundles do without; the version is kept the way
// WXT keeps it (`<key>$`), so a later format can be migrated by a versioned item.
import { browser } from 'wxt/browser';
import type { PageRule } from './page/types';

export const PAGE_RULES_KEY = 'pageRules';
const PAGE_RULES_META_KEY = `${PAGE_RULES_KEY}$`;
/** 1: an array of PageRule, every venue's together; the only format so far. */
export const PAGE_RULES_VERSION = 1;

/** The stored rules as a list (each still to be checked for its venue by parseRules). */
export const storedRules = (value: unknown): PageRule[] => (Array.isArray(value) ? (value as PageRule[]) : []);

/** The rules now and after every change. Returns the unsubscribe. */
export function watchPageRules(onRules: (rules: PageRule[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PAGE_RULES_KEY in changes) onRules(storedRules(changes[PAGE_RULES_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage.local.get(PAGE_RULES_KEY).then((got) => onRules(storedRules(got[PAGE_RULES_KEY])), () => undefined);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function savePageRules(rules: PageRule[]): Promise<void> {
  await browser.storage.local.set({ [PAGE_RULES_KEY]: rules, [PAGE_RULES_META_KEY]: { v: PAGE_RULES_VERSION } });
}
