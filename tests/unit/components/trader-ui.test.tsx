// The trader-facing pieces: a long order id shown start and end with a copy button, each daily
// token's remaining life in the popup, and a venue's own behaviour on its options card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings-defaults';
import { $, choose, click, mount, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const { OrderId } = await import('../../../components/popup/OrderId');
const { Expiry } = await import('../../../components/popup/Expiry');
const { VenueBehaviour, withChoice } = await import('../../../components/options/VenueBehaviour');

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const UUID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const MIN = 60_000;

describe('a long order id', () => {
  it('keeps its last 8 characters apart from the part that may be cut, and the whole id in text, tooltip and copy label', () => {
    const root = mount(<OrderId id={UUID} venueName="CoinSwitch PRO" />);
    expect($(root, '.id-tail').textContent).toBe('1c2d3e4f');
    expect($(root, '.id-head').textContent! + $(root, '.id-tail').textContent!).toBe(UUID);
    expect($(root, '.id').textContent).toBe(`CoinSwitch PRO · ${UUID}`);
    expect($(root, '.id').getAttribute('title')).toBe(UUID);
    expect($(root, 'button').getAttribute('aria-label')).toBe(`Copy order id ${UUID}`);
  });

  it('a short id is not split', () => {
    const root = mount(<OrderId id="202611220301" venueName="Pocketful" />);
    expect(root.querySelector('.id-head')).toBeNull();
    expect($(root, '.id-tail').textContent).toBe('202611220301');
  });

  it('copy puts the whole id on the clipboard and says so; a refusal says that', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const root = mount(<OrderId id={UUID} venueName="CoinSwitch PRO" />);
    await click($(root, 'button'));
    expect(writeText).toHaveBeenCalledWith(UUID);
    expect($(root, 'button').textContent).toBe('Copied');
    writeText.mockRejectedValueOnce(new Error('denied'));
    await click($(root, 'button'));
    expect($(root, 'button').textContent).toBe('Copy failed');
  });
});

describe('token expiry in the popup', () => {
  const now = new Date(2026, 11, 2, 14, 0).getTime();
  it('each daily token with its remaining life, soonest first; near or past expiry links to its card', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    const root = mount(
      <Expiry
        nowMs={now}
        warnMinutes={30}
        configured={[
          { venue: 'pacetrader', label: 'token', expiresAtMs: now + 3 * 60 * MIN },
          { venue: 'tradernet', label: 'keys' },
          { venue: 'pocketful', label: 'token', expiresAtMs: now + 12 * MIN },
          { venue: 'zebpay-futures', label: 'JWT', expiresAtMs: now - 5 * MIN },
        ]}
      />,
    );
    const rows = [...root.querySelectorAll('li')].map((li) => [li.getAttribute('data-expiry'), li.getAttribute('data-phase'), li.querySelector('span')!.textContent]);
    expect(rows).toEqual([
      ['zebpay-futures', 'expired', 'Your ZebPay Futures token expired at 13:55 — paste a new one in Settings.'],
      ['pocketful', 'soon', 'Pocketful token: 12 min left (expires at 14:12).'],
      ['pacetrader', 'ok', 'PaceTrader token: 3 h 0 min left (expires at 17:00).'],
    ]);
    expect($(root, '[data-expiry=pacetrader]').querySelector('button')).toBeNull();
    await click($(root, '[data-expiry=pocketful] button'));
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/options\.html#venue=pocketful$/) });
  });

  it('nothing when no saved credentials expire', () => {
    const root = mount(<Expiry nowMs={now} warnMinutes={30} configured={[{ venue: 'tradernet', label: 'keys' }]} />);
    expect(root.innerHTML).toBe('');
  });
});

describe('a venue’s own behaviour', () => {
  it('"use global" removes the override; on/off set it', () => {
    expect(withChoice({ sound: true, confirmSingle: false }, 'sound', 'global')).toEqual({ confirmSingle: false });
    expect(withChoice(undefined, 'confirmSingle', 'on')).toEqual({ confirmSingle: true });
    expect(withChoice({ confirmSingle: true }, 'confirmSingle', 'off')).toEqual({ confirmSingle: false });
  });

  it('each select shows the venue’s choice and the global value, and sends the whole overrides map', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, sound: false, venues: { pacetrader: { sound: true }, pocketful: { confirmSingle: true } } };
    const onChange = vi.fn();
    const root = mount(<VenueBehaviour venue="pacetrader" name="PaceTrader" settings={settings} onChange={onChange} />);
    expect(($(root, '#pacetrader-behaviour-sound') as HTMLSelectElement).value).toBe('on');
    expect(($(root, '#pacetrader-behaviour-confirmSingle') as HTMLSelectElement).value).toBe('global');
    expect($(root, 'label[for=pacetrader-behaviour-sound]').textContent).toBe('PaceTrader: Play a sound on each outcome');
    expect($(root, '#pacetrader-behaviour-confirmSingle option').textContent).toBe('Use global (off)');
    await choose($(root, '#pacetrader-behaviour-confirmSingle') as HTMLSelectElement, 'on');
    expect(onChange).toHaveBeenLastCalledWith({ pacetrader: { sound: true, confirmSingle: true }, pocketful: { confirmSingle: true } });
    await choose($(root, '#pacetrader-behaviour-sound') as HTMLSelectElement, 'global');
    expect(onChange).toHaveBeenLastCalledWith({ pocketful: { confirmSingle: true } });
  });
});
