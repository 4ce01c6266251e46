import { afterEach, describe, expect, it, vi } from 'vitest';
import { $, byText, click, entry, mount, replies, sent, settle, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { CancelAll, summarize } = await import('../../../components/popup/CancelAll');
const send = vi.mocked(api.send);

afterEach(() => {
  unmountAll();
  send.mockReset();
});

const open = (key: string, state = 'open') => ({ key, state, venueStatus: state.toUpperCase(), cancelFields: {} });

describe('cancel-all', () => {
  it('asks once, saying how many open orders the venue reports, then cancels them all', async () => {
    send.mockImplementation(
      replies({
        'open-orders': { ok: true, orders: [open('1'), open('2'), open('3', 'in-flight'), open('4', 'closed')] },
        'cancel-all': { ok: true, entries: [entry({ status: 'cancelled' }), entry({ status: 'cancelled' }), entry({ status: 'already-closed' })] },
      }),
    );
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect($(root, '[role=alertdialog]').textContent).toContain('Cancel all 3 open orders on Pocketful?');
    expect(sent(send, 'cancel-all')).toEqual([]);
    await click(byText(root, 'button', 'Cancel all 3'));
    expect(sent(send)).toEqual([{ type: 'open-orders', venue: 'pocketful' }, { type: 'cancel-all', venue: 'pocketful' }]);
    expect($(root, '[data-cancel-all=done]').textContent).toBe('3 cancels: 2 cancelled, 1 already closed.');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
  });

  it('"Keep them" (or Escape) cancels nothing', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('1')] } }));
    const root = mount(<CancelAll venue="tradernet" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Tradernet / Freedom24…'));
    expect(root.textContent).toContain('Cancel all 1 open order on Tradernet / Freedom24?');
    await click(byText(root, 'button', 'Keep them'));
    await click(byText(root, 'button', 'Cancel all on Tradernet / Freedom24…'));
    $(root, '[role=alertdialog]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    expect(sent(send, 'cancel-all')).toEqual([]);
  });

  it('with no open orders it says so and asks nothing', async () => {
    send.mockImplementation(replies({ 'open-orders': { ok: true, orders: [open('9', 'closed')] } }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect(root.textContent).toContain('No open orders on Pocketful.');
    expect(root.querySelector('[role=alertdialog]')).toBeNull();
    expect(sent(send, 'cancel-all')).toEqual([]);
  });

  it('does not ask when the confirmation is turned off', async () => {
    send.mockImplementation(replies({ 'cancel-all': { ok: true, entries: [entry({ status: 'rejected' })] } }));
    const root = mount(<CancelAll venue="pocketful" confirmCancelAll={false} />);
    await click(byText(root, 'button', 'Cancel all on Pocketful…'));
    expect(sent(send)).toEqual([{ type: 'cancel-all', venue: 'pocketful' }]);
    expect($(root, '[data-cancel-all=done]').textContent).toBe('1 cancel: 1 rejected.');
    expect($(root, '[data-cancel-all=done]').className).toBe('error');
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
