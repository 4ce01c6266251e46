// The teaching fixture page is one nothing else reads: not the Pocketful recipe, not the generic
// detector, not matching rows to the venue's orders. A rule taught by clicking one of its rows
// reads every open order it shows, with the order's own id.
import { describe, expect, it } from 'vitest';
import { detectOrderRows } from '@/lib/page/detect/detect';
import { rowsMatched, teachFrom } from '@/lib/teach/selector';
import type { KnownOrder } from '@/lib/page/types';
import { teachFixture, teachNoIdFixture } from '../../simulator/pages/teach';
import { renderFixture } from '../../simulator/pages/spa';
import { orders, SAMPLES } from '../page/samples';

const book = orders('pocketful', SAMPLES.pocketful);
const known: KnownOrder[] = book.filter((o) => o.status === 'open').map((o) => ({ orderId: o.id, open: true, symbol: o.symbol, side: o.side, price: String(o.price), quantity: String(o.quantity) }));
const shown = book.filter((o) => (o.status === 'open' || o.status === 'cancelling') && !/FUT$/.test(o.symbol));

describe('the teaching fixture', () => {
  it('is read by nothing without a rule, even with the venue’s own orders known', async () => {
    await renderFixture(document, teachFixture, book);
    expect(document.querySelectorAll('[role=listitem]')).toHaveLength(shown.length);
    expect(detectOrderRows(document, 'pocketful')).toEqual([]);
    expect(detectOrderRows(document, 'pocketful', [], known)).toEqual([]);
  });

  it('one clicked row teaches a rule that reads every order shown, by its own id', async () => {
    await renderFixture(document, teachFixture, book);
    const cell = document.querySelector(`[data-sim-key="${shown[1]!.id}"] .css-1v8a0ce`)!;
    const taught = teachFrom(cell, 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    expect(taught.rule.row).toBe('div[role="list"][aria-label="Open orders"] > div[role="listitem"]');
    expect(rowsMatched(taught.rule, document)).toHaveLength(shown.length);
    const read = detectOrderRows(document, 'pocketful', [taught.rule]);
    expect(read.map((r) => r.orderId).sort()).toEqual(shown.map((o) => o.id).sort());
    for (const r of read) expect(r.row.getAttribute('data-sim-key')).toBe(r.orderId);
  });
});

describe('the teaching fixture without ids (a broker that shows none)', () => {
  const renderWithoutIds = () => renderFixture(document, teachNoIdFixture, book);

  it('one clicked row teaches the cells that identify an order: symbol, side, quantity and price', async () => {
    await renderWithoutIds();
    const taught = teachFrom(document.querySelector(`[data-sim-key="${shown[0]!.id}"] .sc-eCYdqJ`)!, 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    expect(taught.rule).toEqual({
      venue: 'pocketful',
      row: 'div[role="list"][aria-label="Open orders"] > div[role="listitem"]',
      fields: { symbol: ':scope > div:nth-child(1) > span:nth-child(1)', side: ':scope > div:nth-child(2)', quantity: ':scope > div:nth-child(3)', price: ':scope > div:nth-child(4)' },
    });
    expect(rowsMatched(taught.rule, document)).toHaveLength(shown.length);
  });

  it('with the venue’s orders known each row is matched to its own order; without them no row gets one', async () => {
    await renderWithoutIds();
    const taught = teachFrom(document.querySelector('.sc-egiyK')!, 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    expect(detectOrderRows(document, 'pocketful', [taught.rule])).toEqual([]);
    const read = detectOrderRows(document, 'pocketful', [taught.rule], known);
    const open = shown.filter((o) => o.status === 'open');
    expect(read.map((r) => [r.row.getAttribute('data-sim-key'), r.orderId, r.source])).toEqual(
      expect.arrayContaining(open.map((o) => [o.id, o.id, 'venue'])),
    );
    for (const r of read) expect(r.row.getAttribute('data-sim-key')).toBe(r.orderId);
  });

  it('two rows that look the same order are no match at all (never a guess)', async () => {
    await renderWithoutIds();
    const taught = teachFrom(document.querySelector('.sc-egiyK')!, 'pocketful');
    if (!taught.ok) throw new Error(taught.error);
    const first = document.querySelector(`[data-sim-key="${shown[0]!.id}"]`)!;
    first.after(first.cloneNode(true));
    const read = detectOrderRows(document, 'pocketful', [taught.rule], known);
    expect(read.filter((r) => r.orderId === shown[0]!.id)).toEqual([]);
  });
});
