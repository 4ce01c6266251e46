import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../lib/model';
import { $, byText, click, entry, mount, replies, sent, settle, submit, type, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { CancelAll, summarize } = await import('../../../components/popup/CancelAll');
const send = vi.mocked(api.send);

afterEach(() => {
  unmountAll();
  send.mockReset();
});

const open = (key: string, state = 'open', more: Record<string, unknown> = {}) => ({ key, state, venueStatus: state.toUpperCase(), cancelFields: {}, ...more });

describe('cancel-all with the exact list', () => {
  it('lists exactly the open orders, focuses Back, and sends only their keys', async () => {
    send.mockImplementation(
      replies({
        'open-orders': { ok: true, orders: [open('1', 'open', { symbol: 'TCS', side: 'SELL' }), open('2'), open('3', 'in-flight'), open('4', 'closed')] },
        'cancel-orders': { ok: true, appeared: 0, entries: [entry({ status: 'cancelled' }), entry({ status: 'cancelled' }), entry({ status: 'already-closed' })] },
      }),
    );
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    const dialog = $(root, '[role=alertdialog]');
    expect(dialog.textContent).toContain('Cancel these 3 open orders on Pocketful?');
    expect([...dialog.querySelectorAll('li[data-order]')].map((li) => li.getAttribute('data-order'))).toEqual(['1', '2', '3']);
    expect(dialog.querySelector('li[data-order="1"]')!.textContent).toContain('TCS SELL');
    // The destructive button is not where Enter goes.
    expect(document.activeElement?.textContent).toBe('Back');
    expect(sent(send, 'cancel-orders')).toEqual([]);
    await click(byText(root, 'button', 'Cancel these 3'));
    expect(sent(send, 'cancel-orders')).toEqual([{ type: 'cancel-orders', venue: 'pocketful', orderIds: ['1', '2', '3'], listed: ['1', '2', '3'] }]);
    expect(sent(send, 'cancel-all')).toEqual([]);
    expect($(root, '[data-cancel-all=done]').textContent).toBe('3 cancels: 2 cancelled, 1 already closed.');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('says how many orders appeared after the confirmation and were left open', async () => {
    send.mockImplementation(replies({
      'open-orders': { ok: true, orders: [open('1')] },
      'cancel-orders': { ok: true, appeared: 2, entries: [entry({ status: 'cancelled' })] },
    }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    await click(byText(root, 'button', 'Cancel these 1'));
    expect($(root, '[data-cancel-all=done]').textContent).toBe('1 cancel: 1 cancelled. 2 new orders appeared after you confirmed and were left open.');
  });

  it('a venue that lists more open orders than were read: the question and the result both say so, and the result is not a success', async () => {
    send.mockImplementation(replies({
      'open-orders': { ok: true, orders: [open('1'), open('2')], more: true },
      'cancel-orders': { ok: true, appeared: 0, entries: [entry({ status: 'cancelled' }), entry({ status: 'cancelled' })] },
    }));
    const root = mount(<CancelAll venue="coinswitch" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on CoinSwitch PRO…'));
    const rest = 'CoinSwitch PRO lists more open orders than QuickCancel could read: cancel the rest on CoinSwitch PRO.';
    expect($(root, '[role=alertdialog]').textContent).toContain(rest);
    await click(byText(root, 'button', 'Cancel these 2'));
    const done = $(root, '[data-cancel-all=done]');
    expect(done.textContent).toBe(`2 cancels: 2 cancelled. ${rest}`);
    expect(done.className).toBe('error');
  });

  it('the same without asking first (confirmation off): the result says so', async () => {
    send.mockImplementation(replies({
      'open-orders': { ok: true, orders: [open('1')], more: true },
      'cancel-orders': { ok: true, appeared: 0, entries: [entry({ status: 'cancelled' })] },
    }));
    const root = mount(<CancelAll venue="coinswitch" confirmCancelAll={false} />);
    await click(byText(root, 'button', 'Cancel all on CoinSwitch PRO…'));
    expect($(root, '[data-cancel-all=done]').textContent).toContain('lists more open orders than QuickCancel could read');
  });

  it('the result follows the journal while an entry is still being verified', async () => {
    const checking = entry({ status: 'unknown' });
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('1')] }, 'cancel-orders': { ok: true, appeared: 0, entries: [checking] } }));
    let setLive: (e: JournalEntry[]) => void = () => undefined;
    function Live() {
      const [live, set] = useState<JournalEntry[]>([checking]);
      setLive = set;
      return <CancelAll venue="pocketful" confirmCancelAll entries={live} />;
    }
    const root = mount(<Live />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    await click(byText(root, 'button', 'Cancel these 1'));
    expect($(root, '[data-cancel-all=done]').textContent).toBe('1 cancel: 1 unknown — verifying.');
    await act(() => setLive([{ ...checking, status: 'cancelled' }]));
    await settle();
    expect($(root, '[data-cancel-all=done]').textContent).toBe('1 cancel: 1 cancelled.');
  });

  it('Back (or Escape) cancels nothing', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('1')] } }));
    const root = mount(<CancelAll venue="tradernet" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Tradernet / Freedom24…'));
    expect(root.textContent).toContain('Cancel these 1 open order on Tradernet / Freedom24?');
    await click(byText(root, 'button', 'Back'));
    await click(byText(root, 'button', 'Cancel all on Tradernet / Freedom24…'));
    $(root, '[role=alertdialog]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    expect(sent(send, 'cancel-orders')).toEqual([]);
  });

  it('with no open orders it says so and asks nothing', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('9', 'closed')] } }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect(root.textContent).toContain('No open orders on Pocketful.');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    expect(sent(send, 'cancel-orders')).toEqual([]);
  });

  it('without the confirmation it still cancels only the orders it listed', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('5')] }, 'cancel-orders': { ok: true, appeared: 0, entries: [entry({ status: 'rejected' })] } }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll={false} />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect(sent(send)).toEqual([{ type: 'open-orders', venue: 'pocketful' }, { type: 'cancel-orders', venue: 'pocketful', orderIds: ['5'], listed: ['5'] }]);
    expect($(root, '[data-cancel-all=done]').textContent).toBe('1 cancel: 1 rejected.');
    expect($(root, '[data-cancel-all=done]').className).toBe('error');
  });

  it('ZebPay: asks for the symbols to list, then lists and cancels per order on them (never the venue-wide endpoint)', async () => {
    send.mockImplementation(replies({
      'open-orders': (m: { symbols?: string[] }) => (m.symbols ? { ok: true, orders: [open('zb-1', 'open', { symbol: 'BTCUSDT' })], symbols: m.symbols } : { ok: true, uncounted: true }),
      'cancel-orders': { ok: true, appeared: 0, entries: [entry({ status: 'cancelled', venue: 'zebpay-futures' })] },
    }));
    const root = mount(<CancelAll venue="zebpay-futures" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on ZebPay Futures…'));
    await type($(root, 'input[name=symbols]'), 'btcusdt, ethusdt');
    await submit($(root, 'form'));
    expect($(root, '[role=alertdialog]').textContent).toContain('(BTCUSDT, ETHUSDT)');
    await click(byText(root, 'button', 'Cancel these 1'));
    expect(sent(send, 'cancel-orders')).toEqual([{ type: 'cancel-orders', venue: 'zebpay-futures', orderIds: ['zb-1'], listed: ['zb-1'], symbols: ['BTCUSDT', 'ETHUSDT'] }]);
    expect(sent(send, 'cancel-all')).toEqual([]);
  });

  it('says why the venue could not be asked', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, outcome: { kind: 'auth-failed', message: 'Request Unauthorised' } } }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect(root.textContent).toContain('Could not list open orders: Request Unauthorised');
  });

  it('summarize counts each outcome', () => {
    expect(summarize([entry({ status: 'cancelled' }), entry({ status: 'rate-limited' }), entry({ status: 'cancelled' })])).toBe('3 cancels: 2 cancelled, 1 rate limited.');
  });
});
