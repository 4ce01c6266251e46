// The row menu in happy-dom, on the Tradernet terminal fixture with the venue's open orders known:
// what it offers, that opening it sends nothing, the confirmation listing exactly the scope's
// orders and the one cancel message it sends for them, the timer message and the countdown it
// leads to, and refusals (untrusted presses, a row that no longer shows its order) that send nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KnownOrder } from '../../../lib/model';
import { KnownOrders } from '../../../lib/page/detect/known';
import { discoverLayouts } from '../../../lib/page/detect/discover';
import { recipeFor } from '../../../lib/page/detect/recipes';
import { testHooks, type CancelControl } from '../../../lib/page/runtime/control';
import { Injector, type Messenger } from '../../../lib/page/runtime/inject';
import { PageWatcher } from '../../../lib/page/runtime/observe';
import { createRowMenu } from '../../../lib/page/runtime/row-menu';
import { ROW_MENU } from '../../../lib/page/runtime/row-menu-contract';
import { NO_LIST } from '../../../lib/page/runtime/row-scope';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import { orders } from './samples';

type Sent = { type: string; orderId?: string; orderIds?: string[]; scope?: object; after?: number };
let sent: Sent[];
let answer: (m: Sent) => unknown;
let watcher: PageWatcher | undefined;

const BOOK = orders('tradernet', [
  { id: '8394001', symbol: 'AAPL.US', side: 'BUY', price: 187.5, quantity: 10 },
  { id: '8394002', symbol: 'AAPL.US', side: 'SELL', price: 190, quantity: 4 },
  { id: '8394003', symbol: 'AAPL.US', side: 'BUY', price: 186, quantity: 2 },
  { id: '8394004', symbol: 'AMZN.US', side: 'BUY', price: 180, quantity: 1 },
]);
const KNOWN: KnownOrder[] = BOOK.map((o) => ({ orderId: o.id, open: true, symbol: o.symbol, side: o.side, price: String(o.price), quantity: String(o.quantity) }));

/** The menu's script as the background's injection leaves it: its factory on the (isolated world's) global. */
const scriptLoaded = (on: boolean) => {
  const scope = globalThis as { [ROW_MENU]?: unknown };
  if (on) scope[ROW_MENU] = createRowMenu;
  else delete scope[ROW_MENU];
};

beforeEach(() => {
  scriptLoaded(true);
  testHooks.acceptUntrusted = true;
  testHooks.ignoreLayout = true;
  sent = [];
  answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: false, error: 'unexpected' });
});

afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  testHooks.acceptUntrusted = false;
  testHooks.ignoreLayout = false;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const messenger: Messenger = { send: async (m) => (sent.push(m as Sent), answer(m as Sent)) as never };

async function mount(known: KnownOrder[] | null = KNOWN) {
  const fixture = namedPages().find((p) => p.name === 'tradernet')!.fixture;
  await renderFixture(document, fixture, BOOK);
  const injector = new Injector('tradernet', messenger);
  injector.venueOrders = known ? new KnownOrders(known) : undefined;
  watcher = new PageWatcher(injector, { discover: () => discoverLayouts(document, 'tradernet', recipeFor('tradernet'), [], injector.venueOrders), idleMs: 5 });
  watcher.start(document.body);
  await vi.waitFor(() => expect(document.querySelector('[data-sim-key="8394001"] [data-quickcancel]')).not.toBeNull());
  return injector;
}

const controls = (injector: Injector) => [...(injector as unknown as { controls: Set<CancelControl> }).controls];
const controlFor = (injector: Injector, id: string) => controls(injector).find((c) => c.orderId === id)!;
const shadowOf = (c: CancelControl) => (c as unknown as { shadow: ShadowRoot }).shadow;
/** The menu's buttons and lines as a person reads them (nothing when it is closed). */
const menu = (c: CancelControl) => {
  const box = shadowOf(c).querySelector<HTMLElement>('[popover]');
  return box && !box.hidden ? [...box.querySelectorAll('button,p,li')].map((el) => el.textContent).filter(Boolean) : [];
};
const pressIn = (c: CancelControl, text: string) => {
  const b = [...shadowOf(c).querySelectorAll('button')].find((el) => el.textContent!.startsWith(text));
  if (!b) throw new Error(`no "${text}" in ${menu(c).join(' | ')}`);
  b.click();
};
const cancels = () => sent.filter((m) => m.type === 'cancel');

describe('the row menu', () => {
  it('the ▾ part offers the row\'s symbol and side from the venue\'s list, and timers; opening it sends nothing', async () => {
    const control = controlFor(await mount(), '8394001');
    expect(menu(control)).toEqual([]);
    pressIn(control, '▾');
    expect(menu(control)).toEqual([
      'Cancel all AAPL.US (3)…', 'Cancel all Buy AAPL.US (2)…',
      'Cancel if not filled in 30 s', 'Cancel if not filled in 2 min', 'Cancel if not filled in 5 min',
    ]);
    expect(cancels()).toEqual([]);
    pressIn(control, '▾');
    expect(menu(control)).toEqual([]);
  });

  it('without the venue\'s list it offers no scope, and says what it needs', async () => {
    const control = controlFor(await mount(null), '8394001');
    control.host.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(menu(control)).toEqual([NO_LIST, 'Cancel if not filled in 30 s', 'Cancel if not filled in 2 min', 'Cancel if not filled in 5 min']);
  });

  it('a scope is confirmed with exactly its orders, and one cancel carries the scope and those ids; the result and each row\'s outcome show', async () => {
    const injector = await mount();
    const control = controlFor(injector, '8394001');
    pressIn(control, '▾');
    pressIn(control, 'Cancel all Buy AAPL.US (2)');
    expect(menu(control)).toEqual(['Cancel all Buy AAPL.US: exactly these 2?', '8394001 · BUY 10 @ 187.5', '8394003 · BUY 2 @ 186', 'Back', 'Cancel these 2']);
    expect(cancels()).toEqual([]);
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : {
      ok: true, appeared: 1, skipped: 0, summary: '2 cancels: 2 cancelled. 1 new AAPL.US order appeared after you confirmed and was left open.',
      entries: ['8394001', '8394003'].map((orderId) => ({ orderId, status: 'cancelled', message: 'Cancelled at the venue', attempts: 1 })),
    });
    pressIn(control, 'Cancel these 2');
    expect(cancels()).toEqual([{ type: 'cancel', venue: 'tradernet', orderId: '8394001', hints: {}, scope: { symbol: 'AAPL.US', side: 'buy' }, orderIds: ['8394001', '8394003'] }]);
    await vi.waitFor(() => expect(menu(control)).toEqual(['2 cancels: 2 cancelled. 1 new AAPL.US order appeared after you confirmed and was left open.', 'Close']));
    expect(controlFor(injector, '8394003').state).toBe('cancelled');
    expect(controlFor(injector, '8394002').state).toBe('idle');
  });

  it('a row that turns closed keeps its control while the menu shows the result, and lets it go when the menu closes', async () => {
    const injector = await mount();
    const control = controlFor(injector, '8394004');
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: true, appeared: 0, skipped: 0, summary: '1 cancel: 1 cancelled.', entries: [{ orderId: '8394004', status: 'cancelled', attempts: 1 }] });
    pressIn(control, '▾');
    pressIn(control, 'Cancel all AMZN.US (1)');
    pressIn(control, 'Cancel these 1');
    await vi.waitFor(() => expect(menu(control)).toEqual(['1 cancel: 1 cancelled.', 'Close']));
    const row = document.querySelector('[data-sim-key="8394004"]')!;
    // The venue's list, read again, has the order closed (as the page then shows it).
    row.querySelector('.order-line__status')!.textContent = 'Cancelled';
    injector.venueOrders = new KnownOrders(KNOWN.map((o) => (o.orderId === '8394004' ? { ...o, open: false } : o)));
    watcher!.refresh();
    expect(row.contains(control.host)).toBe(true);
    pressIn(control, 'Close');
    await vi.waitFor(() => expect(row.querySelector('[data-quickcancel]')).toBeNull());
    // The other rows keep theirs.
    expect(document.querySelector('[data-sim-key="8394003"] [data-quickcancel]')).not.toBeNull();
  });

  it('Back returns to the items and sends nothing; an error from the background is shown as it is', async () => {
    const control = controlFor(await mount(), '8394004');
    pressIn(control, '▾');
    pressIn(control, 'Cancel all AMZN.US (1)');
    pressIn(control, 'Back');
    expect(menu(control)[0]).toBe('Cancel all AMZN.US (1)…');
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: false, error: 'QuickCancel is locked — unlock it first' });
    pressIn(control, 'Cancel all AMZN.US (1)');
    pressIn(control, 'Cancel these 1');
    await vi.waitFor(() => expect(menu(control)[0]).toBe('QuickCancel is locked — unlock it first'));
  });

  it('untrusted presses on ▾ or on an item send nothing', async () => {
    const control = controlFor(await mount(), '8394001');
    pressIn(control, '▾');
    pressIn(control, 'Cancel all AAPL.US (3)');
    testHooks.acceptUntrusted = false;
    pressIn(control, 'Cancel these 3');
    pressIn(control, '▾');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
    expect(menu(control)).toContain('Cancel these 3');
  });

  it('an item whose row no longer shows its order refuses, says why, and sends nothing', async () => {
    const control = controlFor(await mount(), '8394001');
    pressIn(control, '▾');
    const row = document.querySelector('[data-sim-key="8394001"]')!;
    for (const cell of row.querySelectorAll('td')) if (cell.textContent === '8394001') cell.textContent = '8394999';
    pressIn(control, 'Cancel if not filled in 30 s');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
    expect(menu(control)).toContain('Not sent: the control is no longer in its order’s row');
  });

  it('a timer item sends the row\'s order with `after`, closes, and the control counts down until the timer fires', async () => {
    const injector = await mount();
    const control = controlFor(injector, '8394002');
    const fireAtMs = Date.now() + 30_000;
    answer = (m) => (m.type === 'status' ? { ok: true, entries: {} } : { ok: true, timer: { id: 't1', venue: 'tradernet', orderId: '8394002', fireAtMs, setAtMs: Date.now() } });
    pressIn(control, '▾');
    pressIn(control, 'Cancel if not filled in 2 min');
    expect(cancels()).toEqual([{ type: 'cancel', venue: 'tradernet', orderId: '8394002', hints: {}, after: 120 }]);
    await vi.waitFor(() => expect(menu(control)).toEqual([]));
    const button = shadowOf(control).querySelector('button')!;
    expect(button.textContent).toMatch(/^Cancel 0:(29|30)$/);
    expect(button.getAttribute('aria-label')).toMatch(/^Cancel order 8394002 \(AAPL\.US\) — a timer cancels it at .+ unless it fills first$/);
    injector.timers.apply([]);
    expect(button.textContent).toBe('Cancel');
  });
});

describe('the row menu\'s script, loaded on first use', () => {
  const loads = () => sent.filter((m) => m.type === 'status' && (m as { load?: string }).load);

  it('the first ▾ press asks the background for the script with one `status`, and the menu opens once it has run', async () => {
    scriptLoaded(false);
    const injector = await mount();
    const control = controlFor(injector, '8394001');
    let injected!: () => void;
    const ran = new Promise<void>((resolve) => (injected = resolve));
    answer = (m) => (m.type !== 'status' ? { ok: false, error: 'unexpected' } : (m as { load?: string }).load ? ran.then(() => ({ ok: true, entries: {} })) : { ok: true, entries: {} });
    expect(loads()).toEqual([]);
    pressIn(control, '▾');
    pressIn(control, '▾');
    expect(loads()).toEqual([{ type: 'status', venue: 'tradernet', orderIds: [], load: 'row-menu' }]);
    expect(menu(control)).toEqual([]);
    // The background's injection: the script leaves its factory, then the reply comes.
    scriptLoaded(true);
    injected();
    await vi.waitFor(() => expect(menu(control)[0]).toBe('Cancel all AAPL.US (3)…'));
    pressIn(control, '▾');
    pressIn(controlFor(injector, '8394002'), '▾');
    expect(loads()).toHaveLength(1);
    expect(cancels()).toEqual([]);
  });

  it('a load that fails says why on the ▾ part, opens nothing, sends no cancel, and the next press asks again', async () => {
    scriptLoaded(false);
    const control = controlFor(await mount(), '8394001');
    answer = (m) => (m.type === 'status' && (m as { load?: string }).load ? { ok: false, error: 'Refused: this page is not Tradernet' } : { ok: true, entries: {} });
    pressIn(control, '▾');
    const more = [...shadowOf(control).querySelectorAll('button')].find((b) => b.textContent === '▾')!;
    await vi.waitFor(() => expect(more.title).toBe('The menu could not be loaded (Refused: this page is not Tradernet); press ▾ again'));
    expect(menu(control)).toEqual([]);
    pressIn(control, '▾');
    expect(loads()).toHaveLength(2);
    expect(cancels()).toEqual([]);
  });

  it('a press the page made (untrusted) loads nothing', async () => {
    scriptLoaded(false);
    const control = controlFor(await mount(), '8394001');
    testHooks.acceptUntrusted = false;
    pressIn(control, '▾');
    control.host.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    await Promise.resolve();
    expect(loads()).toEqual([]);
  });
});
