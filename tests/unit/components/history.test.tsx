import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { JournalStatus } from '../../../lib/model';
import { JOURNAL_PREFIX } from '../../../lib/journal-store';
import { $, byText, click, entry, mount, replies, sent, settle, unmountAll, waitFor } from './dom';

vi.mock('@/components/api', () => ({ send: vi.fn(), openOptions: vi.fn() }));
const api = await import('../../../components/api');
const { History, ROW_HEIGHT, VIEWPORT_HEIGHT } = await import('../../../components/popup/History');
const { useJournal } = await import('../../../components/useJournal');

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  vi.mocked(api.send).mockReset();
});

const LABELS: Record<JournalStatus, string> = {
  sending: 'sending…',
  verifying: 'verifying…',
  cancelled: 'cancelled',
  pending: 'pending…',
  'already-closed': 'already closed',
  rejected: 'rejected',
  'auth-failed': 'auth failed',
  'rate-limited': 'rate limited',
  unknown: 'unknown — verifying',
  'not-sent': 'not sent',
};

describe('the history list', () => {
  it('says what was filled: "Cancelled — 3 of 10 filled", "Filled before the cancel arrived (10 of 10)"', () => {
    const root = mount(
      <History
        entries={[
          entry({ orderId: 'PART', message: 'Order Cancelled Successfully', outcome: { kind: 'cancelled', filled: { qty: 3, of: 10 } } }),
          entry({ orderId: 'FULL', status: 'already-closed', message: 'Filled before the cancel took effect', outcome: { kind: 'already-closed', filled: { qty: 10, of: 10 } } }),
          entry({ orderId: 'NONE', message: 'Order Cancelled Successfully', outcome: { kind: 'cancelled' } }),
        ]}
      />,
    );
    const line = (id: string) => root.querySelector(`li[data-entry] strong[title="${id}"]`)!.closest('li')!.querySelector('.message')!;
    expect(line('PART').textContent).toBe('Cancelled — 3 of 10 filled. Order Cancelled Successfully');
    expect(line('PART').getAttribute('title')).toBe('Cancelled — 3 of 10 filled. Order Cancelled Successfully');
    expect(line('FULL').textContent).toBe('Filled before the cancel arrived (10 of 10). Filled before the cancel took effect');
    expect(line('NONE').textContent).toBe('Order Cancelled Successfully');
  });

  it('says in plain words that there is nothing yet', () => {
    const root = mount(<History entries={[]} />);
    expect(root.textContent).toContain('No cancels yet');
    expect(root.querySelector('li')).toBeNull();
  });

  it('shows every outcome as the truthful badge, with venue, id, symbol/side, latency and the venue’s message', () => {
    const statuses = Object.keys(LABELS) as JournalStatus[];
    const entries = statuses.map((status, i) =>
      entry({ status, orderId: `ORD-${status}`, symbol: 'TCS', side: 'SELL', latencyMs: 100 + i, message: `message for ${status}`, startedAtMs: 1_000_000 - i }),
    );
    // Two lists of five: each fits the list's window, which holds fewer than ten rows.
    const root = mount(
      <>
        <History entries={entries.slice(0, 5)} />
        <History entries={entries.slice(5)} />
      </>,
    );
    for (const [i, status] of statuses.entries()) {
      const li = $(root, `li[data-status="${status}"]`);
      expect($(li, '.badge').textContent).toBe(LABELS[status]);
      expect(li.textContent).toContain(`Pocketful · ORD-${status}`);
      expect(li.textContent).toContain('TCS SELL');
      expect(li.textContent).toContain(`${100 + i} ms`);
      expect(li.textContent).toContain(`message for ${status}`);
    }
  });

  it('marks details only the broker page gave as the page’s, never as the venue’s', () => {
    const root = mount(<History entries={[
      entry({ orderId: 'P1', symbol: 'RELIANCE', side: 'BUY', detailsFrom: 'page', startedAtMs: 2 }),
      entry({ orderId: 'V1', symbol: 'TCS', side: 'SELL', detailsFrom: 'venue', startedAtMs: 1 }),
    ]} />);
    expect($(root, 'li[data-entry] .meta').textContent).toContain('RELIANCE BUY (as the page showed)');
    expect(root.textContent).toContain('TCS SELL');
    expect(root.textContent).not.toContain('TCS SELL (as the page showed)');
  });

  it('offers Retry only for failed or never-sent entries, and sends {type: retry, entryId}', async () => {
    const locked = entry({ status: 'not-sent', message: 'QuickCancel is locked — unlock it, then retry this cancel from the popup' });
    const done = entry({ status: 'cancelled' });
    const pending = entry({ status: 'pending' });
    const rejected = entry({ status: 'rejected' });
    vi.mocked(api.send).mockImplementation(replies({ retry: { ok: true, entry: entry() } }));
    const root = mount(<History entries={[locked, done, pending, rejected]} />);
    expect($(root, `li[data-entry="${done.id}"]`).querySelector('button[aria-label^=Retry]')).toBeNull();
    expect($(root, `li[data-entry="${pending.id}"]`).querySelector('button[aria-label^=Retry]')).toBeNull();
    expect($(root, `li[data-entry="${rejected.id}"]`).querySelector('button[aria-label^=Retry]')).not.toBeNull();
    await click(byText($(root, `li[data-entry="${locked.id}"]`), 'button', 'Retry'));
    expect(sent(vi.mocked(api.send))).toEqual([{ type: 'retry', entryId: locked.id }]);
  });

  it('offers no Retry on an entry a newer one for the same order has superseded', () => {
    const retried = entry({ orderId: 'SAME', status: 'cancelled', startedAtMs: 2 });
    const old = entry({ orderId: 'SAME', status: 'not-sent', startedAtMs: 1 });
    const root = mount(<History entries={[retried, old]} />);
    expect($(root, `li[data-entry="${old.id}"]`).querySelector('button[aria-label^=Retry]')).toBeNull();
  });

  it('shows why a retry was refused', async () => {
    const failed = entry({ status: 'auth-failed' });
    vi.mocked(api.send).mockImplementation(replies({ retry: { ok: false, error: 'That history entry no longer exists' } }));
    const root = mount(<History entries={[failed]} />);
    await click(byText(root, 'button', 'Retry'));
    expect($(root, 'li .message').textContent).toBe('That history entry no longer exists');
  });

  it('renders 1,000 entries as a window of rows, and scrolling moves the window', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => entry({ orderId: `N${i}`, startedAtMs: 10_000_000 - i }));
    const root = mount(<History entries={entries} />);
    const rows = root.querySelectorAll('li');
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(VIEWPORT_HEIGHT / ROW_HEIGHT) + 8);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('1000');
    expect($(root, 'ul.history').style.height).toBe(`${1000 * ROW_HEIGHT}px`);
    const ids = () => [...root.querySelectorAll('li .id')].map((el) => el.getAttribute('title'));
    expect(ids()).toContain('N0');
    expect(ids()).not.toContain('N500');

    const scroller = $(root, '.history-scroll');
    // happy-dom does no layout, so it cannot scroll: give the element the offset a browser would.
    Object.defineProperty(scroller, 'scrollTop', { value: 500 * ROW_HEIGHT, configurable: true });
    scroller.dispatchEvent(new Event('scroll'));
    await settle();
    const li = $(root, 'li .id[title="N500"]').closest('li')!;
    expect(li.getAttribute('aria-posinset')).toBe('501');
    expect(li.style.top).toBe(`${500 * ROW_HEIGHT}px`);
    expect(ids()).not.toContain('N0');
    expect(root.querySelectorAll('li').length).toBeLessThanOrEqual(Math.ceil(VIEWPORT_HEIGHT / ROW_HEIGHT) + 10);
  });
});

describe('useJournal', () => {
  function Probe() {
    const entries = useJournal();
    return <ol>{entries?.map((e) => <li key={e.id}>{`${e.orderId}:${e.status}`}</li>)}</ol>;
  }

  it('reads the journal keys newest first and follows storage changes live', async () => {
    const older = entry({ orderId: 'old', startedAtMs: 1 });
    const newer = entry({ orderId: 'new', startedAtMs: 2, status: 'sending' });
    await fakeBrowser.storage.local.set({ [`${JOURNAL_PREFIX}${older.id}`]: older, [`${JOURNAL_PREFIX}${newer.id}`]: newer, settings: { sound: true } });
    const root = mount(<Probe />);
    await waitFor(() => root.querySelectorAll('li').length === 2);
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['new:sending', 'old:cancelled']);

    await fakeBrowser.storage.local.set({ [`${JOURNAL_PREFIX}${newer.id}`]: { ...newer, status: 'cancelled' } });
    await waitFor(() => root.querySelector('li')!.textContent === 'new:cancelled');
    await fakeBrowser.storage.local.remove(`${JOURNAL_PREFIX}${older.id}`);
    await waitFor(() => root.querySelectorAll('li').length === 1);
  });

  it('shows the newest entries first and reads the rest of a long history only after that first screen is drawn', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry({ orderId: `o${i}`, startedAtMs: 1000 + i }));
    const newest = entries.slice(-50);
    await fakeBrowser.storage.local.set({
      ...Object.fromEntries(entries.map((e) => [`${JOURNAL_PREFIX}${e.id}`, e])),
      journalRecent: newest.map((e) => e.id),
    });
    const frames: FrameRequestCallback[] = [];
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb) => (frames.push(cb), frames.length));
    const root = mount(<Probe />);
    await waitFor(() => root.querySelectorAll('li').length === 50);
    await settle();
    // Not the whole history before a frame has been drawn.
    expect(root.querySelectorAll('li').length).toBe(50);
    expect(root.querySelector('li')!.textContent).toBe('o299:cancelled');
    for (const cb of frames.splice(0)) cb(0);
    await waitFor(() => root.querySelectorAll('li').length === 300);
    frame.mockRestore();
  });
});
