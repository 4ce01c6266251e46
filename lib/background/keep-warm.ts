// No handshake on the click path. A cancel on a new connection first pays TCP + TLS (two or three
// round trips on a real network) and servers close keep-alive connections left idle for 20–60 s.
// So while a page shows a venue's open orders (or the popup is open on a venue), its open-orders
// list is read again every KEEP_WARM_MS: that one read, the venue's cheapest authorised request,
// keeps the connection open AND keeps the cancel fields fresh, so a click neither opens a
// connection nor waits for a lookup (the fields stay cached for KNOWN_ORDER_TTL_MS, twice this).
//
// Who drives it: the page, not a background timer. The page's follower (venue-orders.ts) already
// asks for the list while its rows show and its tab is visible, and stops when they do not, when
// the tab closes or the page goes away; its status message on the port is what the background
// answers with the read. Driving it from there means:
// - it stops exactly when no page shows orders: nothing is kept open for nothing, and no lease or
//   timer in the background has to guess when a page went away;
// - Chrome may stop an idle MV3 service worker after 30 s without events, and its timers with it.
//   A message every 15 s is an event: it keeps the worker (and its connection) alive, which a
//   setInterval in the worker could not promise;
// - every read goes through the venue's token bucket at background priority, which leaves half
//   the burst to clicks (rate-limit.ts): two tabs of one venue read twice, within the limit.
// The background only says how often (the status reply's `refreshMs`), so this one constant, or
// the storage knob below, sets the period of every page.
import { browser } from 'wxt/browser';

/** Below the 20 s idle timeout servers commonly use, and below Chrome's 30 s worker idle stop. */
export const KEEP_WARM_MS = 15_000;
/** storage.local: a shorter period, for tests and the bench that shorten the server's idle timeout too. */
export const KEEP_WARM_KEY = 'keepWarmMs';
/** The shortest period the knob may set: a read per venue every half second at most. */
const MIN_KEEP_WARM_MS = 500;

/** The period as stored (a number within bounds), else KEEP_WARM_MS. */
export function parseKeepWarm(stored: unknown): number {
  return typeof stored === 'number' && Number.isFinite(stored) ? Math.min(KEEP_WARM_MS, Math.max(MIN_KEEP_WARM_MS, Math.round(stored))) : KEEP_WARM_MS;
}

let period: Promise<number> | undefined;

/** The keep-warm period, read once and followed as storage changes. */
export function keepWarmMs(): Promise<number> {
  if (!period) {
    period = browser.storage.local.get(KEEP_WARM_KEY).then((s) => parseKeepWarm(s[KEEP_WARM_KEY]), () => KEEP_WARM_MS);
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && KEEP_WARM_KEY in changes) period = Promise.resolve(parseKeepWarm(changes[KEEP_WARM_KEY]!.newValue));
    });
  }
  return period;
}
