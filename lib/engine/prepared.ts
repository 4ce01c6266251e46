// The request ready before the click. A press on a Cancel control (pointerdown, or Enter/Space
// while it has the focus) comes some 50–150 ms before the click it becomes; in that time the
// background builds and signs the cancel and keeps it here. The click then only sends it. A press
// that never becomes a click leaves a request that expires unsent: nothing reaches the venue, and
// the journal never hears of it.
//
// A prepared request is used once, and only while the venue would still take it:
// - young: its timestamp or nonce is at most PREPARED_MAX_AGE_MS old. The venues' windows are 30–60 s
//   in the simulator and undocumented at the venues (CoinSwitch asks for a clock within 5 s), so a
//   request a couple of seconds old is well inside any of them; a later click rebuilds;
// - first: no request with a later timestamp has gone to the venue since it was built. Tradernet's
//   v2 nonce must increase with every request, so a warm-keeping read sent between press and click
//   would make this nonce stale: it is rebuilt instead. (Building took a nonce value that is never
//   sent; the next one is larger still, so the sequence stays increasing.)
// - same clock and keys: a clock resync or new credentials since the build make it stale.
import type { BuildInput, HttpRequest, Operation } from '../venues/types';
import type { Clock } from './rate-limit';

/** How long a prepared request may wait for its click. */
export const PREPARED_MAX_AGE_MS = 2_000;
/** A page can only be pressed in so many places at once; anything beyond is dropped oldest first. */
const MAX_PREPARED = 16;

export interface PreparedRequest {
  operation: Operation<any, any, any>;
  /** The input it was built from (parse reads it too). */
  input: BuildInput<any, any>;
  request: HttpRequest;
  /** Local time of the build. */
  builtAtMs: number;
  /** The venue client's clock version at the build (it changes with every clock correction). */
  clockVersion: number;
}

/** What must still hold when the click comes. */
export interface SendContext {
  operation: Operation<any, any, any>;
  credentials: unknown;
  form: string | undefined;
  /** The latest venue time (nowMs) of any request sent to this venue so far. */
  lastSentNowMs: number;
  clockVersion: number;
}

/** The key of one order's cancel: its cancel fields, as the engine passes them to build. */
export const preparedKey = (order: unknown): string => JSON.stringify(order);

const sameCredentials = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export class PreparedRequests {
  private readonly byKey = new Map<string, PreparedRequest>();

  constructor(private readonly clock: Clock) {}

  put(key: string, prepared: PreparedRequest): void {
    this.dropExpired();
    this.byKey.delete(key);
    this.byKey.set(key, prepared);
    while (this.byKey.size > MAX_PREPARED) this.byKey.delete(this.byKey.keys().next().value!);
  }

  /** The prepared request for this order if it is still good to send, removed: one send per press. */
  take(key: string, ctx: SendContext): PreparedRequest | undefined {
    const prepared = this.byKey.get(key);
    if (!prepared) return undefined;
    this.byKey.delete(key);
    return this.stillGood(prepared, ctx) ? prepared : undefined;
  }

  get size(): number {
    this.dropExpired();
    return this.byKey.size;
  }

  clear(): void {
    this.byKey.clear();
  }

  private stillGood(p: PreparedRequest, ctx: SendContext): boolean {
    return (
      this.clock.now() - p.builtAtMs <= PREPARED_MAX_AGE_MS &&
      p.input.nowMs > ctx.lastSentNowMs &&
      p.clockVersion === ctx.clockVersion &&
      p.operation === ctx.operation &&
      p.input.form === ctx.form &&
      sameCredentials(p.input.credentials, ctx.credentials)
    );
  }

  private dropExpired() {
    const now = this.clock.now();
    for (const [key, p] of this.byKey) if (now - p.builtAtMs > PREPARED_MAX_AGE_MS) this.byKey.delete(key);
  }
}
