// Every runtime message, as a zod schema. The background parses each one before acting on it and
// checks who sent it: content scripts may only ask to cancel or for status, for their own venue;
// everything else is accepted only from the extension's own pages.
import { z } from 'zod';
import { settingsSchema } from './settings';
import type { Settings } from './settings-defaults';
import type { CancelTimer } from './timers-store';
import type { CancelOutcome, JournalEntry, KnownOrder, OrderView, VenueId } from './model';
import type { PageRule } from './page/types';
import { VENUE_IDS } from './venues/registry';

const venueId = z.enum(VENUE_IDS);
const orderId = z.string().trim().min(1).max(128);
const hints = z.record(z.string().max(40), z.string().max(200)).refine((h) => Object.keys(h).length <= 20, 'too many hints');
const passphrase = z.string().min(1).max(1024);
/** Where a venue lists open orders per symbol only (ZebPay): which symbols to list. */
const symbols = z.array(z.string().trim().regex(/^[A-Za-z0-9]{2,32}$/, 'a symbol is 2–32 letters or digits')).max(20);
const orderIds = z.array(orderId).max(1000);

const count = z.number().int().min(0).max(1_000_000);
const shown = z.string().max(64).optional();

/**
 * A page's health, in short (sent with `status` when it changes): the order rows found and how,
 * the rows anchored to the venue's own orders, the page rules that read nothing here, and the open
 * orders the venue reports that no row shows (null when that cannot be said: no list from the
 * venue, or rows still unread because they are out of view).
 */
export const pageHealthSchema = z.object({
  rows: count,
  by: z.object({ recipe: count, generic: count, rule: count, venue: count }),
  matched: count,
  unread: count,
  ruleMisses: z.array(z.string().max(500)).max(20),
  unshown: z.array(z.object({ orderId, symbol: shown, side: shown, price: shown, quantity: shown })).max(50).nullable(),
  unshownCount: count,
});
export type PageHealth = z.infer<typeof pageHealthSchema>;

/** A row's "cancel all <symbol>" / "cancel all <side> <symbol>": the venue's spelling of the symbol. */
const rowScope = z.object({ symbol: z.string().trim().min(1).max(64), side: z.enum(['buy', 'sell']).optional() });

export const contentMessageSchema = z.discriminatedUnion('type', [
  /**
   * One order's cancel; or, from that order's row menu, either a scoped cancel (`scope` with
   * `orderIds`, exactly the orders the confirmation listed) or a timer (`after` seconds).
   * `prepare`: the control was pressed, the click may follow: build and sign the cancel now, send
   * nothing (lib/engine/prepared.ts). The click's own cancel then sends it.
   */
  z
    .object({
      type: z.literal('cancel'), venue: venueId, orderId, hints: hints.default({}),
      scope: rowScope.optional(), orderIds: orderIds.min(1).max(500).optional(),
      after: z.number().int().min(1).max(3_600).optional(),
      prepare: z.boolean().optional(),
    })
    .refine((m) => (m.scope === undefined) === (m.orderIds === undefined), 'a scoped cancel needs its scope and the orders it confirmed')
    .refine((m) => m.scope === undefined || m.after === undefined, 'a timer is for one order, not a scope')
    .refine((m) => !m.prepare || (m.scope === undefined && m.after === undefined), 'only a single cancel is prepared'),
  /**
   * `orders`: the venue's open orders too, for matching the page's rows to them; `symbols`: the
   * symbols the page's rows show, for a venue that lists open orders per symbol only (ZebPay);
   * `health`: the page's summary, when it changed; `load`: a part of the page's code loaded only
   * when first used (the row menu), which the background injects into the sender's frame.
   */
  z.object({
    type: z.literal('status'), venue: venueId, orderIds: z.array(orderId).max(5000), orders: z.boolean().optional(), symbols: symbols.optional(),
    health: pageHealthSchema.optional(), load: z.literal('row-menu').optional(),
  }),
]);

const tabId = z.number().int().min(0);

export const pageMessageSchema = z.discriminatedUnion('type', [
  ...contentMessageSchema.options,
  /** The order the venue reports for an id, before a quick-cancel. */
  z.object({ type: z.literal('preview'), venue: venueId, orderId }),
  z.object({ type: z.literal('open-orders'), venue: venueId, symbols: symbols.optional() }),
  z.object({ type: z.literal('cancel-all'), venue: venueId }),
  /**
   * Cancels exactly these orders (a confirmed cancel-all or scoped cancel). `listed`: every order
   * the confirmation showed, so that orders that appeared since are counted (and left open).
   */
  z.object({ type: z.literal('cancel-orders'), venue: venueId, orderIds: orderIds.min(1), listed: orderIds.max(5000).optional(), symbols: symbols.optional() }),
  /** Every open order on every venue with keys, at once (the venue-wide endpoint where there is one). */
  z.object({ type: z.literal('panic') }),
  /** Re-runs a journal entry's cancel (e.g. one that was not sent because the vault was locked). */
  z.object({ type: z.literal('retry'), entryId: z.string().uuid() }),
  z.object({ type: z.literal('history.clear') }),
  z.object({ type: z.literal('vault.status') }),
  /** First use: sets the passphrase and leaves the vault unlocked. */
  z.object({ type: z.literal('vault.setup'), passphrase: passphrase.min(8, 'use at least 8 characters') }),
  z.object({ type: z.literal('vault.unlock'), passphrase }),
  z.object({ type: z.literal('vault.lock') }),
  z.object({ type: z.literal('vault.change-passphrase'), current: passphrase, next: passphrase.min(8, 'use at least 8 characters') }),
  /** Deletes credentials, settings and history. */
  z.object({ type: z.literal('vault.wipe') }),
  z.object({ type: z.literal('credentials.set'), venue: venueId, credentials: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('credentials.remove'), venue: venueId }),
  /** Counts open orders through the venue with the stored credentials. */
  z.object({ type: z.literal('credentials.test'), venue: venueId }),
  z.object({ type: z.literal('settings.set'), settings: settingsSchema.partial() }),
  /**
   * Cancels the order unless it has closed by then: `after` seconds from now, or `at` a moment
   * (the popup turns "HH:MM" into its next occurrence, in the trader's own time zone).
   */
  z.object({
    type: z.literal('timers.set'), venue: venueId, orderId,
    when: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('after'), seconds: z.number().int().min(1).max(86_400) }),
      z.object({ kind: z.literal('at'), atMs: z.number().int().positive() }),
    ]),
  }),
  z.object({ type: z.literal('timers.remove'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('timers.list') }),
  /** Starts "Teach this page" on that tab (a venue page): the user clicks one order row there. */
  z.object({ type: z.literal('teach.start'), tabId }),
  /** What the content script last said about that tab's page, and how teaching there went. */
  z.object({ type: z.literal('page.health'), tabId }),
]);

export type PageMessage = z.infer<typeof pageMessageSchema>;
export type MessageType = PageMessage['type'];
export type MessageOf<T extends MessageType> = Extract<PageMessage, { type: T }>;
/** The message types a content script may send. */
export type ContentMessageType = z.infer<typeof contentMessageSchema>['type'];

export type Reply<T = object> = ({ ok: true } & T) | { ok: false; error: string };
/** What the router answers, whatever the message. */
export type AnyReply = { ok: true; [key: string]: unknown } | { ok: false; error: string };

export type VaultState = 'uninitialized' | 'locked' | 'unlocked';

/** What the options page may know about a venue's stored credentials: never a secret. */
export interface CredentialSummary {
  venue: VenueId;
  /** e.g. "API key zbp-…0001", "token …f3a9" */
  label: string;
  /** For tokens with a readable expiry (JWT exp, or the expiry entered). */
  expiresAtMs?: number;
}

// Replies, by message type.
/** `sound`: the user wants to hear how it ended. */
type Cancelled = { entry: JournalEntry; sound?: boolean };
export type CancelReply = Reply<Cancelled>;
/**
 * A row's scoped cancel: the cancels sent; `appeared`, open orders in the scope that the
 * confirmation did not list (left open); `skipped`, confirmed orders no longer open or no longer in
 * the scope by the venue's list (not sent); `summary`, all that in words.
 */
type ScopedCancelled = { entries: JournalEntry[]; appeared: number; skipped: number; summary: string };
export type ScopedCancelReply = Reply<ScopedCancelled>;
/** A press readied its cancel (`prepared`: built and signed, nothing sent), or could not. */
type Prepared = { prepared: boolean; entry?: undefined };
export type PreparedReply = Reply<Prepared>;
/** What a content script's cancel gets: its order's entry, a scoped cancel's entries, the timer set, or a press readied. */
export type RowCancelReply = Reply<Cancelled | ScopedCancelled | { timer: CancelTimer } | Prepared>;
/** `known`: the venue's open orders, when asked for and the venue could be asked (keys set, unlocked). */
/** `refreshMs`: when asked for orders, how soon to ask again while they show (keeps the venue's connection warm). */
export type StatusReply = Reply<{ entries: Record<string, JournalEntry>; known?: KnownOrder[]; refreshMs?: number }>;
export type PreviewReply = Reply<{ order: OrderView | null; outcome?: CancelOutcome }>;
/** `symbols`: the symbols listed, where the venue lists per symbol; `uncounted`: it needs one; `more`: the venue lists more than were read. */
export type OpenOrdersReply = Reply<{ orders: OrderView[]; symbols?: string[]; more?: true } | { outcome: CancelOutcome } | { uncounted: true }>;
export type CancelAllReply = Reply<{ entries: JournalEntry[] } | { outcome: CancelOutcome }>;
/** `appeared`: open orders that were not in the confirmed list, left open. */
export type CancelOrdersReply = Reply<{ entries: JournalEntry[]; appeared: number }>;
/** One venue's part of a panic: its cancels, or why none could be sent. */
/** `more`: the venue lists more open orders than were read; only those read were cancelled. */
export type PanicVenueResult = { venue: VenueId } & ({ entries: JournalEntry[]; more?: true } | { outcome: CancelOutcome });
export type PanicReply = Reply<{ venues: PanicVenueResult[] }>;
export type VaultStatusReply = Reply<{ state: VaultState; configured: CredentialSummary[] }>;
/** `scope`: what the count covers where the venue cannot list every open order at once. */
export type TestConnectionReply = Reply<{ openOrders: number; scope?: string } | { outcome: CancelOutcome }>;
export type SettingsReply = Reply<{ settings: Settings }>;
export type OkReply = Reply;
export type TimerReply = Reply<{ timer: CancelTimer }>;
export type TimersReply = Reply<{ timers: CancelTimer[] }>;
/** A tab's page as its content script last reported it. */
export interface TabHealth {
  venue: VenueId;
  health: PageHealth;
  atMs: number;
}
/** How "Teach this page" went on a tab: under way, a rule saved (and how many rows it read), or stopped. */
export type TeachState = { state: 'teaching' } | { state: 'saved'; rows?: number; rule: PageRule } | { state: 'stopped'; reason: string };
export type TeachStartReply = Reply<{ venue: VenueId }>;
export type PageHealthReply = Reply<{ page: TabHealth | null; teach: TeachState | null }>;

/** Every message type paired with the reply it gets: the senders and the handlers both use it. */
type EveryType<T extends Record<MessageType, AnyReply>> = T;
export type Replies = EveryType<{
  cancel: RowCancelReply;
  status: StatusReply;
  retry: CancelReply;
  preview: PreviewReply;
  'open-orders': OpenOrdersReply;
  'cancel-all': CancelAllReply;
  'cancel-orders': CancelOrdersReply;
  panic: PanicReply;
  'history.clear': OkReply;
  'vault.status': VaultStatusReply;
  'vault.setup': OkReply;
  'vault.unlock': OkReply;
  'vault.lock': OkReply;
  'vault.change-passphrase': OkReply;
  'vault.wipe': OkReply;
  'credentials.set': OkReply;
  'credentials.remove': OkReply;
  'credentials.test': TestConnectionReply;
  'settings.set': SettingsReply;
  'timers.set': TimerReply;
  'timers.remove': OkReply;
  'timers.list': TimersReply;
  'teach.start': TeachStartReply;
  'page.health': PageHealthReply;
}>;
export type ReplyOf<T extends MessageType> = Replies[T];
