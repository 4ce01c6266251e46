import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry } from '../../../lib/model';
import { $, byText, choose, click, entry, mount, replies, sent, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { ScopedCancel } = await import('../../../components/popup/ScopedCancel');
const { Panic } = await import('../../../components/popup/Panic');
const send = vi.mocked(api.send);

afterEach(() => {
  unmountAll();
  send.mockReset();
});

const o = (key: string, symbol: string, side: string, createdAtMs: number, orderType?: string) => ({ key, state: 'open', venueStatus: 'OPEN', symbol, side, createdAtMs, cancelFields: {}, ...(orderType ? { orderType } : {}) });
const BOOK = [o('11', 'TCS', 'BUY', 1000), o('12', 'TCS', 'SELL', 2000), o('13', 'INFY', 'BUY', 3000), o('14', 'TCS', 'BUY', 4000)];
const listed = (root: HTMLElement) => [...root.querySelectorAll('[role=alertdialog] li[data-order]')].map((li) => li.getAttribute('data-order'));

describe('scoped cancel', () => {
  it('symbol + side: the confirmation lists exactly the matching orders, and only their keys are sent', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: BOOK }, 'cancel-orders': { ok: true, appeared: 0, entries: [entry(), entry()] } }));
    const root = mount(<ScopedCancel venue="pocketful" />);
    await click(byText(root, 'button', 'Cancel some on Pocketful…'));
    await choose($(root, '#qc-scope-symbol'), 'TCS');
    await choose($(root, '#qc-scope-side'), 'BUY');
    expect($(root, '[data-scope-count]').textContent).toBe('2 of 4 open orders match.');
    // No venue here gave a type: no type filter to pretend with.
    expect(root.querySelector('#qc-scope-type')).toBeNull();
    await click(byText(root, 'button', 'Review 2…'));
    expect($(root, '[role=alertdialog]').textContent).toContain('Cancel all open buy TCS orders on Pocketful: exactly these 2?');
    expect(listed(root)).toEqual(['14', '11']);
    expect(document.activeElement?.textContent).toBe('Back');
    await click(byText(root, 'button', 'Cancel these 2'));
    expect(sent(send, 'cancel-orders')).toEqual([{ type: 'cancel-orders', venue: 'pocketful', orderIds: ['14', '11'], listed: ['11', '12', '13', '14'] }]);
    expect($(root, '[data-scoped=done]').textContent).toBe('2 cancels: 2 cancelled.');
  });

  it('the last order placed, and a type filter where the venue gives types', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [o('21', 'BTCUSDT', 'BUY', 1, 'LIMIT'), o('22', 'BTCUSDT', 'BUY', 2, 'STOP'), o('23', 'BTCUSDT', 'SELL', 3, 'LIMIT')] }, 'cancel-orders': { ok: true, appeared: 0, entries: [entry()] } }));
    const root = mount(<ScopedCancel venue="zebpay-futures" />);
    await click(byText(root, 'button', 'Cancel some on ZebPay Futures…'));
    await choose($(root, '#qc-scope-type'), 'LIMIT');
    await act(() => ($(root, '#qc-scope-last') as HTMLInputElement).click());
    expect($(root, '[data-scope-count]').textContent).toBe('1 of 3 open orders match.');
    await click(byText(root, 'button', 'Review 1…'));
    expect(listed(root)).toEqual(['23']);
    await click(byText(root, 'button', 'Cancel these 1'));
    expect(sent(send, 'cancel-orders')[0]).toMatchObject({ orderIds: ['23'] });
  });

  it('nothing matching: nothing to review, nothing sent', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: BOOK } }));
    const root = mount(<ScopedCancel venue="pocketful" />);
    await click(byText(root, 'button', 'Cancel some on Pocketful…'));
    await choose($(root, '#qc-scope-symbol'), 'INFY');
    await choose($(root, '#qc-scope-side'), 'SELL');
    expect((byText(root, 'button', 'Review 0…') as HTMLButtonElement).disabled).toBe(true);
    expect(sent(send, 'cancel-orders')).toEqual([]);
  });
});

describe('panic', () => {
  it('asks first (Back focused), then reports per venue, "checking" until the journal resolves it', async () => {
    const a = entry({ venue: 'pocketful', status: 'cancelled' });
    const b = entry({ venue: 'pocketful', status: 'unknown' });
    const c = entry({ venue: 'tradernet', status: 'already-closed' });
    send.mockImplementation(replies({ panic: { ok: true, venues: [
      { venue: 'pocketful', entries: [a, b] },
      { venue: 'tradernet', entries: [c] },
      { venue: 'coinswitch', outcome: { kind: 'auth-failed', message: 'Invalid signature' } },
      { venue: 'zebpay-futures', entries: [entry({ venue: 'zebpay-futures', orderId: '*', status: 'cancelled' })] },
    ] } }));
    let setLive: (e: JournalEntry[]) => void = () => undefined;
    function Live() {
      const [live, set] = useState<JournalEntry[]>([]);
      setLive = set;
      return <Panic venues={['pocketful', 'tradernet', 'coinswitch', 'zebpay-futures']} confirm entries={live} />;
    }
    const root = mount(<Live />);
    await click(byText(root, 'button', 'Panic: cancel everything…'));
    expect($(root, '[role=alertdialog]').textContent).toContain('Cancel every open order on 4 venues (Pocketful, Tradernet / Freedom24, CoinSwitch PRO, ZebPay Futures)?');
    expect(document.activeElement?.textContent).toBe('Back');
    expect(sent(send, 'panic')).toEqual([]);
    await click(byText(root, 'button', 'Cancel everything'));
    expect(sent(send, 'panic')).toHaveLength(1);
    const line = (v: string) => $(root, `[data-panic-venue="${v}"]`).textContent;
    expect(line('pocketful')).toBe('Pocketful: 1 cancelled, 0 already closed, 0 failed, 1 checking');
    expect(line('tradernet')).toBe('Tradernet / Freedom24: 0 cancelled, 1 already closed, 0 failed');
    expect(line('coinswitch')).toBe('CoinSwitch PRO: failed — Invalid signature');
    expect(line('zebpay-futures')).toBe("ZebPay Futures: every open order (the venue's own cancel-all) — cancelled");
    await act(() => setLive([{ ...b, status: 'cancelled' }]));
    expect(line('pocketful')).toBe('Pocketful: 2 cancelled, 0 already closed, 0 failed');
  });

  it('with confirmation off in Settings the button acts at once; opened by the shortcut it still asks', async () => {
    send.mockImplementation(replies({ panic: { ok: true, venues: [] } }));
    const direct = mount(<Panic venues={['pocketful']} confirm={false} />);
    await click(byText(direct, 'button', 'Panic: cancel everything…'));
    expect(sent(send, 'panic')).toHaveLength(1);
    unmountAll();
    send.mockClear();
    const shortcut = mount(<Panic venues={['pocketful']} confirm autoStart />);
    expect($(shortcut, '[role=alertdialog]').textContent).toContain('Cancel every open order on 1 venue (Pocketful)?');
    expect(sent(send, 'panic')).toEqual([]);
  });

  it('a venue that lists more open orders than were read: its line says the rest are still open', async () => {
    send.mockImplementation(replies({ panic: { ok: true, venues: [{ venue: 'coinswitch', entries: [entry({ venue: 'coinswitch', status: 'cancelled' })], more: true }] } }));
    const root = mount(<Panic venues={['coinswitch']} confirm={false} />);
    await click(byText(root, 'button', 'Panic: cancel everything…'));
    expect($(root, '[data-panic-venue="coinswitch"]').textContent).toBe(
      'CoinSwitch PRO: 1 cancelled, 0 already closed, 0 failed — and more open orders than QuickCancel could read: cancel the rest on CoinSwitch PRO',
    );
  });

  it('no venue with keys: nothing to press', () => {
    const root = mount(<Panic venues={[]} confirm />);
    expect((byText(root, 'button', 'Panic: cancel everything…') as HTMLButtonElement).disabled).toBe(true);
  });
});
