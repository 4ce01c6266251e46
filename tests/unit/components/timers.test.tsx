import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeTimers, type CancelTimer } from '../../../lib/timers-store';
import { $, byText, choose, click, mount, replies, sent, submit, type, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { Timers, countdown, nextClockTime } = await import('../../../components/popup/Timers');
const send = vi.mocked(api.send);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  send.mockReset();
});

const timer = (orderId: string, inMs: number): CancelTimer => ({ id: `t-${orderId}`, venue: 'pocketful', orderId, fireAtMs: Date.now() + inMs, setAtMs: Date.now() });

describe('cancel timers in the popup', () => {
  it('"cancel if not filled in N seconds" sends the seconds; the new timer shows with its countdown', async () => {
    send.mockImplementation(replies({ 'timers.list': { ok: true, timers: [] }, 'timers.set': { ok: true, timer: timer('9101', 30_000) } }));
    const root = mount(<Timers venue="pocketful" />);
    await type($(root, 'input[name=timerOrderId]'), '9101');
    await type($(root, 'input[name=timerSeconds]'), '30');
    await submit($(root, 'form'));
    expect(sent(send, 'timers.set')).toEqual([{ type: 'timers.set', venue: 'pocketful', orderId: '9101', when: { kind: 'after', seconds: 30 } }]);
    await waitFor(() => root.querySelector('[data-timer="9101"]'));
    expect($(root, '[data-timer="9101"] [data-countdown]').textContent).toMatch(/^0:[23]\d$/);
  });

  it('"cancel at HH:MM" sends the next moment the clock shows that time', async () => {
    send.mockImplementation(replies({ 'timers.list': { ok: true, timers: [] }, 'timers.set': { ok: false, error: 'x' } }));
    const root = mount(<Timers venue="pocketful" />);
    await type($(root, 'input[name=timerOrderId]'), '9101');
    await choose($(root, '#qc-timer-mode'), 'at');
    await type($(root, 'input[name=timerAt]'), '09:30');
    await submit($(root, 'form'));
    const [m] = sent(send, 'timers.set') as unknown as Array<{ when: { kind: string; atMs: number } }>;
    expect(m!.when).toEqual({ kind: 'at', atMs: nextClockTime('09:30', Date.now()) });
    expect(root.textContent).toContain('x');
  });

  it('a malformed id is refused before anything is sent', async () => {
    send.mockImplementation(replies({ 'timers.list': { ok: true, timers: [] } }));
    const root = mount(<Timers venue="coinswitch" />);
    await type($(root, 'input[name=timerOrderId]'), '12345');
    await submit($(root, 'form'));
    expect(sent(send, 'timers.set')).toEqual([]);
    expect(root.textContent).toContain('does not look like a CoinSwitch PRO order id');
  });

  it('lists the stored timers, follows changes, and removes one on request', async () => {
    let stored = [timer('1', 5_000)];
    send.mockImplementation(replies({ 'timers.list': () => ({ ok: true, timers: stored }), 'timers.remove': { ok: true } }));
    const root = mount(<Timers venue="pocketful" />);
    await waitFor(() => root.querySelector('[data-timer="1"]'));
    // Another popup set one: the background stored it, and this list follows.
    stored = [timer('1', 5_000), timer('2', 65_000)];
    await writeTimers(stored);
    await waitFor(() => root.querySelector('[data-timer="2"]'));
    await click(byText(root, 'button', 'Remove'));
    expect(sent(send, 'timers.remove')).toEqual([{ type: 'timers.remove', id: 't-1' }]);
    await waitFor(() => !root.querySelector('[data-timer="1"]'));
  });
});

describe('timer arithmetic', () => {
  it('counts down in minutes and seconds, hours when needed', () => {
    expect([countdown(7_000), countdown(750_000), countdown(3_723_000), countdown(-5)]).toEqual(['0:07', '12:30', '1:02:03', '0:00']);
  });
  it('HH:MM is today if still ahead, else tomorrow; nonsense is null', () => {
    const now = new Date(2026, 11, 2, 10, 0).getTime();
    expect(nextClockTime('10:30', now)).toBe(new Date(2026, 11, 2, 10, 30).getTime());
    expect(nextClockTime('09:30', now)).toBe(new Date(2026, 11, 3, 9, 30).getTime());
    expect(nextClockTime('25:00', now)).toBeNull();
  });
});
