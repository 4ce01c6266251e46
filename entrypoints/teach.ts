// "Teach this page": injected by the background into the venue tab in front only while the user
// teaches (never part of the always-loaded content script). Its completion value is the session's
// result, which scripting.executeScript hands back to the background.
import { pageForHost } from '@/lib/venues/pages';
import { teach, type TeachResult } from '@/lib/teach/session';

/**
 * The background awaits this script's result, but an idle background is stopped after ~30 s
 * (Chrome's service worker, Firefox's event page) and the result would be lost with it: while the
 * user teaches, a `status` question (the one message a page may send that asks nothing of the
 * venue when it names no order) is sent now and then to keep it awake.
 */
const KEEP_AWAKE_MS = 20_000;
const runtime = (globalThis as { chrome?: { runtime?: { sendMessage(m: unknown): Promise<unknown> } } }).chrome?.runtime;

/** Set while a session runs in this tab, so a second "Teach" does not stack a second panel. */
const RUNNING = Symbol.for('quickcancel.teaching');

// WXT: "When running a script with browser.scripting.executeScript, values returned from main are
// returned in the executeScript result" (the object form types main's result; the bare form is void).
export default defineUnlistedScript({
  async main(): Promise<TeachResult> {
    const page = pageForHost(location.hostname);
    if (!page) return { stopped: true, reason: 'This is not a page of a venue QuickCancel knows' };
    const scope = globalThis as { [RUNNING]?: boolean };
    if (scope[RUNNING]) return { stopped: true, reason: 'Teaching is already on in this tab' };
    scope[RUNNING] = true;
    const awake = setInterval(() => void runtime?.sendMessage({ type: 'status', venue: page.venue, orderIds: [] })?.catch(() => undefined), KEEP_AWAKE_MS);
    try {
      return await teach(page.venue);
    } finally {
      clearInterval(awake);
      scope[RUNNING] = false;
    }
  },
});
