// @vitest-environment node
// A venue's list read page by page: every page followed, each order once, and a list that could
// not be read to its end says so instead of passing for whole.
import { describe, expect, it } from 'vitest';
import { readAllPages, type ReadPage } from '../../../lib/engine/list-pages';
import type { OrderView } from '../../../lib/model';
import type { OrdersResult } from '../../../lib/venues/types';

const order = (key: string, extra: Partial<OrderView> = {}): OrderView => ({ key, state: 'open', venueStatus: 'OPEN', cancelFields: { orderId: key }, ...extra });

/** A venue whose pages are given by cursor ('' for the first); records every cursor it was asked for. */
function venue(pages: Record<string, OrdersResult>): ReadPage & { asked: Array<string | undefined> } {
  const asked: Array<string | undefined> = [];
  const read = async (page: string | undefined) => {
    asked.push(page);
    return pages[page ?? ''] ?? { kind: 'unknown' as const, message: `no page ${page}` };
  };
  return Object.assign(read, { asked });
}

describe('reading a list that comes a page at a time', () => {
  it('a list of one page is read once', async () => {
    const read = venue({ '': { orders: [order('a'), order('b')] } });
    expect(await readAllPages(read)).toEqual({ orders: [order('a'), order('b')] });
    expect(read.asked).toEqual([undefined]);
  });

  it('follows each cursor to the last page, and an order a page repeats at its boundary counts once', async () => {
    const read = venue({
      '': { orders: [order('a'), order('b')], next: '200' },
      '200': { orders: [order('b'), order('c')], next: '100' },
      '100': { orders: [order('c'), order('d')] },
    });
    expect(await readAllPages(read)).toEqual({ orders: ['a', 'b', 'c', 'd'].map((k) => order(k)) });
    expect(read.asked).toEqual([undefined, '200', '100']);
  });

  it("rows of one order within a page (a cover order's legs) all stay", async () => {
    const legs = [order('co', { cancelFields: { orderId: 'co', leg: 'ENTRY' } }), order('co', { cancelFields: { orderId: 'co', leg: 'SL' } })];
    expect(await readAllPages(venue({ '': { orders: legs } }))).toEqual({ orders: legs });
  });

  it('a page that brings nothing new (more orders than a page share the cursor) ends the reading, saying there are more', async () => {
    const read = venue({ '': { orders: [order('a'), order('b')], next: '100' }, '100': { orders: [order('b')], next: '100' } });
    expect(await readAllPages(read)).toEqual({ orders: [order('a'), order('b')], more: true });
    expect(read.asked).toEqual([undefined, '100']);
  });

  it('stops after the page limit, saying there are more', async () => {
    const pages: Record<string, OrdersResult> = {};
    for (let i = 0; i < 10; i++) pages[i ? String(i) : ''] = { orders: [order(`o${i}`)], next: String(i + 1) };
    const read = venue(pages);
    const result = await readAllPages(read, 3);
    expect(result).toEqual({ orders: [order('o0'), order('o1'), order('o2')], more: true });
    expect(read.asked).toHaveLength(3);
  });

  it('a venue that says the list goes on without a way to follow it: the orders read, and more', async () => {
    expect(await readAllPages(venue({ '': { orders: [order('a')], more: true } }))).toEqual({ orders: [order('a')], more: true });
  });

  it('a page that fails fails the whole list: part of a list must not pass for all of it', async () => {
    const read = venue({ '': { orders: [order('a')], next: '5' }, '5': { kind: 'rate-limited', message: 'slow down' } });
    expect(await readAllPages(read)).toEqual({ kind: 'rate-limited', message: 'slow down' });
  });
});
