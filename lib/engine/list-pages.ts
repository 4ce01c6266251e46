// A venue's open-orders list, every page of it. CoinSwitch PRO answers 25 open orders unless told
// otherwise and ZebPay a page per call: a list read once would leave the older orders out, and
// then cancel-all would cancel only the newest page while saying it cancelled all, and a click on
// an older order would wait for a lookup. The adapter says where its list goes on (`next`, a
// cursor); this follows it, merging the pages.
import type { OrderView } from '@/lib/model';
import { isOrders, type OrdersResult } from '../venues/types';

/** 40 pages: 1,000 CoinSwitch orders. Past that the list says `more` rather than read on. */
export const MAX_LIST_PAGES = 40;

/** Reads one page: the first without a cursor, each next one with the cursor the one before gave. */
export type ReadPage = (page: string | undefined) => Promise<OrdersResult>;

/**
 * Every page as one list, each order once. Cursors may include the last page's boundary (CoinSwitch
 * lists orders created at or before a time), so an order already read is not read again; a page
 * that brings nothing new, or a cursor that repeats, ends the reading with `more` (more orders
 * than one page share a cursor's time). A failed page fails the whole: a part would look whole.
 */
export async function readAllPages(readPage: ReadPage, maxPages = MAX_LIST_PAGES): Promise<OrdersResult> {
  const orders: OrderView[] = [];
  const seen = new Set<string>();
  let page: string | undefined;
  for (let read = 1; ; read++) {
    const result = await readPage(page);
    if (!isOrders(result)) return result;
    // Within a page, one key may be several rows (a cover order's legs); across pages it is the boundary again.
    const added = result.orders.filter((o) => !seen.has(o.key));
    orders.push(...added);
    for (const o of added) seen.add(o.key);
    if (result.next === undefined) return result.more ? { orders, more: true } : { orders };
    const stuck = result.next === page || (page !== undefined && !added.length);
    if (stuck || read >= maxPages) return { orders, more: true };
    page = result.next;
  }
}
