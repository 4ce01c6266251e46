// The row menu (lib/page/runtime/row-menu.ts), injected by the background into the venue page's
// isolated world on the first "▾" press (never part of the always-loaded content script). It only
// leaves its factory on that world's global, where the content script picks it up.
import { createRowMenu } from '@/lib/page/runtime/row-menu';
import { ROW_MENU } from '@/lib/page/runtime/row-menu-contract';

export default defineUnlistedScript(() => {
  (globalThis as { [ROW_MENU]?: unknown })[ROW_MENU] = createRowMenu;
});
