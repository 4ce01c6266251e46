// The vocabulary every layer speaks: venues, outcomes, orders, journal entries and the content
// script's port protocol. It sits below all of them and imports nothing at run time, so the popup,
// a content script and the background can share these words without pulling in whoever produces them.

// The venue ids are the registry's, so that a new venue is one line there. Only the type is taken:
// it is erased at build time, and the model still loads nothing.
import type { VenueId } from './venues/registry';
export type { VenueId };

/** What the venue reports filled of an order: "3 of 10 filled" (`of` when the venue gives the size). */
export interface Fill { qty: number; of?: number }

/**
 * A refusal the venue gave only in words, or one its documents say to check (DESIGN.md, "Truth
 * before finality"): never final as it stands. `gone`: "not found" / "already cancelled"; `busy`:
 * "being processed" / "cannot be cancelled at this moment"; `refused`: any other refusal the venue
 * says to check with a lookup (`code` keeps the parser's reading, shown if the order stays open);
 * `no-session`: the venue wants a session opened first.
 */
export interface Refusal { reason: 'gone' | 'busy' | 'refused' | 'no-session'; code?: string }

export type CancelOutcome =
  | { kind: 'cancelled'; message?: string; venueStatus?: string; filled?: Fill }
  | { kind: 'pending'; message?: string; venueStatus?: string; filled?: Fill }
  | { kind: 'already-closed'; message?: string; venueStatus?: string; filled?: Fill }
  | { kind: 'rejected'; code: string; message: string }
  | { kind: 'auth-failed'; message: string; clockSkew?: boolean }
  | { kind: 'rate-limited'; message: string; retryAfterMs?: number }
  | { kind: 'unknown'; message: string; refusal?: Refusal };

export type OutcomeKind = CancelOutcome['kind'];

export interface OrderView {
  /** The id the cancel needs. */
  key: string;
  /** The order's other ids a page may show (exchange order id, client order id…). */
  otherIds?: string[];
  state: 'open' | 'in-flight' | 'closed';
  venueStatus: string;
  symbol?: string;
  side?: string;
  /** The venue's order type (LIMIT, STOP…), where the venue says. */
  orderType?: string;
  price?: number;
  quantity?: number;
  remaining?: number;
  createdAtMs?: number;
  /** Order fields ready for cancel.build. */
  cancelFields: Record<string, unknown>;
}

/**
 * An order as the venue reports it, told to a page so the page's rows can be matched to it
 * (DESIGN.md, "Page detection"): ids and what a row may show, never a cancel field.
 */
export interface KnownOrder {
  /** The id the venue cancels by. */
  orderId: string;
  /** Exchange order id, client order id… any id a page may show instead. */
  otherIds?: string[];
  open: boolean;
  symbol?: string;
  side?: string;
  price?: string;
  quantity?: string;
  placedAtMs?: number;
}

/** sending → (verifying →) an outcome kind; not-sent when nothing could be sent (e.g. locked vault). */
export type JournalStatus = 'sending' | 'verifying' | OutcomeKind | 'not-sent';

/** Who asked for a cancel. */
/** 'timer': a cancel timer the trader set fired (lib/background/timers.ts). */
export type CancelSource = 'page' | 'popup' | 'cancel-all' | 'retry' | 'timer';

/** One cancel in the history. Never holds secrets: only ids, page hints, outcomes and timings. */
export interface JournalEntry {
  id: string;
  venue: VenueId;
  orderId: string;
  source: CancelSource;
  status: JournalStatus;
  message?: string;
  outcome?: CancelOutcome;
  /** What the page or the venue showed of the order; `detailsFrom` says which. */
  symbol?: string;
  side?: string;
  quantity?: string;
  price?: string;
  /** 'page': only the broker page's text, not confirmed by the venue (shown as such). */
  detailsFrom?: 'venue' | 'page';
  /** Page hints, kept so a not-sent cancel can be retried exactly as asked. */
  hints?: Record<string, string>;
  startedAtMs: number;
  /** Click (or press) → final outcome. */
  latencyMs?: number;
  /** Cancel requests actually sent. */
  attempts: number;
  updatedAtMs: number;
  /**
   * The outcome in words (outcome-text.ts), added by the router to the entries a page gets, so the
   * content script carries no wording of its own. Never stored.
   */
  text?: string;
}

// The content script's port to the background.

/** The port name the background accepts content-script messages on. */
export const CONTENT_PORT = 'qc-content';

/** The part of a runtime port both ends use (browser.runtime.Port, or a test's fake). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/** What travels on the port: a request with its number, and the reply to that number. */
export interface PortRequest { id: number; message: unknown }
export interface PortReply { id: number; reply: unknown }
/** A cancel request has been handed to the network; its reply follows. */
export interface PortProgress { id: number; progress: 'sent' }
