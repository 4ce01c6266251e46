// Controls and observation in happy-dom: one control per cancellable row whatever the page does,
// incremental work, the status question per batch, the click → message → state loop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wordedForPage } from '../../../lib/background/page-replies';
import { LATE_FILL_WATCH_MS } from '../../../lib/outcome-text';
import { CancelControl, testHooks } from '../../../lib/page/runtime/control';
import { discoverLayouts } from '../../../lib/page/detect/discover';
import { recipeFor } from '../../../lib/page/detect/recipes';
import { Injector, SENDING_FEEDBACK_MS, type Messenger } from '../../../lib/page/runtime/inject';
import { PageWatcher } from '../../../lib/page/runtime/observe';
import type { PageRule } from '../../../lib/page/types';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import type { SimOrder } from '../../simulator/types';
import { isOpen, orders, SAMPLES } from './samples';

type Sent = { type: string; orderId?: string; orderIds?: string[]; hints?: Record<string, string>; venue?: string };

let watcher: PageWatcher | undefined;
let sent: Sent[];
// Any reply, including shapes a typed background would never send.
let answer: (m: Sent) => any;

beforeEach(() => {
  testHooks.acceptUntrusted = true;
  testHooks.ignoreLayout = true;
  sent = [];
  answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: true, entry: { status: 'cancelled', message: 'Cancelled at the venue' } });
});

afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  testHooks.acceptUntrusted = false;
  testHooks.ignoreLayout = false;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

/** The background's "the request has left" for the last message sent. */
let requestLeft: (() => void) | undefined;
// Replies are worded as the background's router words them for a page (page-replies.ts).
const messenger: Messenger = { send: async (m, onSent) => (sent.push(m as Sent), (requestLeft = onSent), wordedForPage(await answer(m as Sent))) };
const fixture = (name: string) => namedPages().find((p) => p.name === name)!.fixture;

async function mount(name = 'pocketful', book: SimOrder[] = orders('pocketful', SAMPLES.pocketful), opts: { rules?: PageRule[]; lazyAbove?: number } = {}) {
  const sim = await renderFixture(document, fixture(name), book);
  const injector = new Injector('pocketful', messenger, { lazyAbove: opts.lazyAbove });
  watcher = new PageWatcher(injector, { discover: () => discoverLayouts(document, 'pocketful', recipeFor('pocketful'), opts.rules ?? []), idleMs: 5 });
  watcher.start(document.body);
  return { sim, injector, watcher };
}

const controlsIn = (row: Element | null) => row?.querySelectorAll('[data-quickcancel]').length ?? 0;
const rowOf = (id: string) => document.querySelector(`[data-sim-key="${id}"]`);
/** Every shown order's control count, by id. */
const counts = () => Object.fromEntries([...document.querySelectorAll('[data-sim-key]')].map((r) => [r.getAttribute('data-sim-key'), controlsIn(r)]));
const expectedCounts = (book: SimOrder[]) => Object.fromEntries(book.map((o) => [o.id, isOpen(o) ? 1 : 0]));
const controls = (injector: Injector) => [...(injector as unknown as { controls: Set<CancelControl> }).controls];
const button = (c: CancelControl) => (c as unknown as { button: HTMLButtonElement }).button;
const controlFor = (injector: Injector, id: string) => controls(injector).find((c) => c.orderId === id)!;
/** The state of the control whose host is in this row (the page's DOM says nothing of it). */
const stateIn = (injector: Injector, row: Element | null) => controls(injector).find((c) => row?.contains(c.host))?.state;

describe('controls', () => {
  it('one per cancellable row, in its actions cell, inside a closed shadow root, with a label naming the order', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { injector } = await mount('pocketful', book);
    expect(counts()).toEqual(expectedCounts(book));
    const host = rowOf('202611220002')!.querySelector('td.actions > [data-quickcancel]') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull();
    expect(Object.keys(host)).toEqual([]);
    const b = button(controlFor(injector, '202611220002'));
    expect(b.tagName).toBe('BUTTON');
    expect(b.getAttribute('aria-label')).toBe('Cancel order 202611220002 (TCS)');
    expect([...host.attributes].map((a) => a.name).sort()).toEqual(['data-quickcancel', 'style']);
    expect(host.tagName).toBe('SPAN');
    expect(controlFor(injector, '202611220002').state).toBe('idle');
  });

  it('acts on a click only when it is trusted', async () => {
    const { injector } = await mount();
    testHooks.acceptUntrusted = false;
    button(controlFor(injector, '202611220002')).click();
    controlFor(injector, '202611220002').host.click();
    await Promise.resolve();
    expect(sent.filter((m) => m.type === 'cancel')).toEqual([]);
  });

  it('a control the page moved into another row, or whose row now shows another order, refuses and goes back to its own row', async () => {
    const { injector } = await mount();
    const moved = controlFor(injector, '202611220002');
    rowOf('202611220007')!.querySelector('td.actions')!.prepend(moved.host);
    button(moved).click();
    await Promise.resolve();
    expect(sent.filter((m) => m.type === 'cancel')).toEqual([]);
    expect(moved.state).toBe('failed');
    expect(rowOf('202611220002')!.contains(moved.host)).toBe(true);
    expect(controlsIn(rowOf('202611220007'))).toBe(1);

    // The row is rewritten to show another order before the observer has read it.
    const row = rowOf('202611220001')!;
    const control = controlFor(injector, '202611220001');
    for (const cell of row.querySelectorAll('td')) if (cell.textContent === '202611220001') cell.textContent = '202611229999';
    button(control).click();
    await Promise.resolve();
    expect(sent.filter((m) => m.type === 'cancel')).toEqual([]);
  });

  it('sends one cancel with the row\'s hints, shows "Sending…" once the request has left, then the outcome with its message as tooltip', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : gate.then(() => ({ ok: true, entry: { status: 'cancelled', message: 'Cancelled at the venue' } })));
    const { injector } = await mount();
    const control = controlFor(injector, '202611220002');
    button(control).click();
    button(control).click(); // a second click before anything is drawn sends nothing
    expect(control.state).toBe('idle');
    requestLeft!();
    expect(control.state).toBe('sending');
    button(control).click(); // nor does one while sending
    release();
    await vi.waitFor(() => expect(control.state).toBe('cancelled'));
    expect(sent.filter((m) => m.type === 'cancel')).toEqual([
      { type: 'cancel', venue: 'pocketful', orderId: '202611220002', hints: { symbol: 'TCS', side: 'SELL', quantity: '5', price: '4120.00', type: 'CO' } },
    ]);
    expect(button(control).title).toBe('Cancelled at the venue');
    expect(button(control).disabled).toBe(true);
  });

  it(`shows "Sending…" within ${SENDING_FEEDBACK_MS} ms even when the request has not left yet (an order to look up first)`, async () => {
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : new Promise(() => undefined));
    const { injector } = await mount();
    const control = controlFor(injector, '202611220002');
    vi.useFakeTimers();
    try {
      button(control).click();
      vi.advanceTimersByTime(SENDING_FEEDBACK_MS - 1);
      expect(control.state).toBe('idle');
      vi.advanceTimersByTime(1);
      expect(control.state).toBe('sending');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a cancelled order is asked about again once the late-fill watch is over: a corrected outcome reaches the row', async () => {
    const { injector } = await mount();
    const control = controlFor(injector, '202611220002');
    vi.useFakeTimers();
    try {
      button(control).click();
      await vi.waitFor(() => expect(control.state).toBe('cancelled'));
      answer = (m) => (m.type === 'status'
        ? { ok: true, entries: { '202611220002': { status: 'already-closed', attempts: 1, message: 'Filled before the cancel took effect', outcome: { kind: 'already-closed', filled: { qty: 5, of: 5 } } } } }
        : { ok: false, error: 'no second cancel' });
      await vi.advanceTimersByTimeAsync(LATE_FILL_WATCH_MS + 1000);
      await vi.waitFor(() => expect(control.state).toBe('closed'));
      expect(button(control).title).toBe('Filled before the cancel arrived (5 of 5). Filled before the cancel took effect');
      expect(sent.filter((m) => m.type === 'cancel')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a failure in place and lets the user try again', async () => {
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: false, error: 'Add Pocketful credentials in Settings first' });
    const { injector } = await mount();
    const control = controlFor(injector, '202611220001');
    button(control).click();
    await vi.waitFor(() => expect(control.state).toBe('failed'));
    expect(button(control).title).toBe('Add Pocketful credentials in Settings first');
    button(control).click();
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'cancel')).toHaveLength(2));
  });
});

describe('following the page', () => {
  it('a row re-rendered 20 times (new element, or new cells in the same element) keeps exactly one control and its state', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, injector, watcher } = await mount('pocketful', book);
    button(controlFor(injector, '202611220002')).click();
    await vi.waitFor(() => expect(controlFor(injector, '202611220002').state).toBe('cancelled'));
    for (let i = 0; i < 20; i++) {
      sim.rerender('202611220002', i % 2 ? 'patch' : 'replace');
      if (i % 3 === 0) watcher.flush(); // sometimes one batch per re-render, sometimes several re-renders per batch
    }
    watcher.flush();
    expect(counts()).toEqual(expectedCounts(book));
    expect(stateIn(injector, rowOf('202611220002'))).toBe('cancelled');
    expect(controls(injector)).toHaveLength(book.filter(isOpen).length);
  });

  it('a whole-list refresh, rows added and rows removed are followed', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, injector, watcher } = await mount('pocketful', book);
    const next = [...book.slice(2), ...orders('pocketful', [{ id: '202611230001', symbol: 'WIPRO' }, { id: '202611230002', status: 'filled', filled: 1 }])];
    await sim.set(next);
    watcher.flush();
    expect(counts()).toEqual(expectedCounts(next));
    expect(controls(injector)).toHaveLength(next.filter(isOpen).length);
  });

  it('a row whose status turns filled loses its control; a cancelled one too', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, watcher } = await mount('pocketful', book);
    expect(controlsIn(rowOf('202611220001'))).toBe(1);
    const next = book.map((o) => (o.id === '202611220001' ? { ...o, status: 'filled' as const, filled: o.quantity } : o.id === '202611220004' ? { ...o, status: 'cancelled' as const } : o));
    await sim.set(next);
    watcher.flush();
    expect(controlsIn(rowOf('202611220001'))).toBe(0);
    expect(controlsIn(rowOf('202611220004'))).toBe(0);
    expect(counts()).toEqual(expectedCounts(next));
  });

  it('a control that goes from a row the page keeps leaves a box of its size, so the table does not move; rows drawn anew keep it; a control put back takes its place', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, watcher, injector } = await mount('pocketful', book);
    const room = (id: string) => rowOf(id)?.querySelector<HTMLElement>('[data-quickcancel-room]');
    const closed = book.map((o) => (o.id === '202611220001' ? { ...o, status: 'cancelled' as const } : o));
    await sim.set(closed);
    watcher.flush();
    expect(controlsIn(rowOf('202611220001'))).toBe(0);
    expect(room('202611220001')?.style.cssText).toContain('width: 88px; height: 22px; margin: 0px 4px');
    expect(room('202611220001')?.getAttribute('aria-hidden')).toBe('true');
    // A row that never had a control gets no room: nothing of it changes.
    expect(room('202611220003')).toBeFalsy();

    sim.rerender('202611220001', 'replace');
    watcher.flush();
    expect(room('202611220001')).toBeTruthy();
    expect(rowOf('202611220001')!.querySelectorAll('[data-quickcancel-room]')).toHaveLength(1);

    await sim.set(book);
    watcher.flush();
    expect(controlsIn(rowOf('202611220001'))).toBe(1);
    expect(room('202611220001')).toBeFalsy();

    await sim.set(closed);
    watcher.flush();
    injector.destroy();
    expect(document.querySelectorAll('[data-quickcancel-room], [data-quickcancel]')).toHaveLength(0);
  });

  it('in-place changes: a status edited in its text node, a control taken out by the page', async () => {
    const { watcher } = await mount('pacetrader' as string, orders('pacetrader', SAMPLES.pacetrader));
    // (pacetrader fixture, read as pocketful: the generic detector; the recipe is Pocketful's)
    const row = rowOf('202611220001')!;
    expect(controlsIn(row)).toBe(1);
    row.querySelector('.tl-status')!.firstChild!.nodeValue = 'Complete';
    watcher.flush();
    expect(controlsIn(row)).toBe(0);
    row.querySelector('.tl-status')!.firstChild!.nodeValue = 'Open';
    watcher.flush();
    expect(controlsIn(row)).toBe(1);
    (row.querySelector('td[data-col="action"]') as HTMLElement).innerHTML = '<button>Modify</button>';
    watcher.flush();
    expect(controlsIn(row)).toBe(1);
  });

  it('work follows the change: one changed row is read once, not the whole book', async () => {
    const book = orders('pocketful', Array.from({ length: 300 }, (_, i) => ({ id: String(202611240000 + i) })));
    const { injector, watcher } = await mount('pocketful', book, { lazyAbove: Infinity });
    const layout = injector.layouts[0]!;
    const read = vi.spyOn(layout, 'read');
    rowOf('202611240150')!.querySelector('.status')!.textContent = 'COMPLETE';
    watcher.flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(controlsIn(rowOf('202611240150'))).toBe(0);
    read.mockClear();
    rowOf('202611240151')!.remove();
    watcher.flush();
    expect(read).not.toHaveBeenCalled();
    expect(controls(injector)).toHaveLength(298);
  });

  it('batches per task: many changes, one pass, without animation frames', async () => {
    const raf = vi.fn();
    vi.stubGlobal('requestAnimationFrame', raf);
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim } = await mount('pocketful', book);
    const next = book.map((o) => ({ ...o, status: 'filled' as const }));
    await sim.set(next);
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0));
    expect(raf).not.toHaveBeenCalled();
  });

  it('SPA navigation: the book leaves (controls gone), comes back (controls back)', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { injector, watcher } = await mount('pocketful', book);
    const main = document.querySelector('main')!;
    const saved = main.innerHTML;
    main.innerHTML = '<p>Watchlist</p>';
    watcher.flush();
    expect(injector.size).toBe(0);
    expect(controls(injector)).toHaveLength(0);
    main.innerHTML = saved.replace(/<span data-quickcancel[^>]*><\/span>/g, '');
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(book.filter(isOpen).length));
  });

  it('asks the background about new order ids once per batch, and shows what it knows', async () => {
    answer = (m) =>
      m.type === 'status'
        ? { ok: true, entries: { '202611220007': { orderId: '202611220007', status: 'sending' }, '202611220004': { orderId: '202611220004', status: 'rejected', message: 'Order already in exchange' } } }
        : { ok: true, entry: { status: 'cancelled' } };
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, injector, watcher } = await mount('pocketful', book);
    const status = () => sent.filter((m) => m.type === 'status');
    expect(status()).toHaveLength(1);
    expect(status()[0]!.orderIds!.sort()).toEqual(book.map((o) => o.id).sort());
    await vi.waitFor(() => expect(controlFor(injector, '202611220007').state).toBe('sending'));
    expect(controlFor(injector, '202611220004').state).toBe('failed');
    sim.rerender('202611220007');
    await sim.set([...book, ...orders('pocketful', [{ id: '202611250001' }])]);
    watcher.flush();
    expect(status()).toHaveLength(2);
    expect(status()[1]!.orderIds).toEqual(['202611250001']);
    expect(stateIn(injector, rowOf('202611220007'))).toBe('sending');
  });

  it('removes stray copies of the control (a cloned row, an older instance) so a row never shows two', async () => {
    const { watcher } = await mount();
    const row = rowOf('202611220001')!;
    const stray = document.createElement('span');
    stray.setAttribute('data-quickcancel', '');
    row.querySelector('td.price')!.append(stray);
    row.querySelector('td.actions')!.replaceChildren();
    watcher.flush();
    expect(controlsIn(row)).toBe(1);
  });

  it('user page rules make an unknown list work', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    await mount('variant/mystery', book, { rules: [{ venue: 'pocketful', row: '#book li.ordr', idSelector: '.ref', statusSelector: '.st' }] });
    expect(counts()).toEqual(expectedCounts(book));
    expect(document.querySelector('li.ordr .slot [data-quickcancel]')).not.toBeNull();
  });

  it('on a big book, rows are read (and get their control) as they come into view', async () => {
    const observed: Element[] = [];
    let callback!: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void;
    vi.stubGlobal('IntersectionObserver', class {
      constructor(cb: typeof callback) { callback = cb; }
      observe(el: Element) { observed.push(el); }
      unobserve(el: Element) { observed.splice(observed.indexOf(el), 1); }
      disconnect() { observed.length = 0; }
    });
    const book = orders('pocketful', Array.from({ length: 40 }, (_, i) => ({ id: String(202611260000 + i), status: i === 38 ? 'filled' as const : 'open' as const })));
    const { sim, injector, watcher } = await mount('pocketful', book, { lazyAbove: 10 });
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
    expect(observed).toHaveLength(40);
    expect(sent.filter((m) => m.type === 'status')).toHaveLength(0);
    callback(observed.slice(0, 5).map((target) => ({ target, isIntersecting: true })));
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(4); // one of the five is filled
    expect(observed).toHaveLength(35);
    expect(controls(injector)).toHaveLength(4);
    expect(sent.filter((m) => m.type === 'status')[0]!.orderIds).toHaveLength(5);
    // A small change is read at once, seen or not; a whole-list re-render waits again.
    sim.rerender('202611260030');
    watcher.flush();
    expect(controlsIn(rowOf('202611260030'))).toBe(1);
    await sim.refresh();
    watcher.flush();
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
    expect(observed).toHaveLength(40);
    expect(injector.size).toBe(40);
  });

  it('a page without an order book: no controls, no messages, only a cheap look once its DOM settles', async () => {
    document.body.innerHTML = '<main><h1>Markets</h1><ul id="ticker"></ul></main>';
    const discover = vi.fn(() => discoverLayouts(document, 'pocketful', recipeFor('pocketful')));
    const injector = new Injector('pocketful', messenger);
    watcher = new PageWatcher(injector, { discover, idleMs: 20 });
    watcher.start(document.body);
    expect(discover).toHaveBeenCalledTimes(1);
    const ticker = document.getElementById('ticker')!;
    for (let i = 0; i < 30; i++) {
      ticker.innerHTML = `<li>NIFTY ${24000 + i}</li>`;
      await Promise.resolve();
    }
    expect(discover).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(discover).toHaveBeenCalledTimes(2));
    expect(sent).toEqual([]);
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
    // The order book shows up (SPA navigation): it is found and followed from then on.
    document.querySelector('main')!.innerHTML = `<table><thead><tr><th>Order No.</th><th>Status</th><th></th></tr></thead>
      <tbody><tr><td>202611280001</td><td>OPEN</td><td></td></tr><tr><td>202611280002</td><td>COMPLETE</td><td></td></tr></tbody></table>`;
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(1));
    expect(sent.filter((m) => m.type === 'status')).toHaveLength(1);
  });

  it('stopping (the extension was updated or reloaded) removes every control and stops watching', async () => {
    const book = orders('pocketful', SAMPLES.pocketful);
    const { sim, watcher: w } = await mount('pocketful', book);
    w.stop();
    watcher = undefined;
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
    await sim.set([...book, ...orders('pocketful', [{ id: '202611270001' }])]);
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
  });
});
