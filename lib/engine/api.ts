// The engine's front door: what the background's handlers may ask of it. Behind it sit the cancel
// policy, the venue clients (rate limits, clock, order caches) and the journal; the handlers see
// none of them, only questions and answers in the model's words.
import type { CancelOutcome, JournalEntry, KnownOrder, OrderView, VenueId } from '@/lib/model';
import { isOrders, type VenueAdapter } from '../venues/types';
import type { CancelEngine, CancelIntent } from './engine';
import { listOpen } from './cancel-many';

export type OpenOrders = { orders: OrderView[] } | { outcome: CancelOutcome } | { uncounted: true };

export interface EngineApi {
  /** One intent → one journal entry (a repeated intent joins the first). */
  cancel(intent: CancelIntent): Promise<JournalEntry>;
  /** Builds and signs a cancel ahead of its click (engine.prepare); sends nothing. */
  prepare(venue: VenueId, orderId: string, leg?: string): Promise<boolean>;
  /** The order the venue reports for an id (null: no such order), or why it could not be asked. */
  preview(venue: VenueId, orderId: string, credentials: unknown): Promise<{ order: OrderView | null; outcome?: CancelOutcome }>;
  /** The venue's open orders now. */
  listOpen(venue: VenueId, credentials: unknown): Promise<OpenOrders>;
  /** Fetches the open orders ahead of a likely click, behind anything the user asks for. */
  warmUp(venue: VenueId, credentials: unknown): void;
  /**
   * The open orders as a page may know them (the same fetch warmUp starts), or undefined when they
   * cannot be had. Where the venue lists per symbol only (ZebPay), `symbols` (the page's) are listed.
   */
  knownOrders(venue: VenueId, credentials: unknown, symbols?: readonly string[]): Promise<KnownOrder[] | undefined>;
  cancelAll(venue: VenueId): Promise<{ entries: JournalEntry[] } | { outcome: CancelOutcome }>;
  /** Resyncs the clock and counts the open orders: do these credentials work? */
  testConnection(venue: VenueId, credentials: unknown): Promise<{ openOrders: number; scope?: string } | { outcome: CancelOutcome }>;
  /** The newest journal entry for each of these orders that has one (in flight, recent or unresolved). */
  knownOutcomes(venue: VenueId, orderIds: readonly string[]): Promise<Record<string, JournalEntry>>;
  entry(id: string): Promise<JournalEntry | null>;
  /** An outcome learned without a cancel (a timer's order closed before it fired), into the history. */
  record(entry: Omit<JournalEntry, 'id' | 'updatedAtMs' | 'attempts'>): Promise<JournalEntry>;
  clearHistory(): Promise<void>;
  /** Credentials completed with what the venue can tell (adapter.completeCredentials), or why not. */
  completeCredentials(venue: VenueId, credentials: Record<string, unknown>): Promise<{ credentials: Record<string, unknown> } | { error: string }>;
  /** New credentials were stored: nothing learned with the old ones is reused. */
  credentialsChanged(venue: VenueId): void;
}

export function engineApi(engine: CancelEngine, venues: Record<VenueId, VenueAdapter>): EngineApi {
  const open = (orders: OrderView[]) => orders.filter((o) => o.state !== 'closed');
  return {
    cancel: (intent) => engine.cancel(intent),
    prepare: (venue, orderId, leg) => engine.prepare(venue, orderId, leg).catch(() => false),
    async preview(venue, orderId, credentials) {
      const state = await engine.client(venue).orderState(orderId, credentials, true);
      if ('failed' in state) return { order: null, outcome: state.failed };
      return { order: state.found ? state.order : null };
    },
    async listOpen(venue, credentials) {
      const list = await engine.client(venue).openOrders(credentials, true);
      if (isOrders(list)) return { orders: open(list.orders) };
      // ZebPay lists open orders per symbol only, but its own cancel-all needs no list.
      if (venues[venue].cancelAll && list.kind === 'rejected' && list.code === 'QC_MISSING_FIELD') return { uncounted: true };
      return { outcome: list };
    },
    warmUp(venue, credentials) {
      void engine.client(venue).openOrders(credentials, false, 'background');
    },
    async knownOrders(venue, credentials, symbols = []) {
      const list = await engine.client(venue).openOrders(credentials, false, 'background');
      if (isOrders(list)) return open(list.orders).map(knownOrder);
      if (!symbols.length) return undefined;
      const perSymbol = await listOpen(engine, venue, credentials, symbols);
      return 'orders' in perSymbol ? perSymbol.orders.map(knownOrder) : undefined;
    },
    cancelAll: (venue) => engine.cancelAll(venue),
    async testConnection(venue, credentials) {
      const client = engine.client(venue);
      await client.syncClock(true).catch(() => false);
      const check = venues[venue].connectionCheck;
      const list = check ? await client.listAll(check.order, credentials) : await client.openOrders(credentials, true);
      if (!isOrders(list)) return { outcome: list };
      return check ? { openOrders: open(list.orders).length, scope: check.scope } : { openOrders: open(list.orders).length };
    },
    async knownOutcomes(venue, orderIds) {
      const wanted = new Set(orderIds);
      const entries: Record<string, JournalEntry> = {};
      // Oldest first, so the newest entry for an order wins.
      const known = [...(await engine.journal.unresolved()), ...(await engine.journal.recent())].sort((a, b) => a.startedAtMs - b.startedAtMs);
      for (const e of known) if (e.venue === venue && wanted.has(e.orderId)) entries[e.orderId] = e;
      return entries;
    },
    entry: (id) => engine.journal.get(id),
    async record(entry) {
      const full = await engine.journal.begin(entry);
      await engine.journal.saved(full);
      return full;
    },
    clearHistory: () => engine.journal.clear(),
    async completeCredentials(venue, credentials) {
      const adapter = venues[venue];
      const completion = adapter.completeCredentials;
      if (!completion?.needed(credentials)) return { credentials };
      const learned = await engine.client(venue).run(completion, {}, credentials);
      if ('kind' in learned) return { error: `${adapter.name}: could not learn ${completion.learns} from ${adapter.name} (${learned.message ?? learned.kind}) — enter it, or try again` };
      return { credentials: { ...credentials, ...learned } };
    },
    credentialsChanged(venue) {
      const client = engine.client(venue);
      client.forgetOpenOrders();
      void client.syncClock().catch(() => undefined);
    },
  };
}

/** What a page may know of an order: what its rows can show, and every id it may show it by. */
function knownOrder(o: OrderView): KnownOrder {
  const k: KnownOrder = { orderId: o.key, open: o.state !== 'closed' };
  if (o.otherIds?.length) k.otherIds = o.otherIds;
  if (o.symbol) k.symbol = o.symbol;
  if (o.side) k.side = o.side;
  if (o.price !== undefined) k.price = String(o.price);
  if (o.quantity !== undefined) k.quantity = String(o.quantity);
  if (o.createdAtMs !== undefined) k.placedAtMs = o.createdAtMs;
  return k;
}
