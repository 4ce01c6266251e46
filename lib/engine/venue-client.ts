// Runs one venue operation — build, wait for the rate limit, send, parse — with the venue's clock.
// Also answers the questions the engine asks before and after a cancel: "what is this order now?"
import type { CancelOutcome, OrderView } from '@/lib/model';
import { isOrders, type BuildInput, type HttpResponse, type Operation, type OrdersResult, type VenueAdapter } from '../venues/types';
import type { Send } from './http';
import { safeVenueResult } from './redact';
import { systemClock, TokenBucket, type Clock, type Priority } from './rate-limit';
import { isClockSkew } from './retry';
import { preparedKey, PreparedRequests } from './prepared';
import { readAllPages } from './list-pages';

/** What a lookup says about one order now. */
export type OrderState =
  | { found: true; order: OrderView }
  | { found: false }
  | { failed: CancelOutcome };

const needsSession = (r: unknown) =>
  typeof r === 'object' && r !== null && (r as CancelOutcome).kind === 'unknown' && (r as { refusal?: { reason?: string } }).refusal?.reason === 'no-session';

const ORDER_LIST_TTL_MS = 1500;
/**
 * How long a listed open order's cancel fields may be used without asking again. Those fields
 * (execution type, exchange id, leg) do not change while an order lives, and if the order closed
 * meanwhile the venue itself refuses the cancel, so the outcome stays true — while the click skips
 * a round trip.
 */
const KNOWN_ORDER_TTL_MS = 30_000;

/** A request handed to the network: what it was built from, its answer to come, and when it left (local time). */
interface Dispatched {
  input: BuildInput<any, any>;
  answer: Promise<HttpResponse>;
  atMs: number;
}

const CLOCK_RESYNC_AFTER_MS = 10 * 60_000;

export class VenueClient {
  private readonly bucket: TokenBucket;
  private offsetMs = 0;
  private syncedAtMs = -Infinity;
  private lastNowMs = 0;
  /** The latest venue time of any request handed to the network (a prepared one must be later). */
  private lastSentNowMs = -Infinity;
  /** The request being built and handed to the network; the next waits for it (dispatch). */
  private turn: Promise<unknown> = Promise.resolve();
  /** Changes with every clock correction: a request prepared before one is stale. */
  private clockVersion = 0;
  private readonly prepared: PreparedRequests;
  private openOrdersCache: { atMs: number; result: Promise<OrdersResult> } | undefined;
  private known: { atMs: number; byKey: Map<string, OrderView[]> } | undefined;
  /** The form of each two-form operation (Operation.forms) that this venue last took. */
  private readonly forms = new Map<Operation<any, any, any>, string>();

  constructor(
    readonly adapter: VenueAdapter,
    private readonly send: Send,
    private readonly clock: Clock = systemClock,
  ) {
    this.bucket = new TokenBucket(adapter.rateLimit, clock);
    this.prepared = new PreparedRequests(clock);
  }

  /**
   * Builds (and signs) the request now and keeps it for the send that may follow (prepared.ts).
   * Nothing is sent. False when the venue refuses to build it (the send will say why).
   */
  async prepare<I>(operation: Operation<I, any, unknown>, order: I, credentials: unknown): Promise<boolean> {
    const form = operation.forms ? (this.forms.get(operation) ?? operation.forms[0]) : undefined;
    const input = { order, credentials, nowMs: this.nowMs(), ...(form !== undefined ? { form } : {}) };
    const builtAtMs = this.clock.now();
    const clockVersion = this.clockVersion;
    const built = await operation.build(input);
    if ('refused' in built) return false;
    this.prepared.put(preparedKey(order), { operation, input, request: built.request, builtAtMs, clockVersion });
    return true;
  }

  /** How many prepared requests wait for their click (for tests). */
  get preparedCount(): number {
    return this.prepared.size;
  }

  /**
   * Venue time, strictly increasing per venue (some venues reject a repeated nonce) — except after
   * a clock correction, which may move it back by more than a moment.
   */
  nowMs(): number {
    const computed = Math.round(this.clock.now() + this.offsetMs);
    const now = computed <= this.lastNowMs && this.lastNowMs - computed < 5000 ? this.lastNowMs + 1 : computed;
    this.lastNowMs = now;
    return now;
  }

  /**
   * A signature or epoch rejection may be our clock, not the key: where the venue has a time
   * endpoint, resync once and retry once.
   */
  async run<I, R>(operation: Operation<I, any, R>, order: I, credentials: unknown, priority: Priority = 'now', onSent?: () => void): Promise<R | CancelOutcome> {
    let result = await this.runOnce(operation, order, credentials, priority, onSent);
    if (isClockSkew(result) && (await this.syncClock(true).catch(() => false))) result = await this.runOnce(operation, order, credentials, priority, onSent);
    // Refused for want of a session while the keys are good: open one, retry once.
    if (needsSession(result) && (await this.openSession(credentials, priority))) result = await this.runOnce(operation, order, credentials, priority, onSent);
    return result;
  }

  private async openSession(credentials: unknown, priority: Priority): Promise<boolean> {
    const op = this.adapter.openSession;
    if (!op) return false;
    const opened = await this.runOnce(op, {}, credentials, priority).catch(() => undefined);
    return typeof opened === 'object' && opened !== null && 'session' in opened;
  }

  /** `onSent` is told as soon as the request is handed to the network, before its answer. */
  private async runOnce<I, R>(operation: Operation<I, any, R>, order: I, credentials: unknown, priority: Priority, onSent?: () => void): Promise<R | CancelOutcome> {
    const form = operation.forms ? (this.forms.get(operation) ?? operation.forms[0]) : undefined;
    const sent = await this.dispatch(operation, order, credentials, priority, form, true, onSent);
    if ('refused' in sent) return sent.refused;
    const res = await sent.answer;
    this.learnFromDate(res, sent.atMs);
    const other = form !== undefined && operation.formMissing?.(res, sent.input) ? operation.forms!.find((f) => f !== form) : undefined;
    if (other !== undefined) return this.runOtherForm(operation, order, credentials, priority, other);
    return safeVenueResult(operation.parse(res, sent.input), credentials);
  }

  /**
   * The venue has no route for the form just sent, so nothing was executed: the other documented
   * form, once. The form the venue takes is kept for the next request.
   */
  private async runOtherForm<I, R>(operation: Operation<I, any, R>, order: I, credentials: unknown, priority: Priority, form: string): Promise<R | CancelOutcome> {
    const sent = await this.dispatch(operation, order, credentials, priority, form, false);
    if ('refused' in sent) return sent.refused;
    const res = await sent.answer;
    if (!operation.formMissing?.(res, sent.input)) this.forms.set(operation, form);
    return safeVenueResult(operation.parse(res, sent.input), credentials);
  }

  /**
   * Waits for the rate limit, then builds the request (or takes the one prepared for it) and hands
   * it to the network, one request at a time. The venue time is read only once the request may go:
   * a request that waited — behind the rate limit, or a background read overtaken by a click —
   * carries the time it left, so Tradernet's nonces reach it increasing and no timestamp ages past
   * a venue's window in the queue. Building is asynchronous (WebCrypto), hence the turns: without
   * them a later nonce could be signed first and leave first.
   */
  private async dispatch<I>(operation: Operation<I, any, unknown>, order: I, credentials: unknown, priority: Priority, form: string | undefined, mayUsePrepared: boolean, onSent?: () => void): Promise<Dispatched | { refused: CancelOutcome }> {
    await this.bucket.take(priority);
    return this.inTurn(async () => {
      const ready = mayUsePrepared
        ? this.prepared.take(preparedKey(order), { operation, credentials, form, lastSentNowMs: this.lastSentNowMs, clockVersion: this.clockVersion })
        : undefined;
      const input = ready?.input ?? { order, credentials, nowMs: this.nowMs(), ...(form !== undefined ? { form } : {}) };
      const built = ready ? { request: ready.request } : await operation.build(input);
      if ('refused' in built) return { refused: built.refused };
      const atMs = this.clock.now();
      this.lastSentNowMs = Math.max(this.lastSentNowMs, input.nowMs);
      const answer = this.send(built.request);
      onSent?.();
      return { input, answer, atMs };
    });
  }

  private inTurn<T>(step: () => Promise<T>): Promise<T> {
    const result = this.turn.then(step);
    this.turn = result.catch(() => undefined);
    return result;
  }

  pause(ms: number): void {
    this.bucket.pause(ms);
  }

  /** Resyncs the clock offset from the venue's time endpoint; false where the venue has none. */
  async syncClock(force = false): Promise<boolean> {
    const timeOp = this.adapter.serverTime;
    if (!timeOp) return false;
    if (!force && this.clock.now() - this.syncedAtMs < CLOCK_RESYNC_AFTER_MS) return true;
    const sentAt = this.clock.now();
    const res = await this.send(timeOp.build());
    const receivedAt = this.clock.now();
    const serverMs = timeOp.parse(res);
    if (serverMs === undefined) return false;
    this.offsetMs = serverMs - (sentAt + receivedAt) / 2;
    this.clockVersion++;
    this.syncedAtMs = receivedAt;
    return true;
  }

  // Venues without a time endpoint: the HTTP Date header (1 s resolution) corrects a clock that
  // is off by more than 2 s.
  private learnFromDate(res: HttpResponse, sentAt: number) {
    if (this.adapter.serverTime || !res.headers.date) return;
    const serverMs = Date.parse(res.headers.date);
    if (Number.isNaN(serverMs)) return;
    const offset = serverMs + 500 - (sentAt + this.clock.now()) / 2;
    if (Math.abs(offset - this.offsetMs) > 2000) {
      this.offsetMs = offset;
      this.clockVersion++;
    }
    this.syncedAtMs = this.clock.now();
  }

  /** The open-orders list, shared by a burst of callers for a moment. */
  openOrders(credentials: unknown, fresh = false, priority: Priority = 'now'): Promise<OrdersResult> {
    const cached = this.openOrdersCache;
    if (!fresh && cached && this.clock.now() - cached.atMs < ORDER_LIST_TTL_MS) return cached.result;
    const atMs = this.clock.now();
    const result = this.listAll({}, credentials, priority);
    this.openOrdersCache = { atMs, result };
    void result.then((r) => {
      if (!isOrders(r)) {
        if (this.openOrdersCache?.result === result) this.openOrdersCache = undefined;
        return;
      }
      const byKey = new Map<string, OrderView[]>();
      for (const o of r.orders) if (o.state !== 'closed') byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
      this.known = { atMs, byKey };
    });
    return result;
  }

  /** The venue's open orders under these filters, every page of them (list-pages.ts). */
  listAll(filters: Record<string, unknown>, credentials: unknown, priority: Priority = 'now'): Promise<OrdersResult> {
    const op = this.adapter.openOrders;
    return readAllPages((page) => this.run(op, page === undefined ? filters : { ...filters, page }, credentials, priority));
  }

  /** New credentials: the next question about any order goes to the venue. */
  forgetOpenOrders(): void {
    this.openOrdersCache = undefined;
    this.known = undefined;
    this.prepared.clear();
  }

  /** After a cancel of this order: its listed state is stale, the other orders' fields are not. */
  forgetOrder(orderId: string): void {
    this.openOrdersCache = undefined;
    this.known?.byKey.delete(orderId);
  }

  /** The order as the last open-orders list showed it, if that list is recent enough; never asks the venue. */
  knownOrder(orderId: string, leg?: string): OrderView | undefined {
    if (!this.known || this.clock.now() - this.known.atMs >= KNOWN_ORDER_TTL_MS) return undefined;
    return this.known.byKey.get(orderId)?.find((o) => !leg || !o.cancelFields.legOrderIndicator || o.cancelFields.legOrderIndicator === leg);
  }

  /** The order as the venue reports it now; `fresh` skips the short-lived cache. */
  async orderState(orderId: string, credentials: unknown, fresh: boolean, leg?: string, priority: Priority = 'now'): Promise<OrderState> {
    const { adapter } = this;
    const matches = (o: OrderView) =>
      o.key === orderId && (!leg || !o.cancelFields.legOrderIndicator || o.cancelFields.legOrderIndicator === leg);
    const known = fresh ? undefined : this.knownOrder(orderId, leg);
    if (known) return { found: true, order: known };
    if (adapter.resolveWith === 'lookup') {
      const result = (await this.run(adapter.lookup, { [adapter.idField]: orderId }, credentials, priority)) as OrdersResult;
      if (!isOrders(result)) return { failed: result };
      const order = result.orders.find(matches);
      return order ? { found: true, order } : { found: false };
    }
    const list = await this.openOrders(credentials, fresh, priority);
    if (!isOrders(list)) return { failed: list };
    const open = list.orders.find(matches);
    if (open) return { found: true, order: open };
    // A shared list may predate the order: only a fresh one may say it is not open.
    if (!fresh) return this.orderState(orderId, credentials, true, leg, priority);
    // Gone from the open list: the one-order lookup tells cancelled from filled or unknown.
    const history = (await this.run(adapter.lookup, { [adapter.idField]: orderId }, credentials, priority)) as OrdersResult;
    if (!isOrders(history)) return { found: false };
    const closed = history.orders.find((o) => o.key === orderId);
    return closed ? { found: true, order: { ...closed, state: closed.state === 'open' ? 'closed' : closed.state } } : { found: false };
  }
}
