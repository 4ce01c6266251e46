// Parts of the content script loaded only when first used (the row menu): a page's `status` asks
// for one by name, and it is injected into that very frame's isolated world (the content script's
// own), from the extension's files only: the name maps to a fixed file, never to anything sent.
import { browser } from 'wxt/browser';

export const PAGE_SCRIPTS = { 'row-menu': '/row-menu.js' } as const;
export type PageScript = keyof typeof PAGE_SCRIPTS;

/** Injects the script into the tab's frame; why it could not, or undefined once it has run. */
export async function injectPageScript(tabId: number, frameId: number, name: PageScript): Promise<string | undefined> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_SCRIPTS[name]] });
    return undefined;
  } catch (error) {
    return `QuickCancel could not load its ${name.replace('-', ' ')} into this page: ${error instanceof Error ? error.message : String(error)}`;
  }
}
