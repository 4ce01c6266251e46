// The cancel engine: one intent → one journal entry → at most the cancels the retry policy allows,
// and an outcome that is verified with the venue whenever the venue's answer leaves doubt.
import type { CredentialSource } from '../vault/credentials';
import type { CancelOutcome, CancelSource, JournalEntry, OrderView, VenueId } from '@/lib/model';
import { isOrders, type VenueAdapter } from '../venues/types';
import type { Send } from './http';
import { Journal, needsVerification } from './journal';
import { watchLateFill } from './late-fill';
import { adoptVenueDetails, hintsOf, pageDetails } from './order-details';
import { systemClock, type Clock } from './rate-limit';
import { afterCancel, MAX_RESENDS_AFTER_REFUSAL, MAX_RESENDS_AFTER_UNKNOWN, PENDING_DEADLINE_MS, PENDING_POLL_MS } from './retry';
import { VenueClient } from './venue-client';
import { closedOutcome, findBeforeCancel, givenUp, lookAfter } from './verify';

export interface CancelIntent {
  venue: VenueId;
  orderId: string;
  hints: Record<string, string>;
  source: CancelSource;
  /** Told when the cancel request has been handed to the network (the page shows "Sending…" then). */
  onSent?(): void;
}

export interface EngineOptions {
  venues: Record<VenueId, VenueAdapter>;
  credentials: CredentialSource;
  journal?: Journal;
  send: Send;
  clock?: Clock;
  /** How long a pending cancel is polled before the last known state is shown. */
  pendingDeadlineMs?: number;
  pollIntervalMs?: number;
  /** Why a cancel to this venue cannot be sent now (e.g. a host permission withheld), if it cannot. */
  unreachable?(venue: VenueId, credentials: unknown): Promise<string | undefined>;
  /** Some outcome is still unknown: call verifyUnresolved() again a little later. */
  onUnresolved?(): void;
  /** When a cancelled order is looked up again for a late fill (late-fill.ts); [] watches nothing. */
  lateFillChecksMs?: readonly number[];
}

/** How long after a cancel went through another click on the same order is the same intent. */
const SAME_INTENT_MS = 5000;
/** Unfinished entries older than this are left as they are: the order's fate is the venue's record. */
const VERIFY_WITHIN_MS = 24 * 3600_000;
/** The venue keeps the order open through two cancels: a failure, not a mystery. */
const STILL_OPEN: CancelOutcome = { kind: 'rejected', code: 'QC_STILL_OPEN', message: 'The order is still open after two cancel attempts; the venue did not say why — check it at the venue' };
/** The journal's order id for a venue-wide cancel-all. */
export const ALL_ORDERS = '*';

export class CancelEngine {
  readonly journal: Journal;
  private readonly clients = new Map<VenueId, VenueClient>();
  private readonly inFlight = new Map<string, Promise<JournalEntry>>();
  private readonly recentlyDone = new Map<string, { entry: JournalEntry; atMs: number }>();
  private readonly clock: Clock;

  constructor(private readonly opts: EngineOptions) {
    this.journal = opts.journal ?? new Journal();
    this.clock = opts.clock ?? systemClock;
  }

  client(venue: VenueId): VenueClient {
    let client = this.clients.get(venue);
    if (!client) {
      client = new VenueClient(this.opts.venues[venue], this.opts.send, this.clock);
      this.clients.set(venue, client);
    }
    return client;
  }

  /**
   * A second cancel of the same order while the first is in flight joins the first; one that comes
   * moments after the first went through (two tabs, page and popup) is the same intent and gets
   * the same answer. After a failure, a new click is a retry and runs anew.
   */
  cancel(intent: CancelIntent, known?: OrderView): Promise<JournalEntry> {
    const key = `${intent.venue}:${intent.orderId}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const recent = this.recentlyDone.get(key);
    if (recent && this.clock.now() - recent.atMs < SAME_INTENT_MS) return Promise.resolve(recent.entry);
    const run = this.run(intent, known).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, run);
    void run.then((entry) => {
      const now = this.clock.now();
      for (const [k, done] of this.recentlyDone) if (now - done.atMs >= SAME_INTENT_MS) this.recentlyDone.delete(k);
      if (entry.status === 'cancelled' || entry.status === 'already-closed' || entry.status === 'pending') this.recentlyDone.set(key, { entry, atMs: now });
      if (entry.status === 'cancelled') void watchLateFill(this.journal, this.client(intent.venue), this.opts, this.clock, entry);
      // Still pending or unknown: the background checks again a little later.
      if (needsVerification(entry)) this.opts.onUnresolved?.();
    });
    return run;
  }

  /**
   * A press on a control, before its click: the cancel's request built and signed ahead
   * (prepared.ts), from the order's cached cancel fields only. Nothing is sent, nothing journalled;
   * false when there is nothing to prepare from (the click then goes the usual way).
   */
  async prepare(venue: VenueId, orderId: string, leg?: string): Promise<boolean> {
    if (this.inFlight.has(`${venue}:${orderId}`)) return false;
    const creds = await this.opts.credentials.get(venue);
    if (creds.state !== 'ok') return false;
    const client = this.client(venue);
    const order = client.knownOrder(orderId, leg);
    if (!order || order.state === 'closed') return false;
    return client.prepare(client.adapter.cancel, order.cancelFields, creds.credentials);
  }

  private async run(intent: CancelIntent, known?: OrderView): Promise<JournalEntry> {
    const startedAtMs = this.clock.now();
    const { hints } = intent;
    // The "sending" entry is handed to storage first; the request follows without waiting for the
    // write to finish, and no outcome is recorded or shown before it has (see Journal.begin).
    const credentials = this.opts.credentials.get(intent.venue);
    const entry = await this.journal.begin({
      venue: intent.venue, orderId: intent.orderId, source: intent.source, startedAtMs, hints,
      ...pageDetails(hints),
    });
    const creds = await credentials;
    const finish = async (outcome: CancelOutcome) => {
      const patch = { status: outcome.kind, outcome, message: outcome.message ?? defaultMessage(outcome), latencyMs: this.clock.now() - startedAtMs };
      try {
        return await this.journal.update(entry, patch);
      } catch (error) {
        // The outcome is true whether or not it could be stored: the user gets it, and is told.
        return Object.assign(entry, patch, { message: `${patch.message} (not saved in QuickCancel's history: ${String(error)})` });
      }
    };

    const adapter = this.opts.venues[intent.venue];
    if (creds.state !== 'ok') {
      const message = creds.state === 'locked'
        ? 'QuickCancel is locked — unlock it, then retry this cancel from the popup'
        : `No ${adapter.name} credentials yet — add them in QuickCancel's Settings`;
      return this.journal.update(entry, { status: 'not-sent', message, latencyMs: this.clock.now() - startedAtMs }).catch(() => entry);
    }
    const blocked = await this.opts.unreachable?.(intent.venue, creds.credentials);
    if (blocked) return this.journal.update(entry, { status: 'not-sent', message: blocked, latencyMs: this.clock.now() - startedAtMs }).catch(() => entry);
    const client = this.client(intent.venue);
    try {
      let order = known;
      if (!order) {
        const state = await findBeforeCancel(client, this.clock, intent.orderId, creds.credentials, hints.leg);
        if ('failed' in state) return await finish(state.failed);
        if (!state.found) return await finish({ kind: 'already-closed', message: `${adapter.name} has no open order ${intent.orderId}` });
        order = state.order;
      }
      // In memory only: the next write of this entry carries it; the cancel must not wait for a write.
      adoptVenueDetails(entry, order);
      if (order.state === 'closed') return await finish(closedOutcome(order, false));
      return await finish(await this.cancelWithPolicy(client, order, creds.credentials, entry, intent.onSent));
    } catch (error) {
      // Nothing below is expected to throw; if it does, the user still sees the truth: unknown.
      return finish({ kind: 'unknown', message: `QuickCancel could not finish this cancel (${String(error)}); check the order` });
    }
  }

  private async cancelWithPolicy(client: VenueClient, order: OrderView, credentials: unknown, entry: JournalEntry, onSent?: () => void): Promise<CancelOutcome> {
    let resends = 0;
    let rateRetries = 0;
    for (;;) {
      const outcome = await client.run(client.adapter.cancel, order.cancelFields, credentials, 'now', onSent);
      await this.progress(entry, { attempts: entry.attempts + 1 });
      client.forgetOrder(order.key);
      const next = afterCancel(outcome, rateRetries);
      switch (next.step) {
        case 'done':
          return outcome;
        case 'wait': {
          rateRetries++;
          client.pause(next.ms);
          await this.progress(entry, { message: `Rate-limited by the venue; retrying in ${Math.ceil(next.ms / 1000)} s` });
          continue;
        }
        case 'poll':
          return this.pollUntilTerminal(client, order, credentials, entry, outcome);
        case 'verify': {
          // Never blind-retry: look first (after a refusal, a moment later), and send again only
          // while the order is still open, within the bound.
          if (outcome.kind !== 'unknown') return outcome;
          await this.progress(entry, { status: 'verifying', message: `${outcome.message} — checking the order` });
          const next = await lookAfter(client, this.clock, order, credentials, outcome, leg(order));
          if (next.step === 'final') return next.outcome;
          if (next.step === 'poll') return this.pollUntilTerminal(client, order, credentials, entry, next.pending);
          if (resends >= (outcome.refusal ? MAX_RESENDS_AFTER_REFUSAL : MAX_RESENDS_AFTER_UNKNOWN)) return givenUp(outcome, resends + 1, next.notFound, order.key);
          resends++;
          continue;
        }
      }
    }
  }

  /** A step on the way (an attempt, a wait, a check): recorded, but a failed write stops nothing. */
  private async progress(entry: JournalEntry, patch: Partial<JournalEntry>): Promise<void> {
    await this.journal.update(entry, patch).catch(() => undefined);
  }

  private async pollUntilTerminal(client: VenueClient, order: OrderView, credentials: unknown, entry: JournalEntry, pending: CancelOutcome): Promise<CancelOutcome> {
    await this.progress(entry, { status: 'verifying', message: pending.message ?? 'Cancel accepted; waiting for the venue to confirm' });
    const deadline = this.clock.now() + (this.opts.pendingDeadlineMs ?? PENDING_DEADLINE_MS);
    let last = pending;
    while (this.clock.now() < deadline) {
      await this.clock.sleep(this.opts.pollIntervalMs ?? PENDING_POLL_MS);
      const state = await client.orderState(order.key, credentials, true, leg(order));
      if ('failed' in state) continue;
      if (!state.found) return { kind: 'cancelled', message: 'Cancel confirmed: the order left the open orders' };
      if (state.order.state === 'closed') return closedOutcome(state.order, true);
      last = { kind: 'pending', venueStatus: state.order.venueStatus, message: `Cancel accepted, not yet confirmed (venue status ${state.order.venueStatus || 'unknown'})` };
    }
    return last;
  }

  /**
   * After a worker restart: entries left sending, verifying or unknown are checked with the venue.
   * An order still open is the same intent unfinished, so it gets its cancel (once).
   */
  async verifyUnresolved(): Promise<void> {
    const since = this.clock.now() - VERIFY_WITHIN_MS;
    const entries = (await this.journal.unresolved()).filter((e) => e.startedAtMs >= since);
    let unresolved = false;
    await Promise.all(entries.map(async (entry) => {
      const key = `${entry.venue}:${entry.orderId}`;
      if (this.inFlight.has(key)) return;
      const creds = await this.opts.credentials.get(entry.venue);
      if (creds.state !== 'ok') return;
      const client = this.client(entry.venue);
      const run = (async () => {
        // Behind any cancel the user asks for meanwhile.
        const state = await client.orderState(entry.orderId, creds.credentials, true, entry.hints?.leg, 'background');
        const done = (outcome: CancelOutcome) => this.journal.update(entry, { status: outcome.kind, outcome, message: `${outcome.message ?? defaultMessage(outcome)} (checked later)` });
        if ('failed' in state) {
          unresolved = true;
          return this.journal.update(entry, { status: 'unknown', message: `Not verified yet (${state.failed.message}); QuickCancel will check again` });
        }
        if (!state.found) return done({ kind: 'already-closed', message: 'The order is no longer at the venue' });
        if (state.order.state === 'closed') return done(closedOutcome(state.order, true));
        if (state.order.state === 'in-flight') {
          unresolved = true;
          return entry;
        }
        // Accepted earlier, still open now: the venue did not carry the cancel out.
        if (entry.status === 'pending') return done({ ...STILL_OPEN, message: 'The venue accepted the cancel, but the order is still open — check it at the venue' });
        if (entry.attempts > 1) return done(STILL_OPEN);
        return done(await this.cancelWithPolicy(client, state.order, creds.credentials, entry));
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, run);
      await run;
    }));
    if (unresolved) this.opts.onUnresolved?.();
  }

  /**
   * Lists the venue's open orders and cancels each within the venue's rate limit. `more`: the venue
   * lists more open orders than were read (list-pages.ts); only those read were cancelled.
   */
  async cancelAll(venue: VenueId): Promise<{ entries: JournalEntry[]; more?: true } | { outcome: CancelOutcome }> {
    const creds = await this.opts.credentials.get(venue);
    if (creds.state !== 'ok') return { outcome: { kind: 'auth-failed', message: creds.state === 'locked' ? 'QuickCancel is locked' : 'No credentials for this venue' } };
    const client = this.client(venue);
    const adapter = this.opts.venues[venue];
    if (adapter.cancelAll) {
      // The venue's own endpoint (ZebPay lists open orders only per symbol): one request, one entry.
      const startedAtMs = this.clock.now();
      const entry = await this.journal.begin({ venue, orderId: ALL_ORDERS, source: 'cancel-all', startedAtMs, hints: {} });
      const outcome = await client.run(adapter.cancelAll, {}, creds.credentials);
      client.forgetOpenOrders();
      return { entries: [await this.journal.update(entry, { status: outcome.kind, outcome, attempts: 1, message: outcome.message ?? defaultMessage(outcome), latencyMs: this.clock.now() - startedAtMs })] };
    }
    const list = await client.openOrders(creds.credentials, true);
    if (!isOrders(list)) return { outcome: list };
    const open = list.orders.filter((o) => o.state !== 'closed');
    const entries = await Promise.all(
      open.map((o) => this.cancel({ venue, orderId: o.key, hints: hintsOf(o), source: 'cancel-all' }, o)),
    );
    return list.more ? { entries, more: true } : { entries };
  }
}

const leg = (order: OrderView) => (typeof order.cancelFields.legOrderIndicator === 'string' ? order.cancelFields.legOrderIndicator : undefined);

function defaultMessage(outcome: CancelOutcome): string {
  return { cancelled: 'Cancelled', pending: 'Cancel accepted, not yet confirmed', 'already-closed': 'Already closed' }[outcome.kind as string] ?? outcome.kind;
}
