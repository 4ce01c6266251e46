// The hover hotkey on the page: only the extension's own message acts, only when armed, never
// while the focus is in a field, only on the row the pointer moved onto, and then through the
// same checks and the same cancel as a click.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testHooks } from '../../../lib/page/runtime/control';
import { discoverLayouts } from '../../../lib/page/detect/discover';
import { recipeFor } from '../../../lib/page/detect/recipes';
import { AIM_REFUSAL, HOVER_CANCEL, HoverHotkey, typing } from '../../../lib/page/runtime/hover-hotkey';
import { Injector, type Messenger } from '../../../lib/page/runtime/inject';
import { PageWatcher } from '../../../lib/page/runtime/observe';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import { orders, SAMPLES } from './samples';

const EXT = 'quickcancel@test';
const FROM_EXTENSION = { id: EXT };
let sent: Array<{ type: string; orderId?: string }>;
let watcher: PageWatcher | undefined;
let hover: HoverHotkey | undefined;
let armed: boolean;

const messenger: Messenger = {
  send: async (m) => {
    const sentNow = m as { type: string };
    sent.push(sentNow);
    return (sentNow.type === 'status' ? { ok: true, entries: {} } : { ok: true, entry: { status: 'cancelled', message: 'Cancelled at the venue' } }) as never;
  },
};

beforeEach(() => {
  testHooks.acceptUntrusted = true;
  testHooks.ignoreLayout = true;
  sent = [];
  armed = true;
});

afterEach(() => {
  watcher?.stop();
  hover?.stop();
  watcher = hover = undefined;
  testHooks.acceptUntrusted = false;
  testHooks.ignoreLayout = false;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function mount() {
  const fixture = namedPages().find((p) => p.name === 'pocketful')!.fixture;
  await renderFixture(document, fixture, orders('pocketful', SAMPLES.pocketful));
  const injector = new Injector('pocketful', messenger);
  watcher = new PageWatcher(injector, { discover: () => discoverLayouts(document, 'pocketful', recipeFor('pocketful'), []), idleMs: 5 });
  watcher.start(document.body);
  await vi.waitFor(() => expect(document.querySelector('[data-sim-key="202611220002"] [data-quickcancel]')).not.toBeNull());
  hover = new HoverHotkey({ controlOf: (el) => injector.controlOf(el), armed: () => armed, extensionId: EXT });
  hover.start();
  return injector;
}

/** A cell of that order's row, and the pointer moved over it (happy-dom has no hit testing: the point resolves to it). */
function pointAt(id: string, move = true) {
  const cell = document.querySelector(`[data-sim-key="${id}"] td`)!;
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(cell);
  if (move) cell.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: 10, clientY: 20 }));
  return cell;
}

const press = (sender: { id?: string; tab?: unknown } = FROM_EXTENSION) => hover!.onMessage({ type: HOVER_CANCEL }, sender);
const cancels = () => sent.filter((m) => m.type === 'cancel').map((m) => m.orderId);

describe('the hover hotkey on the page', () => {
  it('armed, over a row the pointer moved onto: cancels that order through the click path', async () => {
    await mount();
    pointAt('202611220002');
    expect(press()).toBe('sent');
    await vi.waitFor(() => expect(cancels()).toEqual(['202611220002']));
  });

  it('not armed: does nothing', async () => {
    await mount();
    armed = false;
    pointAt('202611220002');
    expect(press()).toBe('off');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it.each([
    ['an input', () => document.createElement('input')],
    ['a textarea', () => document.createElement('textarea')],
    ['a select', () => document.createElement('select')],
    [
      'a contenteditable',
      () => {
        const d = document.createElement('div');
        d.contentEditable = 'true';
        d.tabIndex = 0;
        return d;
      },
    ],
  ])('focus in %s: does nothing', async (_, make) => {
    await mount();
    pointAt('202611220002');
    const field = make();
    document.body.append(field);
    field.focus();
    expect(typing()).toBe(true);
    expect(press()).toBe('typing');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it('no order row under the pointer, or the pointer never moved: does nothing', async () => {
    await mount();
    expect(press()).toBe('no-order');
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(document.body);
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 1, clientY: 1 }));
    expect(press()).toBe('no-order');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it('a row that came under the resting pointer refuses, and says so on its control', async () => {
    const injector = await mount();
    pointAt('202611220007');
    // The page puts another order under the pointer without the pointer moving.
    pointAt('202611220002', false);
    expect(press()).toBe('refused');
    const control = injector.controlOf(document.querySelector('[data-sim-key="202611220002"] td'))!;
    expect(control.state).toBe('failed');
    expect(control.message).toBe(AIM_REFUSAL);
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it('runs the click’s row check: a row rewritten to show another order refuses', async () => {
    const injector = await mount();
    const cell = pointAt('202611220001');
    const control = injector.controlOf(cell)!;
    // Before the observer has read it.
    for (const td of document.querySelectorAll('[data-sim-key="202611220001"] td')) if (td.textContent === '202611220001') td.textContent = '202611229999';
    expect(press()).toBe('refused');
    expect(control.state).toBe('failed');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it('answers only the extension’s own message from outside any tab', async () => {
    await mount();
    pointAt('202611220002');
    expect(hover!.onMessage({ type: HOVER_CANCEL }, { id: 'another-extension' })).toBeUndefined();
    expect(hover!.onMessage({ type: HOVER_CANCEL }, { id: EXT, tab: { id: 3 } })).toBeUndefined();
    expect(hover!.onMessage({ type: 'something-else' }, FROM_EXTENSION)).toBeUndefined();
    expect(hover!.onMessage(null, FROM_EXTENSION)).toBeUndefined();
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });

  it('a page’s synthetic pointer moves are not the user aiming', async () => {
    await mount();
    testHooks.acceptUntrusted = false;
    pointAt('202611220002');
    expect(press()).toBe('no-order');
    await Promise.resolve();
    expect(cancels()).toEqual([]);
  });
});
