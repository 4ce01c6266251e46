import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal, JOURNAL_LIMIT, JOURNAL_PREFIX } from '../../../lib/engine/journal';

const base = { venue: 'pocketful' as const, orderId: '1', source: 'page' as const, hints: {} };

describe('the journal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes an entry as "sending" before anything else happens, one storage key per entry', async () => {
    const journal = new Journal();
    const entry = await journal.begin({ ...base, startedAtMs: 1 });
    const stored = await fakeBrowser.storage.local.get(`${JOURNAL_PREFIX}${entry.id}`);
    expect(stored[`${JOURNAL_PREFIX}${entry.id}`]).toMatchObject({ status: 'sending', orderId: '1', attempts: 0 });
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
