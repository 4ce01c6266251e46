import { afterEach, describe, expect, it, vi } from 'vitest';
import { $, byText, click, entry, mount, replies, sent, submit, type, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { QuickCancel } = await import('../../../components/popup/QuickCancel');
const send = vi.mocked(api.send);

afterEach(() => {
  unmountAll();
  send.mockReset();
});

const UUID = '698ed406-8ef5-4664-9779-f7978702a447';
const order = { key: UUID, state: 'open', venueStatus: 'OPEN', symbol: 'BTC/INR', side: 'buy', quantity: 0.5, price: 5_000_000, cancelFields: {} };

function setup(props: Partial<Parameters<typeof QuickCancel>[0]> = {}) {
  const root = mount(<QuickCancel venue="coinswitch" confirmSingle={false} entries={[]} previewDelayMs={0} {...props} />);
  return { root, input: $(root, 'input[name=orderId]'), button: $(root, 'button[type=submit]'), form: $(root, 'form') };
}

describe('quick-cancel by order id', () => {
  it('checks the id against the venue’s format and says what it expects; nothing is sent', async () => {
    const { root, input, button } = setup();
    expect(button.hasAttribute('disabled')).toBe(true);
    await type(input, '12345');
    expect(root.textContent).toContain('That does not look like a CoinSwitch PRO order id: expected a UUID like');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(send).not.toHaveBeenCalled();
  });

  it('shows the order the venue reports before anything is cancelled', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order } }));
    const { root, input, button } = setup();
    await type(input, ` ${UUID} `);
    await waitFor(() => root.querySelector('[data-preview=found]'));
    expect($(root, '[data-preview=found]').textContent).toContain('BTC/INR buy qty 0.5 @ 5000000');
    expect($(root, '[data-preview=found]').textContent).toContain('OPEN');
    expect(sent(send)).toEqual([{ type: 'preview', venue: 'coinswitch', orderId: UUID }]);
    expect(button.hasAttribute('disabled')).toBe(false);
  });

  it('says "not found" for an id the venue does not know, and will not send a cancel for it', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order: null } }));
    const { root, input, button, form } = setup({ venue: 'tradernet' });
    await type(input, '4242');
    await waitFor(() => root.querySelector('[data-preview=missing]'));
    expect(root.textContent).toContain('Not found: Tradernet / Freedom24 has no open order 4242.');
    expect(button.hasAttribute('disabled')).toBe(true);
    await submit(form);
    expect(sent(send, 'cancel')).toEqual([]);
  });

  it('says "already closed" when the venue reports the order closed', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order: { ...order, state: 'closed', venueStatus: 'EXECUTED' } } }));
    const { root, input } = setup();
    await type(input, UUID);
    await waitFor(() => root.querySelector('[data-preview=missing]'));
    expect(root.textContent).toContain('Already closed at CoinSwitch PRO (EXECUTED): nothing to cancel.');
  });

  it('says why a look-up failed (auth, no keys) in the venue’s words', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order: null, outcome: { kind: 'auth-failed', message: 'Invalid Access' } } }));
    const { root, input } = setup();
    await type(input, UUID);
    await waitFor(() => root.querySelector('[data-preview=error]'));
    expect(root.textContent).toContain('Could not look it up: Invalid Access');
  });

  it('one press cancels: {type: cancel, venue, orderId, hints: {}}, and the outcome is shown', async () => {
    const first = entry({ venue: 'coinswitch', orderId: UUID, status: 'pending', message: 'Cancel accepted, not yet confirmed' });
    send.mockImplementation(replies({ preview: { ok: true, order }, cancel: { ok: true, entry: first } }));
    const { root, input, form } = setup();
    await type(input, UUID);
    await submit(form);
    expect(sent(send, 'cancel')).toEqual([{ type: 'cancel', venue: 'coinswitch', orderId: UUID, hints: {} }]);
    expect($(root, '[data-result]').getAttribute('data-result')).toBe('pending');
    expect($(root, '[data-result] .badge').textContent).toBe('pending…');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('updates the shown outcome when the history entry changes', async () => {
    const first = entry({ venue: 'coinswitch', orderId: UUID, status: 'sending' });
    send.mockImplementation(replies({ preview: { ok: true, order }, cancel: { ok: true, entry: first } }));
    const { render } = await import('preact');
    const root = document.createElement('div');
    document.body.append(root);
    const view = (entries: (typeof first)[]) => <QuickCancel venue="coinswitch" confirmSingle={false} entries={entries} previewDelayMs={0} />;
    render(view([]), root);
    await type($(root, 'input'), UUID);
    await submit($(root, 'form'));
    expect($(root, '[data-result] .badge').textContent).toBe('sending…');
    render(view([{ ...first, status: 'cancelled', message: 'Cancelled' }]), root);
    await waitFor(() => $(root, '[data-result] .badge').textContent === 'cancelled');
    render(null, root);
    root.remove();
  });

  it('asks first when "confirm before a single cancel" is on', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order }, cancel: { ok: true, entry: entry({ venue: 'coinswitch' }) } }));
    const { root, input, form, button } = setup({ confirmSingle: true });
    await type(input, UUID);
    await waitFor(() => root.querySelector('[data-preview=found]'));
    await submit(form);
    expect(sent(send, 'cancel')).toEqual([]);
    expect(root.textContent).toContain('Cancel BTC/INR buy qty 0.5 @ 5000000 at CoinSwitch PRO?');
    expect(button.textContent).toBe('Confirm cancel');
    await click(byText(root, 'button', 'Keep it'));
    expect(sent(send, 'cancel')).toEqual([]);
    await submit(form);
    await submit(form);
    expect(sent(send, 'cancel')).toHaveLength(1);
  });

  it('shows a refused cancel in plain words', async () => {
    send.mockImplementation(replies({ preview: { ok: true, order }, cancel: { ok: false, error: 'Malformed message: orderId: too long' } }));
    const { root, input, form } = setup();
    await type(input, UUID);
    await submit(form);
    expect(root.textContent).toContain('Malformed message: orderId: too long');
    expect((input as HTMLInputElement).value).toBe(UUID);
  });
});
