// The shapes real trading UIs draw order books in (tests/simulator/pages/shapes.ts), rendered in
// happy-dom by the runtime the simulator serves: a virtualised list that recycles its row
// elements, split rows (pinned halves), a table in the page's own open shadow root, a status shown
// only as an icon, no id column. Detection with and without the venue's open orders, then the
// controls: one per order, following the order a recycled element shows now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectOrderRows } from '../../../lib/page/detect/detect';
import { discoverLayouts } from '../../../lib/page/detect/discover';
import { shownSymbols } from '../../../lib/page/detect/field-layout';
import { KnownOrders } from '../../../lib/page/detect/known';
import { recipeFor } from '../../../lib/page/detect/recipes';
import { CancelControl, testHooks } from '../../../lib/page/runtime/control';
import { Injector, type Messenger } from '../../../lib/page/runtime/inject';
import { PageWatcher } from '../../../lib/page/runtime/observe';
import type { KnownOrder } from '../../../lib/page/types';
import type { VenueId } from '../../../lib/venues/types';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import type { SimOrder } from '../../simulator/types';
import { isOpen, orders, SAMPLES } from './samples';

const fixture = (venue: VenueId, shape: string) => namedPages().find((p) => p.name === `shapes/${venue}/${shape}`)!.fixture;
/** The venue's open-orders list, as the background hands it to the page. */
const knownOf = (book: SimOrder[]): KnownOrder[] =>
  book.filter(isOpen).map((o) => ({ orderId: o.id, open: true, symbol: o.symbol, side: o.side, price: String(o.price), quantity: String(o.quantity), placedAtMs: o.createdAtMs }));
/** Every element showing an order (split rows: both halves), by id. */
const shown = (root: ParentNode = document) => [...root.querySelectorAll('[data-sim-key]')];
const shadowOf = (selector: string) => document.querySelector(selector)!.shadowRoot!;

/** A longer book, so a list of 5 row elements has to recycle them. */
function longBook(venue: VenueId, n = 12): SimOrder[] {
  const ids = venue === 'coinswitch' ? (i: number) => `${String(i).padStart(8, '0')}-8ef5-4664-9779-f7978702a447` : (i: number) => String(202611250000 + i);
  return orders(venue, Array.from({ length: n }, (_, i) => ({ id: ids(i), symbol: ['SBIN', 'TCS', 'INFY'][i % 3]!, price: 100 + i, quantity: 1 + i, status: i % 5 === 4 ? ('filled' as const) : ('open' as const), filled: i % 5 === 4 ? 1 + i : 0 })));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detection in each shape, with the venue\'s open orders', () => {
  it.each([
    ['pacetrader', 'split'],
    ['tradernet', 'split'],
    ['tradernet', 'shadow'],
    ['coinswitch', 'shadow'],
    ['pocketful', 'recycle'],
    ['coinswitch', 'recycle'],
    ['zebpay-futures', 'no-id'],
  ] as Array<[VenueId, string]>)('%s %s: each open order shown is one row, anchored to the venue\'s order', async (venue, shape) => {
    const book = orders(venue, SAMPLES[venue]);
    await renderFixture(document, fixture(venue, shape), book);
    const rows = detectOrderRows(document, venue, [], knownOf(book));
    const drawn = new Set([...shown(), ...shown(document.querySelector('tn-orders-widget,cs-open-orders')?.shadowRoot ?? document)].map((r) => r.getAttribute('data-sim-key')));
    const wanted = book.filter((o) => isOpen(o) && drawn.has(o.id)).map((o) => o.id).sort();
    expect(wanted.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.cancellable).map((r) => r.orderId).sort()).toEqual(wanted);
    for (const r of rows) {
      // Closed orders are not on the venue's open list: read from the page, and not cancellable.
      expect([r.source, r.cancellable]).toEqual(wanted.includes(r.orderId) ? ['venue', true] : ['page', false]);
      expect(r.row.getAttribute('data-sim-key')).toBe(r.orderId);
    }
  });
});

describe('detection from the page alone', () => {
  it('split rows: one row per order (not one per half), the status read from the other half\'s icon', async () => {
    const book = orders('pacetrader', SAMPLES.pacetrader);
    await renderFixture(document, fixture('pacetrader', 'split'), book);
    expect(document.querySelectorAll('[role=row][data-sim-key]')).toHaveLength(book.length * 2);
    const rows = detectOrderRows(document, 'pacetrader');
    expect(rows.map((r) => [r.orderId, r.cancellable]).sort()).toEqual(book.map((o) => [o.id, isOpen(o)]).sort());
    // The half that stands for the order is the pinned one with the id.
    for (const r of rows) expect(r.row.closest('#ag-first')).not.toBeNull();
  });

  it('split rows pinned on the right: the id in the centre half, status and actions in the pinned one', async () => {
    const book = orders('tradernet', SAMPLES.tradernet);
    await renderFixture(document, fixture('tradernet', 'split'), book);
    const rows = detectOrderRows(document, 'tradernet');
    expect(rows.map((r) => [r.orderId, r.cancellable]).sort()).toEqual(book.map((o) => [o.id, isOpen(o)]).sort());
  });

  it('a table inside the page\'s open shadow root is found, its icon statuses read', async () => {
    const book = orders('tradernet', SAMPLES.tradernet);
    await renderFixture(document, fixture('tradernet', 'shadow'), book);
    expect(document.querySelector('table')).toBeNull();
    const rows = detectOrderRows(document, 'tradernet');
    expect(rows.map((r) => [r.orderId, r.cancellable]).sort()).toEqual(book.map((o) => [o.id, isOpen(o)]).sort());
    expect(rows[0]!.row.getRootNode()).toBe(shadowOf('tn-orders-widget'));
  });

  it('a page with no id column gives no row without the venue\'s list — but shows its symbols to ask for it', async () => {
    const book = orders('zebpay-futures', SAMPLES['zebpay-futures']);
    await renderFixture(document, fixture('zebpay-futures', 'no-id'), book);
    expect(detectOrderRows(document, 'zebpay-futures')).toEqual([]);
    expect(shownSymbols(document).sort()).toEqual([...new Set(book.filter(isOpen).map((o) => o.symbol))].sort());
  });
});

// --- controls -----------------------------------------------------------------------------------

type Sent = { type: string; orderId?: string };
let sent: Sent[];
let watcher: PageWatcher | undefined;
// Any reply, as inject.test.ts: the page code must cope with whatever comes back.
const messenger: Messenger = { send: async (m) => (sent.push(m as Sent), (m as Sent).type === 'status' ? { ok: true, entries: {} } : { ok: true, entry: { status: 'cancelled' } }) as never };

beforeEach(() => {
  sent = [];
  testHooks.acceptUntrusted = true;
  testHooks.ignoreLayout = true;
});
afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  testHooks.acceptUntrusted = false;
  testHooks.ignoreLayout = false;
});

async function mount(venue: VenueId, shape: string, book: SimOrder[], known?: KnownOrder[]) {
  const sim = await renderFixture(document, fixture(venue, shape), book);
  const injector = new Injector(venue, messenger);
  const index = known ? new KnownOrders(known) : undefined;
  injector.venueOrders = index;
  watcher = new PageWatcher(injector, { discover: () => discoverLayouts(document, venue, recipeFor(venue), [], index), idleMs: 5 });
  watcher.start(document.body);
  return { sim, injector };
}

const controls = (injector: Injector) => [...(injector as unknown as { controls: Set<CancelControl> }).controls];
const button = (c: CancelControl) => (c as unknown as { button: HTMLButtonElement }).button;
/** The order of the control sitting in this element (the page's DOM says nothing of it). */
const controlIn = (injector: Injector, el: Element) => controls(injector).filter((c) => el.contains(c.host));
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('controls on recycled row elements', () => {
  it.each(['pocketful', 'coinswitch'] as VenueId[])('%s: after scrolling, an element showing another order carries that order\'s control, and a click cancels it', async (venue) => {
    const book = longBook(venue);
    const { sim, injector } = await mount(venue, 'recycle', book);
    const elements = shown();
    expect(elements).toHaveLength(5);
    const first = elements[0]!;
    const before = first.getAttribute('data-sim-key')!;
    expect(controlIn(injector, first).map((c) => c.orderId)).toEqual([before]);

    sim.scrollToRow(5);
    await settle();
    // The same element now shows another order (row 5 is drawn by the element of row 0).
    expect(shown()).toHaveLength(5);
    expect(first.isConnected).toBe(true);
    const now = first.getAttribute('data-sim-key')!;
    expect(now).not.toBe(before);
    const inFirst = controlIn(injector, first);
    expect(inFirst.map((c) => c.orderId)).toEqual([now]);
    for (const el of shown()) {
      const id = el.getAttribute('data-sim-key')!;
      expect(controlIn(injector, el).map((c) => c.orderId)).toEqual(isOpen(book.find((o) => o.id === id)!) ? [id] : []);
    }
    button(inFirst[0]!).click();
    await settle();
    expect(sent.filter((m) => m.type === 'cancel').map((m) => m.orderId)).toEqual([now]);
  });

  it('a control whose element was recycled under it (before the observer ran) refuses and cancels nothing', async () => {
    const book = longBook('pocketful');
    const { sim, injector } = await mount('pocketful', 'recycle', book);
    const first = shown()[0]!;
    const old = controlIn(injector, first)[0]!;
    (watcher as unknown as { observer: MutationObserver }).observer.disconnect();
    sim.scrollToRow(5);
    expect(first.getAttribute('data-sim-key')).not.toBe(old.orderId);
    expect(first.contains(old.host)).toBe(true);
    button(old).click();
    await settle();
    expect(sent.filter((m) => m.type === 'cancel')).toEqual([]);
    expect(old.state).toBe('failed');
  });
});

describe('controls on split rows and in shadow roots', () => {
  it('split rows: one control per order, in the actions cell of the other half; a click cancels that order', async () => {
    const book = orders('pacetrader', SAMPLES.pacetrader);
    const { injector } = await mount('pacetrader', 'split', book);
    const open = book.filter(isOpen);
    expect(controls(injector).map((c) => c.orderId).sort()).toEqual(open.map((o) => o.id).sort());
    const target = open[1]!;
    const half = document.querySelector(`#ag-second [data-sim-key="${target.id}"]`)!;
    const [control] = controlIn(injector, half);
    expect(control?.orderId).toBe(target.id);
    expect(control!.host.parentElement!.getAttribute('aria-colindex')).toBe('8');
    button(control!).click();
    await settle();
    expect(sent.filter((m) => m.type === 'cancel').map((m) => m.orderId)).toEqual([target.id]);
  });

  it('shadow root: controls inside it, and a row re-rendered there is followed (the root is watched)', async () => {
    const book = orders('tradernet', SAMPLES.tradernet);
    const { sim, injector } = await mount('tradernet', 'shadow', book);
    const root = shadowOf('tn-orders-widget');
    expect(root.querySelectorAll('[data-quickcancel]')).toHaveLength(book.filter(isOpen).length);
    const target = book.find(isOpen)!;
    await sim.set(book.map((o) => (o.id === target.id ? { ...o, status: 'filled' as const, filled: o.quantity } : o)));
    await settle();
    expect(root.querySelector(`[data-sim-key="${target.id}"] [data-quickcancel]`)).toBeNull();
    expect(controls(injector).map((c) => c.orderId)).not.toContain(target.id);
  });

  it('no id column: rows get controls once the venue\'s list is known, each for the order its fields show', async () => {
    const book = orders('zebpay-futures', SAMPLES['zebpay-futures']);
    const { injector } = await mount('zebpay-futures', 'no-id', book, knownOf(book));
    for (const el of shown()) expect(controlIn(injector, el).map((c) => c.orderId)).toEqual([el.getAttribute('data-sim-key')]);
  });
});
