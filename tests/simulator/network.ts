// A network the bench can feel. Loopback answers in microseconds and never closes an idle
// connection, which hides what a trader on a real network pays: a new connection costs DNS + TCP
// + TLS before the request leaves, and servers drop keep-alive connections that sit idle. Per
// venue, the simulator can add a delay to each new connection's handshake and to each response,
// closes idle keep-alive connections after a while (as real servers do), and counts the TLS
// connections opened to each host, for tests and the bench to see what a cancel cost.
import { constants } from 'node:crypto';
import { createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import type { VenueId } from '../../lib/venues/types';

export interface Latency {
  /** Added to every new connection's TLS handshake (stands for TCP + TLS round trips). */
  connectMs: number;
  /** Added before every response is written. */
  replyMs: number;
}

/** What real servers commonly do with an idle keep-alive connection (nginx's default is 75 s, many APIs use 20–60 s). */
export const DEFAULT_IDLE_TIMEOUT_MS = 20_000;

/**
 * No session tickets: a resumed session would skip the SNI callback, and with it the handshake's
 * delay. Every new connection is a full handshake, as a trader's first of the day is.
 */
export const TLS_OPTIONS = { secureOptions: constants.SSL_OP_NO_TICKET };

export interface HostConnections {
  /** TLS connections opened to this host since the last reset. */
  opened: number;
  /** Connections to this host open now. */
  open: number;
}

export class SimNetwork {
  private readonly latency = new Map<VenueId, Latency>();
  private readonly opened = new Map<string, number>();
  private readonly live = new Map<string, Set<TLSSocket>>();
  private readonly used = new WeakSet<object>();
  private readonly context: SecureContext;

  constructor(
    cert: { key: string; cert: string },
    /** The venue whose API or web pages a host serves. */
    private readonly venueOfHost: (host: string) => VenueId | undefined,
    /** Runs fn after ms (a test passes its own, to see each delay without waiting for it). */
    private readonly wait: (ms: number, fn: () => void) => void = (ms, fn) => void setTimeout(fn, ms),
  ) {
    this.context = createSecureContext({ key: cert.key, cert: cert.cert });
  }

  /** Latency for one venue's hosts (API and web pages); undefined switches it off. */
  setLatency(venue: VenueId, latency: Latency | undefined): void {
    if (latency) this.latency.set(venue, latency);
    else this.latency.delete(venue);
  }

  private latencyOf(host: string): Latency | undefined {
    const venue = this.venueOfHost(host);
    return venue ? this.latency.get(venue) : undefined;
  }

  /**
   * The TLS server's SNI callback: every new connection names its host here, before the handshake
   * goes on, so this is where its handshake is delayed. (The server issues no session tickets, see
   * TLS_OPTIONS, so no connection skips this by resuming an earlier session.)
   */
  readonly sniCallback = (servername: string, done: (error: Error | null, context?: SecureContext) => void): void => {
    const host = servername.toLowerCase();
    const delay = this.latencyOf(host)?.connectMs ?? 0;
    if (delay > 0) this.wait(delay, () => done(null, this.context));
    else done(null, this.context);
  };

  /**
   * Counts a connection once its handshake is done, and follows it until it closes. One that
   * carries no request within the idle timeout is closed (browsers open spare connections ahead,
   * Firefox does; the HTTP server's keep-alive timeout only starts after a response).
   */
  track(socket: TLSSocket, idleTimeoutMs: number): void {
    const host = typeof socket.servername === 'string' ? socket.servername.toLowerCase() : '';
    this.opened.set(host, (this.opened.get(host) ?? 0) + 1);
    const set = this.live.get(host) ?? new Set<TLSSocket>();
    this.live.set(host, set);
    set.add(socket);
    const unused = setTimeout(() => this.used.has(socket) || socket.destroy(), idleTimeoutMs);
    socket.once('close', () => {
      clearTimeout(unused);
      set.delete(socket);
    });
  }

  /** A request arrived on this connection. */
  carried(socket: object): void {
    this.used.add(socket);
  }

  /** Waits the venue's reply delay, if it has one. */
  async beforeReply(host: string): Promise<void> {
    const delay = this.latencyOf(host)?.replyMs ?? 0;
    if (delay > 0) await new Promise<void>((resolve) => this.wait(delay, resolve));
  }

  connections(host: string): HostConnections {
    const key = host.toLowerCase();
    return { opened: this.opened.get(key) ?? 0, open: this.live.get(key)?.size ?? 0 };
  }

  /** Closes every connection to the host, as a server or a middlebox that forgets idle ones would. */
  dropConnections(host: string): void {
    for (const socket of this.live.get(host.toLowerCase()) ?? []) socket.destroy();
  }

  reset(): void {
    this.opened.clear();
    this.latency.clear();
  }
}
