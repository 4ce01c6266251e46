// The popup's questions about the tab in front: start teaching it, and how its page is read.
import type { Handlers } from './handlers';
import type { PageTabs } from './page-tabs';
import { startTeaching, type TeachDeps } from './teach';

export function pageHandlers(deps: TeachDeps & { tabs: PageTabs }): Pick<Handlers, 'teach.start' | 'page.health'> {
  return {
    'teach.start': (m) => startTeaching(deps, m.tabId),
    async 'page.health'(m) {
      return { ok: true, ...(await deps.tabs.read(m.tabId)) };
    },
  };
}
