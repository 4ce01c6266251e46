// The tab the popup is about: the one in front when the toolbar button was pressed, or the one
// named in `popup.html?tab=<id>` (the popup opened in a tab of its own, as the tests open it).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface FrontTab {
  id: number;
  /** Readable only on pages QuickCancel may reach (the venues' pages). */
  url?: string;
}

async function frontTab(): Promise<FrontTab | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => undefined);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  // The popup itself, opened as a tab: it is about no page.
  if (!tab || tab.id === undefined || tab.url?.startsWith(browser.runtime.getURL('/'))) return null;
  return { id: tab.id, url: tab.url };
}

export function useFrontTab(): FrontTab | null | undefined {
  const [tab, setTab] = useState<FrontTab | null>();
  useEffect(() => {
    frontTab().then(setTab, () => setTab(null));
  }, []);
  return tab;
}
