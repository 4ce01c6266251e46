// @vitest-environment node
// One formatter says what a cancel did when the venue reported fills: the row, the popup, the
// notification and the CSV all use it, so the words are checked here once.
import { describe, expect, it } from 'vitest';
import type { CancelOutcome, JournalEntry } from '../../lib/model';
import { fillCell, fillHeadline, fillOf, outcomeText } from '../../lib/outcome-text';

const entry = (status: JournalEntry['status'], outcome: CancelOutcome | undefined, message?: string, attempts = 1) =>
  ({ status, outcome, attempts, ...(message !== undefined ? { message } : {}) }) as Pick<JournalEntry, 'status' | 'outcome' | 'attempts' | 'message'>;

describe('fillOf: what an order row says is filled', () => {
  it.each([
    [{ quantity: 10, remaining: 7 }, { qty: 3, of: 10 }],
    [{ quantity: 10, remaining: 10 }, { qty: 0, of: 10 }],
    [{ quantity: 10, remaining: 0 }, { qty: 10, of: 10 }],
    [{ quantity: 0.3, remaining: 0.1 }, { qty: 0.2, of: 0.3 }],
    [{ quantity: 10 }, undefined],
    [{ remaining: 3 }, undefined],
    [{ quantity: 10, remaining: 11 }, undefined],
    [{ quantity: 10, remaining: -1 }, undefined],
    [{ quantity: 0, remaining: 0 }, undefined],
    [{ quantity: Number.NaN, remaining: 1 }, undefined],
  ])('%j → %j', (order, fill) => {
    expect(fillOf(order)).toEqual(fill);
  });
});

describe('the words for an outcome with fills', () => {
  it.each([
    ['cancelled', { kind: 'cancelled', filled: { qty: 3, of: 10 } }, 1, 'Cancelled — 3 of 10 filled'],
    ['cancelled', { kind: 'cancelled', filled: { qty: 3 } }, 1, 'Cancelled — 3 filled'],
    ['cancelled', { kind: 'cancelled', filled: { qty: 0, of: 10 } }, 1, undefined],
    ['cancelled', { kind: 'cancelled' }, 1, undefined],
    ['already-closed', { kind: 'already-closed', filled: { qty: 10, of: 10 } }, 1, 'Filled before the cancel arrived (10 of 10)'],
    ['cancelled', { kind: 'cancelled', filled: { qty: 10, of: 10 } }, 1, 'Filled before the cancel arrived (10 of 10)'],
    ['already-closed', { kind: 'already-closed', filled: { qty: 10, of: 10 } }, 0, 'Already filled (10 of 10)'],
    ['already-closed', { kind: 'already-closed', filled: { qty: 4, of: 10 } }, 1, 'Closed — 4 of 10 filled'],
    ['pending', { kind: 'pending', filled: { qty: 0.5, of: 2 } }, 1, 'Cancel pending — 0.5 of 2 filled so far'],
    ['rejected', { kind: 'rejected', code: 'X', message: 'no' }, 1, undefined],
    ['unknown', undefined, 1, undefined],
  ] as const)('%s %j (attempts %d) → %j', (status, outcome, attempts, headline) => {
    expect(fillHeadline(entry(status, outcome as CancelOutcome, undefined, attempts))).toBe(headline);
  });

  it('puts the fill first and keeps the message after it', () => {
    expect(outcomeText(entry('cancelled', { kind: 'cancelled', filled: { qty: 3, of: 10 } }, 'Cancelled (venue status CANCELLED)'))).toBe(
      'Cancelled — 3 of 10 filled. Cancelled (venue status CANCELLED)',
    );
    expect(outcomeText(entry('cancelled', { kind: 'cancelled', filled: { qty: 3, of: 10 } }))).toBe('Cancelled — 3 of 10 filled');
  });

  it('without a fill, the message alone (or the status when there is none)', () => {
    expect(outcomeText(entry('cancelled', { kind: 'cancelled' }, 'Order cancelled'))).toBe('Order cancelled');
    expect(outcomeText(entry('rejected', { kind: 'rejected', code: 'X', message: 'no' }))).toBe('rejected');
  });

  it('the CSV cell: "3 of 10", the bare quantity when the size is not known, empty without a fill', () => {
    expect(fillCell({ outcome: { kind: 'cancelled', filled: { qty: 3, of: 10 } } })).toBe('3 of 10');
    expect(fillCell({ outcome: { kind: 'already-closed', filled: { qty: 0.25 } } })).toBe('0.25');
    expect(fillCell({ outcome: { kind: 'cancelled', filled: { qty: 0, of: 10 } } })).toBe('');
    expect(fillCell({ outcome: { kind: 'rejected', code: 'X', message: 'no' } })).toBe('');
    expect(fillCell({})).toBe('');
  });
});
