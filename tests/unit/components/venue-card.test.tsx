import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { $, byText, choose, click, mount, replies, sent, submit, type, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { VenueCard, expiryText } = await import('../../../components/options/VenueCard');
const send = vi.mocked(api.send);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  send.mockReset();
  vi.restoreAllMocks();
});

type Props = Parameters<typeof VenueCard>[0];
const card = (props: Partial<Props> & Pick<Props, 'venue'>) =>
  mount(<VenueCard vault="unlocked" summary={undefined} enabled onToggle={() => undefined} onChanged={() => undefined} {...props} />);
const fields = (root: HTMLElement) => [...root.querySelectorAll<HTMLInputElement>('form [name]')].map((el) => `${el.name}:${el.type}`);

describe('a venue card', () => {
  it('builds the form from the venue’s schema, with where to get the keys and how long they last', () => {
    const root = card({ venue: 'coinswitch' });
    expect(fields(root)).toEqual(['apiKey:text', 'secretKey:password']);
    expect(root.textContent).toContain('open “API Trading” and generate a key pair');
    expect(root.textContent).toContain('generating a new pair invalidates the old one');
    expect($(root, '[data-summary]').textContent).toContain('No keys yet.');
  });

  it('ZebPay: key and secret, or a JWT', async () => {
    const root = card({ venue: 'zebpay-futures' });
    expect(fields(root)).toEqual(['authKind:select-one', 'apiKey:text', 'secretKey:password']);
    await choose($(root, 'select[name=authKind]'), 'jwt');
    expect(fields(root)).toEqual(['authKind:select-one', 'jwt:password']);
  });

  it('checks the fields with the schema first and sends nothing while they are wrong', async () => {
    const root = card({ venue: 'coinswitch' });
    await type($(root, '[name=apiKey]'), 'abc');
    await submit($(root, 'form'));
    expect($(root, '#coinswitch-apiKey-help').textContent).toBe('API key must be the 64-hex-character API key (the Ed25519 public key)');
    expect($(root, '#coinswitch-secretKey-help').textContent).toBe('Secret key is required');
    expect(send).not.toHaveBeenCalled();
  });

  it('hands the typed keys (trimmed) to the background once, then forgets them', async () => {
    const onChanged = vi.fn();
    send.mockImplementation(replies({ 'credentials.set': { ok: true } }));
    const root = card({ venue: 'coinswitch', onChanged });
    await type($(root, '[name=apiKey]'), `  ${COINSWITCH_TEST_CREDENTIALS.apiKey}\n`);
    await type($(root, '[name=secretKey]'), COINSWITCH_TEST_CREDENTIALS.secretKey);
    await submit($(root, 'form'));
    expect(sent(send)).toEqual([{ type: 'credentials.set', venue: 'coinswitch', credentials: { ...COINSWITCH_TEST_CREDENTIALS } }]);
    expect(($(root, '[name=secretKey]') as HTMLInputElement).value).toBe('');
    expect(onChanged).toHaveBeenCalled();
    expect(root.textContent).toContain('Saved.');
  });

  it('Tradernet on another domain asks for that host permission first; a refusal sends nothing', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const root = card({ venue: 'tradernet' });
    await type($(root, '[name=publicKey]'), TRADERNET_TEST_CREDENTIALS.publicKey);
    await type($(root, '[name=privateKey]'), TRADERNET_TEST_CREDENTIALS.privateKey);
    await choose($(root, '[name=domain]'), 'freedom24.com');
    await submit($(root, 'form'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://freedom24.com/*'] });
    expect(root.textContent).toContain('QuickCancel needs your permission to reach freedom24.com');
    expect(send).not.toHaveBeenCalled();
  });

  it('Test connection counts open orders through the venue, or says why it failed', async () => {
    let reply: unknown = { ok: true, openOrders: 3 };
    send.mockImplementation(replies({ 'credentials.test': () => reply }));
    const root = card({ venue: 'tradernet', summary: { venue: 'tradernet', label: 'API key qcsim-…9a' } });
    expect($(root, '[data-summary]').textContent).toContain('Keys saved: API key qcsim-…9a.');
    await click(byText(root, 'button', 'Test connection'));
    expect($(root, '[data-note]').textContent).toBe('Connected: Tradernet / Freedom24 reports 3 open orders.');
    reply = { ok: true, outcome: { kind: 'auth-failed', message: 'Invalid api key provided' } };
    await click(byText(root, 'button', 'Test connection'));
    expect($(root, '[data-note]').textContent).toBe('Tradernet / Freedom24 refused: Invalid api key provided');
    expect($(root, '[data-note]').className).toBe('error');
  });

  it('Test connection names the scope of the count where the venue lists one symbol at a time', async () => {
    send.mockImplementation(replies({ 'credentials.test': () => ({ ok: true, openOrders: 1, scope: 'on BTCUSDT' }) }));
    const root = card({ venue: 'zebpay-futures', summary: { venue: 'zebpay-futures', label: 'API key qcsim…' } });
    await click(byText(root, 'button', 'Test connection'));
    expect($(root, '[data-note]').textContent).toBe('Connected: ZebPay Futures reports 1 open order on BTCUSDT.');
  });

  it('shows a token’s expiry, and says when it has passed', () => {
    const now = Date.UTC(2026, 10, 22, 6, 0);
    const root = card({ venue: 'pocketful', nowMs: now, summary: { venue: 'pocketful', label: 'token …0001', expiresAtMs: now + 5 * 3600_000 + 30 * 60_000 } });
    expect($(root, '[data-summary]').textContent).toContain('(in 5 h 30 min)');
    expect(expiryText(now - 1, now)).toMatchObject({ expired: true });
    expect(expiryText(now - 1, now).text).toMatch(/^Token expired .*: add a new one\.$/);
  });

  it('while locked the form is disabled and says why', () => {
    const root = card({ venue: 'pocketful', vault: 'locked' });
    expect($(root, 'fieldset').hasAttribute('disabled')).toBe(true);
    expect(root.textContent).toContain('Unlock QuickCancel above to change keys.');
    // Saved keys are listed only while unlocked: locked, the card does not claim there are none.
    expect($(root, '[data-summary]').textContent).toContain('Unlock to see the saved keys.');
  });

  it('the on/off switch reports the change', async () => {
    const onToggle = vi.fn();
    const root = card({ venue: 'pocketful', onToggle });
    await click($(root, 'input[name=enabled]'));
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it('Pace: an expiry typed in is sent as epoch ms', async () => {
    send.mockImplementation(replies({ 'credentials.set': { ok: true } }));
    const root = card({ venue: 'pocketful' });
    await type($(root, '[name=accessToken]'), 'sim-pocketful-token-0001.notARealSignature');
    await type($(root, '[name=expiresAtMs]'), '2026-11-22T23:59');
    await submit($(root, 'form'));
    expect(sent(send)).toEqual([
      { type: 'credentials.set', venue: 'pocketful', credentials: { accessToken: 'sim-pocketful-token-0001.notARealSignature', expiresAtMs: new Date('2026-11-22T23:59').getTime() } },
    ]);
  });
});
