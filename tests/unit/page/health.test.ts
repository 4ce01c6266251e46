// The page's health summary: rows read and by what, rows tied to the venue's orders, rules that
// read nothing, and the open orders the venue reports that no row shows (said only when known).
import { describe, expect, it, vi } from 'vitest';
import { KnownOrders } from '@/lib/page/detect/known';
import { healthOf, healthReporter } from '@/lib/page/runtime/health';
import type { DetectedOrderRow, Layout } from '@/lib/page/types';
import type { Tracked } from '@/lib/page/runtime/inject';
import { pageHealthSchema } from '@/lib/messages';

const layout = (kind: Layout['kind'], rows: Element[] = [], rowSelector = `.${kind}`): Layout =>
  ({ kind, rowSelector, rows: () => rows, owns: () => true, read: () => undefined, slot: (r: Element) => r, valid: () => true, isStructure: () => false }) as Layout;
const row = (orderId: string, l: Layout, source?: DetectedOrderRow['source']): Tracked => ({
  layout: l,
  detected: { row: document.createElement('div'), orderId, cancellable: true, hints: {}, source },
});

const recipe = layout('recipe');
const rule = layout('rule', [], 'div[role=listitem]');
const idle = layout('rule', [], '#gone li');
const known = new KnownOrders([
  { orderId: 'A1', open: true, symbol: 'RELIANCE', side: 'BUY', price: '2890.5', quantity: '10' },
  { orderId: 'B2', open: true, symbol: 'NIFTY26DECFUT', side: 'SELL', price: '24310', quantity: '75' },
  { orderId: 'C3', open: false },
]);

describe('page health', () => {
  it('counts rows by the layout that read them and the rows tied to the venue’s orders', () => {
    const h = healthOf([row('A1', recipe, 'venue'), row('X9', rule, 'page')], 0, [recipe, rule], known);
    expect(h).toMatchObject({ rows: 2, by: { recipe: 1, generic: 0, rule: 1, venue: 0 }, matched: 1, unread: 0, ruleMisses: [] });
  });

  it('lists the open orders the venue reports that no row shows (closed ones are not missed), cancellable by id', () => {
    const h = healthOf([row('A1', recipe, 'venue')], 0, [recipe], known);
    expect(h.unshown).toEqual([{ orderId: 'B2', symbol: 'NIFTY26DECFUT', side: 'SELL', price: '24310', quantity: '75' }]);
    expect(h.unshownCount).toBe(1);
  });

  it('says nothing about unshown orders when the venue’s list is not known, or rows are still unread', () => {
    expect(healthOf([row('A1', recipe)], 0, [recipe], undefined).unshown).toBeNull();
    const lazy = healthOf([row('A1', recipe, 'venue')], 40, [recipe], known);
    expect(lazy).toMatchObject({ rows: 41, unread: 40, unshown: null, unshownCount: 0 });
  });

  it('names a rule that reads no row here', () => {
    const h = healthOf([row('A1', rule)], 0, [rule, idle], undefined);
    expect(h.ruleMisses).toEqual(['#gone li']);
  });

  it('fits the status message’s schema, even for a big book', () => {
    const many = new KnownOrders(Array.from({ length: 500 }, (_, i) => ({ orderId: `O${i}`, open: true, symbol: 'S'.repeat(200) })));
    const h = healthOf([], 0, [], many);
    expect(h.unshown).toHaveLength(50);
    expect(h.unshownCount).toBe(500);
    expect(pageHealthSchema.safeParse(h).success).toBe(true);
  });

  it('is reported after the page is quiet, and only when it changed', () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const sent = vi.fn();
      const report = healthReporter(() => healthOf([], n, [], undefined), sent, 400);
      report();
      report();
      vi.advanceTimersByTime(400);
      expect(sent).toHaveBeenCalledTimes(1);
      report();
      vi.advanceTimersByTime(400);
      expect(sent).toHaveBeenCalledTimes(1);
      n = 3;
      report();
      vi.advanceTimersByTime(400);
      expect(sent).toHaveBeenCalledTimes(2);
      expect(sent.mock.calls[1]![0]).toMatchObject({ rows: 3, unread: 3 });
    } finally {
      vi.useRealTimers();
    }
  });
});
