// Loads the row menu's script on the first "▾" press: the menu is most of the control's code yet
// rarely opened, and the content script is parsed on every broker page load. A content script may
// only send `cancel` and `status`, so the request is a `status` naming the script (`load`); the
// background injects it into this frame's isolated world before it answers.
import type { VenueId } from '@/lib/model';
import type { Messenger } from './outcomes';
import { registeredMenu, type MenuFactory } from './row-menu-contract';

let loading: Promise<MenuFactory | string> | undefined;

/** The menu's factory, loading its script first if need be; or why it could not be loaded. */
export function loadRowMenu(messenger: Messenger, venue: VenueId): Promise<MenuFactory | string> {
  // Presses while it loads share the one request; once it has run the factory is on the global,
  // and a failed load is tried again on the next press.
  loading ??= messenger
    .send({ type: 'status', venue, orderIds: [], load: 'row-menu' })
    .then(
      (reply) => registeredMenu() ?? `The menu could not be loaded${reply.ok ? '' : ` (${reply.error})`}; press ▾ again`,
      () => 'The menu could not be loaded (the connection to QuickCancel closed); press ▾ again',
    )
    .finally(() => (loading = undefined));
  return loading;
}
