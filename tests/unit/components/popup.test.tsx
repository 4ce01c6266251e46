import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JOURNAL_PREFIX } from '../../../lib/journal-store';
import { $, byText, choose, click, entry, mount, replies, sent, submit, type, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { Popup } = await import('../../../components/popup/Popup');
const send = vi.mocked(api.send);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  send.mockReset();
  vi.mocked(api.openOptions).mockReset();
});

const unlocked = (venues: string[]) => ({ ok: true, state: 'unlocked', configured: venues.map((venue) => ({ venue, label: 'token …0001' })) });

describe('the popup', () => {
  it('first run: a short path to the options page, and no cancel controls', async () => {
    send.mockImplementation(replies({ 'vault.status': { ok: true, state: 'uninitialized', configured: [] } }));
    const root = mount(<Popup />);
    await waitFor(() => root.textContent!.includes('not set up yet'));
    expect(root.querySelector('input[name=orderId]')).toBeNull();
    await click(byText(root, 'button', 'Open Settings'));
    expect(api.openOptions).toHaveBeenCalled();
  });

  it('locked: a passphrase field; a wrong passphrase is refused and said so', async () => {
    let state = 'locked';
    send.mockImplementation(
      replies({
        'vault.status': () => ({ ok: true, state, configured: [{ venue: 'pocketful', label: 'token …0001' }] }),
        'vault.unlock': (m: { passphrase: string }) => {
          if (m.passphrase !== 'correct horse battery staple') return { ok: false, error: 'Wrong passphrase' };
          state = 'unlocked';
          return { ok: true };
        },
      }),
    );
    const root = mount(<Popup />);
    const field = await waitFor(() => $(root, 'input[type=password]'));
    expect(root.querySelector('input[name=orderId]')).toBeNull();
    await type(field, 'nope');
    await submit($(root, 'form.unlock'));
    expect($(root, '#qc-passphrase-error').textContent).toBe('Wrong passphrase');
    expect((field as HTMLInputElement).value).toBe('');

    await type(field, 'correct horse battery staple');
    await submit($(root, 'form.unlock'));
    await waitFor(() => root.querySelector('input[name=orderId]'));
    expect(sent(send, 'vault.unlock')).toEqual([
      { type: 'vault.unlock', passphrase: 'nope' },
      { type: 'vault.unlock', passphrase: 'correct horse battery staple' },
    ]);
  });

  it('says so when the background cannot be reached', async () => {
    send.mockImplementation(replies({ 'vault.status': { ok: false, error: 'QuickCancel’s background did not answer.' } }));
    const root = mount(<Popup />);
    await waitFor(() => root.querySelector('[role=alert]'));
    expect(root.textContent).toContain('QuickCancel’s background did not answer.');
  });

  it('unlocked: picks the remembered venue, lists only enabled venues, remembers a new choice', async () => {
    await fakeBrowser.storage.local.set({ settings: { lastQuickCancelVenue: 'tradernet', disabledVenues: ['pacetrader'] } });
    send.mockImplementation(replies({ 'vault.status': unlocked(['pocketful', 'tradernet']), 'settings.set': { ok: true } }));
    const root = mount(<Popup />);
    const select = (await waitFor(() => $(root, 'select#qc-venue'))) as HTMLSelectElement;
    expect(select.value).toBe('tradernet');
    expect([...select.options].map((o) => o.value)).toEqual(['pocketful', 'zebpay-futures', 'tradernet', 'coinswitch']);
    expect(byText(select, 'option', /CoinSwitch/).textContent).toBe('CoinSwitch PRO (no keys yet)');
    expect($(root, 'input[name=orderId]').getAttribute('placeholder')).toBe('order id, e.g. 512734880');

    await choose(select, 'coinswitch');
    expect(sent(send, 'settings.set')).toEqual([{ type: 'settings.set', settings: { lastQuickCancelVenue: 'coinswitch' } }]);
    expect(root.textContent).toContain('No CoinSwitch PRO keys yet.');
    expect(root.querySelector('input[name=orderId]')).toBeNull();
    await choose(select, 'pocketful');
    expect(root.querySelector('input[name=orderId]')).not.toBeNull();
    expect(root.textContent).toContain('Cancel all on Pocketful…');
  });

  it('lock button locks', async () => {
    let state = 'unlocked';
    send.mockImplementation(replies({ 'vault.status': () => ({ ...unlocked([]), state }), 'vault.lock': () => ((state = 'locked'), { ok: true }) }));
    const root = mount(<Popup />);
    await click(await waitFor(() => byText(root, 'button', 'Lock')));
    await waitFor(() => root.querySelector('form.unlock'));
  });

  it('shows the history live, newest first, while the vault state loads', async () => {
    send.mockImplementation(() => new Promise(() => undefined));
    const e = entry({ orderId: 'A1', status: 'sending', startedAtMs: 5 });
    await fakeBrowser.storage.local.set({ [`${JOURNAL_PREFIX}${e.id}`]: e });
    const root = mount(<Popup />);
    await waitFor(() => root.querySelector('li[data-status=sending]'));
    expect(root.textContent).toContain('Checking QuickCancel’s state…');
    await fakeBrowser.storage.local.set({ [`${JOURNAL_PREFIX}${e.id}`]: { ...e, status: 'cancelled' } });
    await waitFor(() => root.querySelector('li[data-status=cancelled]'));
  });
});
