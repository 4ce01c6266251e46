// What a page gets is worded by the background: every entry of a reply to a content script carries
// its outcome in words (the same words the popup's history uses), as copies of the journal's entries.
import { describe, expect, it } from 'vitest';
import { wordedForPage } from '../../../lib/background/page-replies';
import type { JournalEntry } from '../../../lib/model';

const entry = (orderId: string, extra: Partial<JournalEntry>): JournalEntry => ({
  id: `e-${orderId}`, venue: 'tradernet', orderId, source: 'page', status: 'cancelled', startedAtMs: 1, attempts: 1, updatedAtMs: 2, ...extra,
});
const partly = entry('1', { message: 'Cancelled at the venue', outcome: { kind: 'cancelled', filled: { qty: 3, of: 10 } } as JournalEntry['outcome'] });
const plain = entry('2', { status: 'not-sent', message: 'Rate limited by the venue' });

describe('replies to a page, worded', () => {
  it('a cancel\'s entry, a status\'s entries by id, and a scoped cancel\'s list each get their words', () => {
    expect(wordedForPage({ ok: true, entry: partly }).entry.text).toBe('Cancelled — 3 of 10 filled. Cancelled at the venue');
    expect(wordedForPage({ ok: true, entries: { 2: plain } }).entries[2]!.text).toBe('Rate limited by the venue');
    expect(wordedForPage({ ok: true, entries: [plain, entry('3', { status: 'pending' })], summary: 's' }).entries.map((e) => e.text)).toEqual(['Rate limited by the venue', 'pending']);
  });

  it('copies: the journal\'s own entries are left as they were', () => {
    wordedForPage({ ok: true, entry: partly, entries: [plain] });
    expect('text' in partly || 'text' in plain).toBe(false);
  });

  it('a refusal, a timer\'s reply and junk pass unchanged', () => {
    const refused = { ok: false, error: 'Refused: this page is not Tradernet' };
    expect(wordedForPage(refused)).toBe(refused);
    const timer = { ok: true, timer: { id: 't' } };
    expect(wordedForPage(timer)).toEqual(timer);
    expect(wordedForPage(undefined)).toBeUndefined();
  });
});
