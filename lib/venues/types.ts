// The venue adapter contract (DESIGN.md, "The venue adapter"). Adapters are pure: they turn
// inputs into exact HTTP requests and HTTP responses into results. The engine does all I/O.
import type { ZodType } from 'zod';
import type { CancelOutcome, OrderView, VenueId } from '../model';

import type { CredentialLabel } from './descriptor';

// The shared vocabulary lives in lib/model, the venue ids in the registry (a new venue is one line
// there); re-exported for the adapters that speak them.
export { VENUE_IDS } from './registry';
export type { CancelOutcome, OrderView, OutcomeKind, VenueId } from '../model';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute https URL, query included. Never carries a secret. */
  url: string;
  /** Exact names and values as sent. */
  headers: Record<string, string>;
  /** Exact bytes as sent (the same string that was signed, where the venue signs the body). */
  body: string | null;
}

export interface HttpResponse {
  /** 0 when no HTTP response arrived. */
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  transportError?: 'timeout' | 'network' | 'aborted' | 'too-large';
}

export interface BuildInput<O, C> {
  order: O;
  credentials: C;
  /** Local clock plus the venue's server-time offset, in ms. */
  nowMs: number;
  /** Which of the operation's documented forms to build (Operation.forms); the first when absent. */
  form?: string;
}

export type Built = { request: HttpRequest } | { refused: CancelOutcome };

/**
 * Lookup and open-orders results: zero orders means "not found". A venue that lists open orders a
 * page at a time says where its list goes on: `next`, a cursor the engine passes back as the
 * input's `page` (it reads every page); `more` when the list goes on and cannot be followed, or
 * when the engine stopped before its end.
 */
export type OrdersResult = { orders: OrderView[]; next?: string; more?: true } | CancelOutcome;

/** An open-orders input: the venue's filters, and the cursor of the page wanted after the first. */
export type ListInput<O> = Partial<O> & { page?: string };

export interface Operation<I, C, R> {
  build(input: BuildInput<I, C>): Promise<Built>;
  parse(res: HttpResponse, input: BuildInput<I, C>): R;
  /**
   * Where a venue's documents show one request in two forms (PaceTrader's spread cancel: the id in
   * the path, or only in the body), their names, the default first. The engine builds the form
   * this venue last took; when `formMissing` says the venue has no route for the form sent, it
   * sends the other one once.
   */
  forms?: readonly [string, string];
  /** Whether this answer says the venue has no route for the form sent (so nothing was executed). */
  formMissing?(res: HttpResponse, input: BuildInput<I, C>): boolean;
}

/**
 * Completes credentials with what the venue itself can tell (Pace: the client id, from
 * trading_info), once, when they are saved: no cancel ever waits for it.
 */
export interface CredentialsCompletion<C> extends Operation<Record<string, never>, C, Partial<C> | CancelOutcome> {
  /** What it learns, in words ("the client id"). */
  learns: string;
  /** Whether these credentials lack it. */
  needed(credentials: C): boolean;
}

/** The venue's server-time endpoint, for the engine's clock offset. */
export interface ServerTimeOperation {
  build(): HttpRequest;
  /** The server's time in ms, or undefined when the reply does not say. */
  parse(res: HttpResponse): number | undefined;
}

/** The engine's token bucket for one venue account: `burst` requests at once, `perSecond` sustained. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

export interface VenueAdapter<O = any, C = any> {
  id: VenueId;
  name: string;
  /** The order field that holds the id a page or a user gives (omsOrderId, clientOrderId, orderId). */
  idField: string;
  /** What a well-formed id looks like, to catch a typo before anything is sent. */
  idPattern: RegExp;
  /** Says in words what idPattern expects ("a UUID", "a whole number"…). */
  idHint: string;
  /**
   * Where the engine completes an order before cancelling: 'lookup' when the venue's one-order
   * lookup returns every cancel field, 'openOrders' when only the open-orders list does.
   */
  resolveWith: 'lookup' | 'openOrders';
  rateLimit: RateLimit;
  serverTime?: ServerTimeOperation;
  /** Content-script match patterns (the venue's web UI). */
  pageMatches: string[];
  /** host_permissions. */
  apiOrigins: string[];
  credentialsSchema: ZodType<C>;
  cancel: Operation<O, C, CancelOutcome>;
  /** input.order holds the id field(s). */
  lookup: Operation<Partial<O>, C, OrdersResult>;
  /** input.order holds optional filters, and `page` for a page after the first. */
  openOrders: Operation<ListInput<O>, C, OrdersResult>;
  /** Only where the venue has one. */
  cancelAll?: Operation<Record<string, never>, C, CancelOutcome>;
  completeCredentials?: CredentialsCompletion<C>;
  /**
   * Opens the venue's session (Tradernet's getAuthInfo) when a command was refused for want of one
   * (a `no-session` refusal); the engine then retries that command once.
   */
  openSession?: Operation<Record<string, never>, C, { session: true } | CancelOutcome>;
  /**
   * A check beyond the schema before credentials are saved (CoinSwitch: the secret key belongs to
   * the API key); null when they pass, else what is wrong, in words.
   */
  checkCredentials?(credentials: C): Promise<string | null>;
  /**
   * For "Test connection" where the open-orders list needs a scope (ZebPay lists one symbol at a
   * time): the fields to list with, and how the answer names that scope to the user.
   */
  connectionCheck?: { order: Partial<O>; scope: string };
  /** Describes stored credentials for the options page: which kind, a key prefix, an expiry. */
  describeCredentials(credentials: Record<string, unknown>): CredentialLabel;
}

export function isOrders(r: OrdersResult): r is { orders: OrderView[] } {
  return 'orders' in r;
}
