// What a content script runs: page rules read from storage at start and followed as they change,
// messages over a port to the background, everything torn down when the extension context goes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pocketfulPage } from '../../../lib/venues/pace-oms/page';
import { zebpayFuturesPage as zebpayPage } from '../../../lib/venues/zebpay-futures/page';
import { startPage } from '../../../lib/page/runtime/run';
import { serveContentPort } from '../../../lib/background/ports';
import { portPair } from '../fake-port';
import { namedPages } from '../../simulator/pages';
import { renderFixture } from '../../simulator/pages/spa';
import { isOpen, orders, SAMPLES } from './samples';

const rule = { venue: 'pocketful', row: '#book li.ordr', idSelector: '.ref', statusSelector: '.st' };
let invalidate: () => void = () => undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  invalidate();
  document.body.innerHTML = '';
});

function start() {
  const callbacks: Array<() => void> = [];
  const ctx = { signal: new AbortController().signal, isValid: true, onInvalidated: (cb: () => void) => callbacks.push(cb) };
  invalidate = () => callbacks.splice(0).forEach((cb) => cb());
  startPage(pocketfulPage, ctx);
}

/** Every message the page sends on its port, answered with no entries. */
function recordPortMessages(): Array<{ type: string; orders?: boolean; symbols?: string[] }> {
  const messages: Array<{ type: string; orders?: boolean; symbols?: string[] }> = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const { client, server } = portPair(info?.name ?? '');
    serveContentPort(server, async (message) => {
      messages.push(message as (typeof messages)[number]);
      return { ok: true, entries: {} };
    });
    return client;
  }) as unknown as typeof fakeBrowser.runtime.connect);
  return messages;
}

describe('startPage', () => {
  it('follows the user\'s page rules from storage, at start and as they change; asks for status over its port', async () => {
    const messages: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
      const { client, server } = portPair(info?.name ?? '');
      serveContentPort(server, async (message) => {
        messages.push(message);
        return { ok: true, entries: {} };
      });
      return client;
    }) as unknown as typeof fakeBrowser.runtime.connect);
    await fakeBrowser.storage.local.set({ pageRules: [rule, { venue: 'tradernet', row: 'li', idSelector: 'b' }, { junk: true }] });
    const book = orders('pocketful', SAMPLES.pocketful);
    await renderFixture(document, namedPages().find((p) => p.name === 'variant/mystery')!.fixture, book);
    start();
    const open = book.filter(isOpen).length;
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(open));
    await vi.waitFor(() => expect(messages).toContainEqual(expect.objectContaining({ type: 'status', venue: 'pocketful' })));

    await fakeBrowser.storage.local.set({ pageRules: [] });
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0));
    await fakeBrowser.storage.local.set({ pageRules: [rule] });
    await vi.waitFor(() => expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(open));

    invalidate();
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
  });

  it('asks ZebPay, which lists open orders per symbol, for the symbols the page\'s rows show', async () => {
    const messages = recordPortMessages();
    const book = orders('zebpay-futures', SAMPLES['zebpay-futures']);
    await renderFixture(document, namedPages().find((p) => p.name === 'zebpay-futures')!.fixture, book);
    const callbacks: Array<() => void> = [];
    invalidate = () => callbacks.splice(0).forEach((cb) => cb());
    startPage(zebpayPage, { signal: new AbortController().signal, isValid: true, onInvalidated: (cb: () => void) => callbacks.push(cb) });
    await vi.waitFor(() => expect(messages.some((m) => m.orders)).toBe(true));
    const shown = [...new Set(book.filter(isOpen).map((o) => o.symbol))].sort();
    expect(messages.find((m) => m.orders)!.symbols!.slice().sort()).toEqual(shown);
  });

  it('a ZebPay page without ids drawn after the script started: asked without symbols first, then again with the ones it shows', async () => {
    const messages = recordPortMessages();
    const callbacks: Array<() => void> = [];
    invalidate = () => callbacks.splice(0).forEach((cb) => cb());
    startPage(zebpayPage, { signal: new AbortController().signal, isValid: true, onInvalidated: (cb: () => void) => callbacks.push(cb) });
    await vi.waitFor(() => expect(messages.filter((m) => m.orders)).toHaveLength(1));
    expect(messages.find((m) => m.orders)!.symbols).toBeUndefined();
    const book = orders('zebpay-futures', SAMPLES['zebpay-futures']);
    await renderFixture(document, namedPages().find((p) => p.name === 'shapes/zebpay-futures/no-id')!.fixture, book);
    await vi.waitFor(() => expect(messages.filter((m) => m.orders)).toHaveLength(2), { timeout: 3000 });
    expect(messages.filter((m) => m.orders)[1]!.symbols!.slice().sort()).toEqual([...new Set(book.filter(isOpen).map((o) => o.symbol))].sort());
  });

  it('does nothing when the context is already gone', () => {
    const ac = new AbortController();
    ac.abort();
    document.body.innerHTML = '<table><thead><tr><th>Order ID</th></tr></thead><tbody><tr><td>202611220001</td></tr></tbody></table>';
    startPage(pocketfulPage, { signal: ac.signal, isValid: false, onInvalidated: () => undefined });
    expect(document.querySelectorAll('[data-quickcancel]')).toHaveLength(0);
  });
});
