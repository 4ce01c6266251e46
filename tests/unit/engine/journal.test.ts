import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal, JOURNAL_LIMIT, JOURNAL_PREFIX } from '../../../lib/engine/journal';

const base = { venue: 'pocketful' as const, orderId: '1', source: 'page' as const, hints: {} };

describe('the journal', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('writes an entry as "sending", one storage key per entry', async () => {
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1 });
    const stored = await fakeBrowser.storage.local.get(`${JOURNAL_PREFIX}${entry.id}`);
    expect(stored[`${JOURNAL_PREFIX}${entry.id}`]).toMatchObject({ status: 'sending', orderId: '1', attempts: 0 });
  });

  it('returns once the "sending" write is handed to storage; saved() says when it has finished', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let finishWrite!: () => void;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce((items) => new Promise((r) => (finishWrite = () => r(set(items)))));
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1 });
    expect(fakeBrowser.storage.local.set).toHaveBeenCalledWith(expect.objectContaining({ [`${JOURNAL_PREFIX}${entry.id}`]: expect.objectContaining({ status: 'sending' }) }));
    let saved = false;
    const done = journal.saved(entry).then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(saved).toBe(false);
    finishWrite();
    await done;
    expect(saved).toBe(true);
  });

  it('an outcome recorded while "sending" is still being written is never overwritten by it', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementationOnce(async (items) => {
      await new Promise((r) => setTimeout(r, 50));
      await set(items);
    });
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1 });
    await journal.update(entry, { status: 'cancelled' });
    expect(await new Journal().get(entry.id)).toMatchObject({ status: 'cancelled' });
  });

  it('a "sending" write that failed is made good by the entry\'s next write', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('disk full'));
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1 });
    await expect(journal.saved(entry)).rejects.toThrow('disk full');
    await journal.update(entry, { status: 'cancelled' });
    expect(await new Journal().get(entry.id)).toMatchObject({ status: 'cancelled', orderId: '1' });
  });

  it('records the outcome, and a fresh Journal (a restarted worker) reads it back', async () => {
    const entry = await new Journal().begin({ ...base, startedAtMs: 1 });
    await new Journal().update(entry, { status: 'cancelled', latencyMs: 12, message: 'Cancelled' });
    const [read] = await new Journal().list();
    expect(read).toMatchObject({ id: entry.id, status: 'cancelled', latencyMs: 12, message: 'Cancelled' });
  });

  it('lists newest first', async () => {
    const journal = new Journal();
    await journal.begin({ ...base, orderId: 'old', startedAtMs: 1 });
    await journal.begin({ ...base, orderId: 'new', startedAtMs: 2 });
    expect((await journal.list()).map((e) => e.orderId)).toEqual(['new', 'old']);
  });

  it(`keeps only the last ${JOURNAL_LIMIT} entries`, async () => {
    const journal = new Journal(0);
    for (let i = 0; i < JOURNAL_LIMIT + 5; i++) await journal.begin({ ...base, orderId: String(i), startedAtMs: i });
    await expect.poll(async () => (await journal.list()).length).toBe(JOURNAL_LIMIT);
    const entries = await journal.list();
    expect(entries).toHaveLength(JOURNAL_LIMIT);
    expect(entries.at(-1)!.orderId).toBe('5');
  });

  it('knows the recent and the unfinished entries without reading the whole history', async () => {
    const journal = new Journal();
    const done = await journal.begin({ ...base, orderId: 'done', startedAtMs: 1 });
    await journal.begin({ ...base, orderId: 'in flight', startedAtMs: 2 });
    const unknown = await journal.begin({ ...base, orderId: 'unknown', startedAtMs: 3 });
    await journal.update(done, { status: 'cancelled' });
    await journal.update(unknown, { status: 'unknown' });
    const fresh = new Journal();
    expect((await fresh.unresolved()).map((e) => e.orderId)).toEqual(['unknown', 'in flight']);
    expect((await fresh.recent()).map((e) => e.orderId)).toEqual(['unknown', 'in flight', 'done']);
  });

  it('holds no secret: entries are built only from ids, hints, outcomes and timings', async () => {
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1, hints: { symbol: 'TCS' } });
    expect(Object.keys(entry).sort()).toEqual(['attempts', 'hints', 'id', 'orderId', 'source', 'startedAtMs', 'status', 'updatedAtMs', 'venue']);
  });
});
