// The simulator's shared model. Each venue module turns these generic orders into its own wire
// shapes and checks requests exactly as that venue's spec (shared/venues/*.md) says.
import type { VenueId } from '../../lib/venues/types';

export type SimStatus = 'open' | 'cancelling' | 'cancelled' | 'filled' | 'rejected' | 'expired';

export interface SimOrder {
  venue: VenueId;
  /** The id the venue cancels by (oms_order_id, clientOrderId, order_id…). */
  id: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  price: number;
  quantity: number;
  filled: number;
  status: SimStatus;
  createdAtMs: number;
  /** Venue-specific fields (executionType, exchangeOrderId, legOrderIndicator…). */
  extra: Record<string, string | number>;
}

export type SimOrderSeed = Partial<SimOrder> & { id: string };

export interface SimRequest {
  host: string;
  method: string;
  /** Path with query, exactly as received. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A fault applied to the next matching API request(s). */
export type Fault =
  | { kind: 'respond'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  /** The venue applies the request, then the connection drops in the middle of the response. */
  | { kind: 'lose-response' }
  /**
   * The venue applies the request, then destroys the kept-alive connection without a byte of
   * answer: a browser may silently send the request again on a new connection (Chromium does).
   */
  | { kind: 'drop-connection' }
  /** The venue answers as for an expired or revoked credential (for `times` requests). */
  | { kind: 'expired-token' };

export interface FaultRule {
  venue: VenueId;
  fault: Fault;
  /** Only requests with this method and path prefix (default: every API request). */
  method?: string;
  pathPrefix?: string;
  /** How many requests it applies to (default 1). */
  times?: number;
}

/**
 * Per-venue behaviours a test switches on (Simulator.setModes), each in the venue's documented
 * shapes: the venue's answers while it lasts differ, its order state does not.
 */
export interface SimModes {
  /** Tradernet: v2 commands are refused for want of a session until getAuthInfo opens one. */
  sessionRequired?: boolean;
  /**
   * CoinSwitch: for `forMs` after the venue first hears of an order, it is "in a brief processing
   * state (e.g. just placed but not yet acknowledged)" (the cancel document): cancels are refused
   * as processing, or the order is not found at all yet (cancel, Get Order and the lists).
   */
  justPlaced?: { answer: 'processing' | 'not-found'; forMs: number };
}

export interface VenueContext {
  /** The simulator's clock: local time plus the injected skew. */
  now(): number;
  /** Runs fn after ms unless the simulator stops first. */
  later(ms: number, fn: () => void): void;
  /** True when the request being handled meets an expired-token fault. */
  tokenExpired(): boolean;
  orders: Map<string, SimOrder>;
  /** The behaviours switched on for this venue (a new object whenever they change). */
  modes(): SimModes;
}

export interface VenueSim {
  id: VenueId;
  /** Hosts whose API this venue answers. */
  apiHosts: string[];
  /** True for paths this venue's API owns on its hosts (the rest is the web page). */
  isApiPath(path: string): boolean;
  handle(req: SimRequest, ctx: VenueContext): SimResponse | Promise<SimResponse>;
}
