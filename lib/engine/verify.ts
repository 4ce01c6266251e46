// Truth before finality (DESIGN.md): what the engine concludes from a lookup after an answer that
// left doubt — a lost response, or a refusal known only by its words — and how a closed order is
// described, fills included.
import type { CancelOutcome, Fill, OrderView } from '@/lib/model';
import { fillOf, fillWords } from '@/lib/outcome-text';
import type { Clock } from './rate-limit';
import type { OrderState, VenueClient } from './venue-client';

/**
 * CoinSwitch's document: after a refusal, "retry after a few hundred milliseconds and check the
 * order's current status". Every venue's refusal gets the same pause: a just-placed or in-flight
 * order settles in that time, and a refusal is rare enough that the wait costs nothing.
 */
export const REFUSAL_SETTLE_MS = 300;
/** An order not found before anything was sent is looked for this many more times (a just-placed order appears a moment later). */
export const NOT_FOUND_RECHECKS = 2;

const CANCELLED_STATUS = /cancel/i;
const FILLED_STATUS = /fill|complete|execut/i;
const ENDED_OTHERWISE = /expir|reject|discard/i;

/** What the venue reports filled, when some of it filled (quantity − remaining). */
export function filledPart(order: OrderView): Fill | undefined {
  const fill = fillOf(order);
  return fill && fill.qty > 0 ? fill : undefined;
}

/**
 * A closed order, described truthfully. Before our cancel it was closed by something else. After
 * our cancel was sent, a cancelled status is ours — even when a re-sent request (ours, or the
 * browser's own after a dropped connection) was told "already cancelled" — and a fill-like status
 * means it filled first, an expired or rejected one that it ended otherwise; any other status (Tradernet's are numbers nobody documents) is our cancel
 * taking effect, and the message shows the venue's status.
 */
export function closedOutcome(order: OrderView, afterOurCancel: boolean): CancelOutcome {
  const venueStatus = order.venueStatus;
  const shown = venueStatus || 'closed';
  const fill = filledPart(order);
  const filledFirst = FILLED_STATUS.test(venueStatus) && !CANCELLED_STATUS.test(venueStatus);
  // Some venues report nothing left on any finished order (FIX's LeavesQty = 0): "all of it filled"
  // is then only credible for an order the venue calls filled.
  const shownFill = fill && (filledFirst || fill.of === undefined || fill.qty < fill.of) ? fill : undefined;
  const filled = shownFill ? { filled: shownFill } : {};
  const also = shownFill ? ` — ${fillWords(shownFill)}` : '';
  if (!afterOurCancel) return { kind: 'already-closed', venueStatus, message: `Not open any more${also} (venue status ${shown})`, ...filled };
  if (CANCELLED_STATUS.test(venueStatus)) return { kind: 'cancelled', venueStatus, message: `Cancelled${also} (venue status ${shown})`, ...filled };
  if (filledFirst) return { kind: 'already-closed', venueStatus, message: `Filled before the cancel arrived${also} (venue status ${shown})`, ...filled };
  if (ENDED_OTHERWISE.test(venueStatus)) return { kind: 'already-closed', venueStatus, message: `Ended before the cancel took effect${also} (venue status ${shown})`, ...filled };
  return { kind: 'cancelled', venueStatus, message: `Cancel accepted and the order left the open orders${also} (venue status ${shown})`, ...filled };
}

/** What a lookup after a doubtful answer says to do next. */
export type AfterLookup =
  | { step: 'final'; outcome: CancelOutcome }
  | { step: 'poll'; pending: CancelOutcome }
  /** Still open (or, after a refusal, not found yet): the cancel may go again, within its bound. */
  | { step: 'resend'; notFound: boolean };

/**
 * After an `unknown` answer: look the order up (after a refusal, a few hundred ms later) and read
 * what it says. A refusal's order that the venue does not find yet may be a just-placed one that
 * appears a moment later, so that is not "closed" either.
 */
export async function lookAfter(
  client: VenueClient, clock: Clock, order: OrderView, credentials: unknown,
  outcome: Extract<CancelOutcome, { kind: 'unknown' }>, leg: string | undefined,
): Promise<AfterLookup> {
  if (outcome.refusal) await clock.sleep(REFUSAL_SETTLE_MS);
  const state = await client.orderState(order.key, credentials, true, leg);
  if ('failed' in state) {
    return { step: 'final', outcome: { kind: 'unknown', message: `${outcome.message}; the order could not be checked yet (${state.failed.message}) — QuickCancel will check again` } };
  }
  if (!state.found) {
    if (outcome.refusal) return { step: 'resend', notFound: true };
    return { step: 'final', outcome: { kind: 'already-closed', message: 'The order is no longer at the venue' } };
  }
  if (state.order.state === 'closed') return { step: 'final', outcome: closedOutcome(state.order, true) };
  if (state.order.state === 'in-flight') return { step: 'poll', pending: { kind: 'pending', venueStatus: state.order.venueStatus } };
  return { step: 'resend', notFound: false };
}

/** The final word when the cancels allowed after a refusal or a lost answer are spent. */
export function givenUp(outcome: Extract<CancelOutcome, { kind: 'unknown' }>, attempts: number, notFound: boolean, orderId: string): CancelOutcome {
  if (notFound) {
    return { kind: 'rejected', code: 'QC_NOT_FOUND', message: `The venue does not find order ${orderId}, not even a moment later (${outcome.message}) — check it at the venue` };
  }
  const refusal = outcome.refusal;
  if (refusal) {
    return { kind: 'rejected', code: refusal.code ?? 'QC_STILL_OPEN', message: `${outcome.message} — the order is still open after ${attempts} cancel attempts; check it at the venue` };
  }
  return { kind: 'rejected', code: 'QC_STILL_OPEN', message: `The order is still open after ${attempts} cancel attempts; the venue did not say why — check it at the venue` };
}

/**
 * The order before anything is sent. A lookup that does not find it is repeated a moment later,
 * twice: the venue may not list a just-placed order yet, and "not found" would end the cancel.
 */
export async function findBeforeCancel(client: VenueClient, clock: Clock, orderId: string, credentials: unknown, leg: string | undefined): Promise<OrderState> {
  let state = await client.orderState(orderId, credentials, false, leg);
  for (let i = 0; i < NOT_FOUND_RECHECKS && !('failed' in state) && !state.found; i++) {
    await clock.sleep(REFUSAL_SETTLE_MS);
    state = await client.orderState(orderId, credentials, true, leg);
  }
  return state;
}
