// @vitest-environment node
// Truth before finality, branch by branch, with a fake clock and a scripted venue: a refusal known
// only by its words is looked up (a moment later) before anything final is shown; our cancel is
// "cancelled" even when a re-sent request was told "already cancelled"; fills found on the way are
// shown; re-sends are bounded; a Tradernet-style session refusal opens a session and retries once.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CancelEngine } from '../../../lib/engine/engine';
import type { Clock } from '../../../lib/engine/rate-limit';
import { MAX_RESENDS_AFTER_REFUSAL } from '../../../lib/engine/retry';
import { closedOutcome, filledPart, REFUSAL_SETTLE_MS } from '../../../lib/engine/verify';
import type { CancelOutcome, OrderView, VenueId } from '../../../lib/model';
import type { HttpRequest, OrdersResult, VenueAdapter } from '../../../lib/venues/types';

const ID = 'o-1';

class FakeClock implements Clock {
  t = 1_000_000;
  sleeps: number[] = [];
  now = () => this.t;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.t += ms;
  };
}

const view = (over: Partial<OrderView> = {}): OrderView => ({ key: ID, state: 'open', venueStatus: 'OPEN', cancelFields: { orderId: ID }, ...over });
const refusal = (reason: 'gone' | 'busy' | 'refused' | 'no-session', message = 'The venue refused'): CancelOutcome =>
  ({ kind: 'unknown', message, refusal: { reason, code: 'HTTP_400' } });

/** A venue whose answers are scripted: each request takes the next scripted result of its kind. */
function scripted(script: { cancels: CancelOutcome[]; lookups: OrdersResult[]; sessions?: Array<{ session: true } | CancelOutcome> }) {
  const sent: string[] = [];
  const op = <R>(kind: string, next: () => R) => ({
    build: async (): Promise<{ request: HttpRequest }> => ({ request: { method: 'POST', url: `https://venue.test/${kind}`, headers: {}, body: null } }),
    parse: () => next(),
  });
  const take = <T>(list: T[], kind: string): T => {
    const value = list.shift();
    if (value === undefined) throw new Error(`no scripted ${kind} left`);
    return value;
  };
  const adapter = {
    id: 'coinswitch', name: 'Venue', idField: 'orderId', idPattern: /.*/, idHint: 'any', resolveWith: 'lookup',
    rateLimit: { burst: 100, perSecond: 100 }, pageMatches: [], apiOrigins: [], credentialsSchema: {} as never,
    describeCredentials: () => ({ label: 'test' }),
    cancel: op('cancel', () => take(script.cancels, 'cancel')),
    lookup: op('lookup', () => take(script.lookups, 'lookup')),
    openOrders: op('openOrders', () => take(script.lookups, 'lookup')),
    ...(script.sessions ? { openSession: op('session', () => take(script.sessions!, 'session')) } : {}),
  } as unknown as VenueAdapter;
  const clock = new FakeClock();
  const engine = new CancelEngine({
    venues: { coinswitch: adapter } as Record<VenueId, VenueAdapter>,
    credentials: { get: async () => ({ state: 'ok', credentials: {} }) },
    send: async (req) => (sent.push(req.url.split('/').pop()!), { status: 200, headers: {}, body: '' }),
    clock,
    pendingDeadlineMs: 2000,
    pollIntervalMs: 400,
  });
  const cancel = () => engine.cancel({ venue: 'coinswitch', orderId: ID, hints: {}, source: 'popup' });
  return { engine, clock, sent, cancel, script };
}

const found = (over: Partial<OrderView> = {}): OrdersResult => ({ orders: [view(over)] });
const notFound: OrdersResult = { orders: [] };

beforeEach(() => fakeBrowser.reset());

describe('a refusal known only by its words', () => {
  it('"already cancelled" for our cancel (the browser re-sent it): a moment later, looked up, ours → cancelled', async () => {
    const v = scripted({ cancels: [refusal('gone', 'Order is already CANCELLED')], lookups: [found(), found({ state: 'closed', venueStatus: 'CANCELLED' })] });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1, outcome: { kind: 'cancelled', venueStatus: 'CANCELLED' } });
    expect(v.sent).toEqual(['lookup', 'cancel', 'lookup']);
    expect(v.clock.sleeps).toEqual([REFUSAL_SETTLE_MS]);
  });

  it('"not found" whose order filled first: already-closed, with what filled', async () => {
    const v = scripted({ cancels: [refusal('gone', 'Order not found')], lookups: [found({ quantity: 10, remaining: 10 }), found({ state: 'closed', venueStatus: 'EXECUTED', quantity: 10, remaining: 0 })] });
    const entry = await v.cancel();
    expect(entry.outcome).toMatchObject({ kind: 'already-closed', venueStatus: 'EXECUTED', filled: { qty: 10, of: 10 } });
    expect(entry.message).toMatch(/Filled before the cancel arrived — 10 of 10 filled/);
  });

  it('cancelled after a partial fill: cancelled, "3 of 10 filled"', async () => {
    const v = scripted({ cancels: [refusal('gone')], lookups: [found(), found({ state: 'closed', venueStatus: 'CANCELLED', quantity: 10, remaining: 7 })] });
    const entry = await v.cancel();
    expect(entry.outcome).toMatchObject({ kind: 'cancelled', filled: { qty: 3, of: 10 } });
    expect(entry.message).toMatch(/Cancelled — 3 of 10 filled/);
  });

  it('"processing" that clears: the order is still open, so the cancel goes again and lands', async () => {
    const v = scripted({
      cancels: [refusal('busy', 'Order is being processed'), { kind: 'cancelled', venueStatus: 'CANCELLED' }],
      lookups: [found(), found()],
    });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 2 });
    expect(v.sent).toEqual(['lookup', 'cancel', 'lookup', 'cancel']);
  });

  it('in CANCELLATION_RAISED after the refusal: pending, polled until the venue confirms', async () => {
    const v = scripted({
      cancels: [refusal('busy', 'Order is in CANCELLATION_RAISED state')],
      lookups: [found(), found({ state: 'in-flight', venueStatus: 'CANCELLATION_RAISED' }), found({ state: 'closed', venueStatus: 'CANCELLED' })],
    });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(v.clock.sleeps).toEqual([REFUSAL_SETTLE_MS, 400]);
  });

  it('refused while the order stays open: bounded re-sends, then the venue\'s refusal, never a blind loop', async () => {
    const cancels = Array.from({ length: MAX_RESENDS_AFTER_REFUSAL + 1 }, () => refusal('refused', 'Insufficient permissions'));
    const v = scripted({ cancels, lookups: Array.from({ length: MAX_RESENDS_AFTER_REFUSAL + 2 }, () => found()) });
    const entry = await v.cancel();
    expect(entry.status).toBe('rejected');
    expect(entry.outcome).toMatchObject({ kind: 'rejected', code: 'HTTP_400' });
    expect(entry.message).toMatch(/Insufficient permissions.*still open after 3 cancel attempts/);
    expect(v.sent.filter((s) => s === 'cancel')).toHaveLength(MAX_RESENDS_AFTER_REFUSAL + 1);
  });

  it('"not found" for a just-placed order that appears a moment later: never closed on the first not-found', async () => {
    const v = scripted({
      cancels: [refusal('gone', 'Order not found'), { kind: 'cancelled', venueStatus: 'CANCELLED' }],
      lookups: [found(), notFound, found()],
    });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 2 });
  });

  it('"not found" that stays not found: no claim that it closed, a bounded number of tries', async () => {
    const v = scripted({
      cancels: Array.from({ length: MAX_RESENDS_AFTER_REFUSAL + 1 }, () => refusal('gone', 'Order not found')),
      lookups: [found(), ...Array.from({ length: MAX_RESENDS_AFTER_REFUSAL + 1 }, () => notFound)],
    });
    const entry = await v.cancel();
    expect(entry.outcome).toMatchObject({ kind: 'rejected', code: 'QC_NOT_FOUND' });
    expect(v.sent.filter((s) => s === 'cancel')).toHaveLength(MAX_RESENDS_AFTER_REFUSAL + 1);
  });

  it('the lookup itself fails: unknown, left for the later check, nothing final', async () => {
    const v = scripted({ cancels: [refusal('gone')], lookups: [found(), { kind: 'unknown', message: 'HTTP 502' }] });
    const entry = await v.cancel();
    expect(entry.status).toBe('unknown');
  });
});

describe('an answer lost on the way (no refusal)', () => {
  it('network error after the venue applied the cancel: looked up at once, cancelled, not re-sent', async () => {
    const v = scripted({ cancels: [{ kind: 'unknown', message: 'network error' }], lookups: [found(), found({ state: 'closed', venueStatus: 'CANCELLED' })] });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(v.clock.sleeps).toEqual([]);
  });

  it('still open: one more cancel, no more', async () => {
    const v = scripted({ cancels: [{ kind: 'unknown', message: 'timeout' }, { kind: 'unknown', message: 'timeout' }], lookups: [found(), found(), found()] });
    const entry = await v.cancel();
    expect(entry.outcome).toMatchObject({ kind: 'rejected', code: 'QC_STILL_OPEN' });
    expect(v.sent.filter((s) => s === 'cancel')).toHaveLength(2);
  });
});

describe('before anything is sent', () => {
  it('a just-placed order the venue does not list yet is looked for again, then cancelled', async () => {
    const v = scripted({ cancels: [{ kind: 'cancelled', venueStatus: 'CANCELLED' }], lookups: [notFound, found()] });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(v.clock.sleeps).toEqual([REFUSAL_SETTLE_MS]);
  });

  it('an order never found: already-closed after the re-checks, nothing sent', async () => {
    const v = scripted({ cancels: [], lookups: [notFound, notFound, notFound] });
    const entry = await v.cancel();
    expect(entry).toMatchObject({ status: 'already-closed', attempts: 0 });
    expect(v.sent).toEqual(['lookup', 'lookup', 'lookup']);
  });

  it('an order closed before we sent anything is already-closed, with its fill', async () => {
    const v = scripted({ cancels: [], lookups: [found({ state: 'closed', venueStatus: 'CANCELLED', quantity: 5, remaining: 3 })] });
    const entry = await v.cancel();
    expect(entry.outcome).toMatchObject({ kind: 'already-closed', filled: { qty: 2, of: 5 } });
  });
});

describe('a session the venue wants opened first', () => {
  it('opens one and retries the command once', async () => {
    const v = scripted({ cancels: [refusal('no-session', 'Session not found'), { kind: 'pending' }], lookups: [found(), found({ state: 'closed', venueStatus: '31' })], sessions: [{ session: true }] });
    const entry = await v.cancel();
    expect(entry.status).toBe('cancelled');
    expect(v.sent).toEqual(['lookup', 'cancel', 'session', 'cancel', 'lookup']);
  });

  it('a session that does not open: no second try of the command, the order is checked', async () => {
    const v = scripted({
      cancels: [refusal('no-session'), refusal('no-session'), refusal('no-session')],
      lookups: [found(), found(), found(), found()],
      sessions: [{ kind: 'unknown', message: 'no sess_id' }, { kind: 'unknown', message: 'no sess_id' }, { kind: 'unknown', message: 'no sess_id' }],
    });
    const entry = await v.cancel();
    expect(entry.status).toBe('rejected');
    expect(v.sent.filter((s) => s === 'cancel')).toHaveLength(MAX_RESENDS_AFTER_REFUSAL + 1);
  });
});

describe('closedOutcome and fills', () => {
  it('fill = quantity − remaining, only when some filled', () => {
    expect(filledPart(view({ quantity: 10, remaining: 7 }))).toEqual({ qty: 3, of: 10 });
    expect(filledPart(view({ quantity: 0.3, remaining: 0.1 }))).toEqual({ qty: 0.2, of: 0.3 });
    expect(filledPart(view({ quantity: 10, remaining: 10 }))).toBeUndefined();
    expect(filledPart(view({ quantity: 10 }))).toBeUndefined();
  });

  it('a cancelled order reported with nothing left (FIX LeavesQty 0) is not "all filled"', () => {
    const outcome = closedOutcome(view({ state: 'closed', venueStatus: 'CANCELLED', quantity: 10, remaining: 0 }), true);
    expect(outcome).toMatchObject({ kind: 'cancelled' });
    expect(outcome).not.toHaveProperty('filled');
  });

  it('ours vs before ours', () => {
    const cancelled = view({ state: 'closed', venueStatus: 'CANCELLED' });
    expect(closedOutcome(cancelled, true).kind).toBe('cancelled');
    expect(closedOutcome(cancelled, false).kind).toBe('already-closed');
    expect(closedOutcome(view({ state: 'closed', venueStatus: 'EXPIRED' }), true).kind).toBe('already-closed');
    expect(closedOutcome(view({ state: 'closed', venueStatus: '31' }), true).kind).toBe('cancelled');
    expect(closedOutcome(view({ state: 'closed', venueStatus: 'COMPLETE' }), true).kind).toBe('already-closed');
  });
});
