import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { $, byText, choose, click, mount, replies, sent, submit, type, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { Options } = await import('../../../components/options/Options');
const send = vi.mocked(api.send);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
});
afterEach(() => {
  unmountAll();
  send.mockReset();
  vi.restoreAllMocks();
});

function vaultIn(initial: string, configured: unknown[] = []) {
  const vault = { state: initial, configured };
  return {
    vault,
    table: {
      'vault.status': () => ({ ok: true, ...vault }),
      'vault.setup': () => ((vault.state = 'unlocked'), { ok: true }),
      'vault.lock': () => ((vault.state = 'locked'), { ok: true }),
      'vault.unlock': (m: { passphrase: string }) => (m.passphrase === 'right passphrase' ? ((vault.state = 'unlocked'), { ok: true }) : { ok: false, error: 'Wrong passphrase' }),
      'vault.change-passphrase': (m: { current: string }) => (m.current === 'right passphrase' ? { ok: true } : { ok: false, error: 'The current passphrase is wrong' }),
      'vault.wipe': () => ((vault.state = 'uninitialized'), (vault.configured = []), { ok: true }),
      'settings.set': { ok: true },
    } as Record<string, unknown>,
  };
}

describe('options: the vault', () => {
  it('first use: sets the passphrase (twice, ≥ 8 characters); key forms wait for it', async () => {
    const { table } = vaultIn('uninitialized');
    send.mockImplementation(replies(table));
    const root = mount(<Options />);
    const form = await waitFor(() => $(root, 'form[aria-label="Set passphrase"]'));
    expect($(root, '#venue-pocketful fieldset').hasAttribute('disabled')).toBe(true);
    expect($(root, '#venue-pocketful').textContent).toContain('Choose a passphrase above first');

    await type($(root, '#setup-next'), 'short');
    await type($(root, '#setup-repeat'), 'short');
    await submit(form);
    expect(form.textContent).toContain('Use at least 8 characters.');
    await type($(root, '#setup-next'), 'a long passphrase');
    await type($(root, '#setup-repeat'), 'a long passphrasf');
    await submit(form);
    expect(form.textContent).toContain('The two new passphrases differ.');
    expect(sent(send, 'vault.setup')).toEqual([]);

    await type($(root, '#setup-repeat'), 'a long passphrase');
    await submit(form);
    expect(sent(send, 'vault.setup')).toEqual([{ type: 'vault.setup', passphrase: 'a long passphrase' }]);
    await waitFor(() => byText(root, 'button', 'Lock now'));
    expect($(root, '#venue-pocketful fieldset').hasAttribute('disabled')).toBe(false);
  });

  it('locked: unlock refuses a wrong passphrase; lock now; change passphrase reports the venue’s refusal', async () => {
    const { table } = vaultIn('locked');
    send.mockImplementation(replies(table));
    const root = mount(<Options />);
    const field = await waitFor(() => $(root, '#qc-passphrase'));
    await type(field, 'wrong');
    await submit($(root, 'form.unlock'));
    expect(root.textContent).toContain('Wrong passphrase');
    await type(field, 'right passphrase');
    await submit($(root, 'form.unlock'));
    await waitFor(() => byText(root, 'button', 'Lock now'));

    await type($(root, '#change-current'), 'nope');
    await type($(root, '#change-next'), 'another passphrase');
    await type($(root, '#change-repeat'), 'another passphrase');
    await submit($(root, 'form[aria-label="Change passphrase"]'));
    expect(root.textContent).toContain('The current passphrase is wrong');
    expect(sent(send, 'vault.change-passphrase')).toEqual([{ type: 'vault.change-passphrase', current: 'nope', next: 'another passphrase' }]);

    await click(byText(root, 'button', 'Lock now'));
    await waitFor(() => $(root, '#qc-passphrase'));
  });

  it('wipe asks first and says what goes', async () => {
    const { table } = vaultIn('unlocked', [{ venue: 'pocketful', label: 'token …0001' }]);
    send.mockImplementation(replies(table));
    const root = mount(<Options />);
    await click(await waitFor(() => byText(root, 'button', 'Wipe everything…')));
    expect($(root, '[aria-label="Confirm wipe"]').textContent).toContain('Delete every API key, every setting and the whole cancel history');
    await click(byText(root, 'button', 'Keep everything'));
    expect(sent(send, 'vault.wipe')).toEqual([]);
    await click(byText(root, 'button', 'Wipe everything…'));
    await click(byText(root, 'button', 'Wipe everything'));
    expect(sent(send, 'vault.wipe')).toHaveLength(1);
    await waitFor(() => $(root, 'form[aria-label="Set passphrase"]'));
  });

  it('auto-lock time is a setting', async () => {
    send.mockImplementation(replies(vaultIn('unlocked').table));
    const root = mount(<Options />);
    const select = await waitFor(() => $(root, '#auto-lock'));
    expect((select as HTMLSelectElement).value).toBe('30');
    await choose(select, '0');
    expect(sent(send, 'settings.set')).toEqual([{ type: 'settings.set', settings: { autoLockMinutes: 0 } }]);
  });
});

describe('options: settings, shortcuts', () => {
  it('shows the defaults (confirm single off, cancel-all on, notifications on, sound off) and saves a change', async () => {
    send.mockImplementation(replies(vaultIn('unlocked').table));
    const root = mount(<Options />);
    const box = (k: string) => $(root, `#setting-${k}`) as HTMLInputElement;
    await waitFor(() => box('confirmSingle'));
    expect([box('confirmSingle').checked, box('confirmCancelAll').checked, box('notifications').checked, box('sound').checked]).toEqual([false, true, true, false]);
    await click(box('confirmSingle'));
    expect(sent(send, 'settings.set')).toEqual([{ type: 'settings.set', settings: { confirmSingle: true } }]);
  });

  it('a refused setting is reported, not shown as saved', async () => {
    send.mockImplementation(replies({ ...vaultIn('unlocked').table, 'settings.set': { ok: false, error: 'Malformed message' } }));
    const root = mount(<Options />);
    await click(await waitFor(() => $(root, '#setting-sound')));
    expect(root.textContent).toContain('Not saved: Malformed message');
    expect(($(root, '#setting-sound') as HTMLInputElement).checked).toBe(false);
  });

  it('lists the current shortcuts and opens the browser’s shortcut page', async () => {
    vi.mocked(fakeBrowser.commands.getAll).mockResolvedValue([
      { name: '_execute_action', shortcut: 'Alt+Shift+Q', description: '' },
      { name: 'cancel-last', shortcut: '', description: 'Retry the last cancel' },
    ]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    send.mockImplementation(replies(vaultIn('unlocked').table));
    const root = mount(<Options />);
    const table = await waitFor(() => $(root, 'table.shortcuts'));
    expect(table.textContent).toContain('Open the popup');
    expect(table.textContent).toContain('Alt+Shift+Q');
    expect(table.textContent).toContain('Retry the last cancelnot set');
    await click(byText(root, 'button', 'Change shortcuts…'));
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
