// The venue's open orders, for matching the page's rows to them (DESIGN.md, "Page detection"):
// asked for when the page starts, again soon after a row shows an id the venue did not report (a
// new order), and now and then while the page shows order rows and is in view. Without keys or
// with the vault locked the answer has no list, and detection reads the page alone.
import type { KnownOrder, VenueId } from '@/lib/model';
import type { Messenger } from './inject';

/**
 * How often the list is read again while rows are showing, unless the background says otherwise
 * (the status reply's refreshMs): each read also keeps the venue's connection warm for a click
 * (lib/background/keep-warm.ts).
 */
const REFRESH_MS = 15_000;
/** An unknown id asks again at most this often (a page of stale rows must not hammer the venue). */
const UNKNOWN_REFRESH_MS = 10_000;

export interface VenueOrders {
  /** A row showed an id the venue did not report. */
  unknownSeen(): void;
  /** The page changed: if the last question went without symbols and got no list, the page may show some now. */
  pageChanged(): void;
}

export function followVenueOrders(
  venue: VenueId,
  messenger: Messenger,
  onOrders: (orders: KnownOrder[] | undefined) => void,
  showing: () => boolean,
  signal: AbortSignal,
  /** The symbols the page's rows show: ZebPay lists open orders per symbol only. */
  symbols: () => string[] = () => [],
): VenueOrders {
  let askedAt = 0;
  let asking = false;
  let last = '';
  let blind = false;
  let every = REFRESH_MS;
  const ask = async () => {
    if (asking || signal.aborted) return;
    asking = true;
    askedAt = Date.now();
    try {
      const shown = symbols();
      const reply = await messenger.send({ type: 'status', venue, orderIds: [], orders: true, ...(shown.length ? { symbols: shown } : {}) });
      const orders = reply.ok ? reply.known : undefined;
      blind = !orders && !shown.length;
      if (reply.ok && reply.refreshMs) every = reply.refreshMs;
      // Re-reading the page costs work in proportion to its rows: only when the list changed.
      const seen = JSON.stringify(orders ?? null);
      if (seen !== last && !signal.aborted) {
        last = seen;
        onOrders(orders);
      }
    } catch {
      // No answer (the extension is reloading): the page keeps what it has.
    } finally {
      asking = false;
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each wait is the latest period the background gave; the first starts once it has answered.
  const tick = () => {
    if (showing() && document.visibilityState === 'visible') void ask();
    if (!signal.aborted) timer = setTimeout(tick, every);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  void ask().then(() => !signal.aborted && (timer = setTimeout(tick, every)));
  return {
    unknownSeen() {
      if (Date.now() - askedAt >= UNKNOWN_REFRESH_MS) void ask();
    },
    pageChanged() {
      if (blind && symbols().length) void ask();
    },
  };
}
