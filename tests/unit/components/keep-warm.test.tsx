// While the popup is open on a venue, it keeps that venue's connection warm as a page showing
// orders does: it asks for the open orders every period the background gives, and stops when it
// closes or another venue is chosen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, unmountAll } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { KeepWarm } = await import('../../../components/popup/KeepWarm');
const send = vi.mocked(api.send);

afterEach(() => {
  unmountAll();
  send.mockReset();
  vi.useRealTimers();
});

const asked = (venue: string) => send.mock.calls.filter(([m]) => m.type === 'status' && m.venue === venue && (m as { orders?: boolean }).orders === true).length;

describe('the popup keeps its venue warm', () => {
  it('asks at once and again every refreshMs while open, and never after it closes', async () => {
    vi.useFakeTimers();
    send.mockResolvedValue({ ok: true, entries: {}, refreshMs: 1_000 } as never);
    mount(<KeepWarm venue="coinswitch" />);
    await vi.advanceTimersByTimeAsync(0);
    expect(asked('coinswitch')).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(asked('coinswitch')).toBe(4);
    unmountAll();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked('coinswitch')).toBe(4);
  });
});
