// @vitest-environment node
// When a request leaves, and in what order. Tradernet's v2 nonce must increase with every request
// of a key (the simulator refuses one that does not, as a bad signature), and the timestamped venues
// refuse a stale time: so a request carries the time it actually left, and requests leave in the
// order of those times — whatever queued them, overtook them, or took longer to sign.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Send } from '../../../lib/engine/http';
import type { Clock } from '../../../lib/engine/rate-limit';
import { VenueClient } from '../../../lib/engine/venue-client';
import { venues } from '../../../lib/venues';
import type { HttpRequest } from '../../../lib/venues/types';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { simSend, simulatorForEachTest } from './sim-send';

const sim = simulatorForEachTest();
afterEach(() => vi.restoreAllMocks());

const tradernet = venues.tradernet;
const cancel = (client: VenueClient, orderId: string) => client.run(tradernet.cancel, { orderId }, TRADERNET_TEST_CREDENTIALS);
const list = (client: VenueClient, priority: 'now' | 'background' = 'now') => client.run(tradernet.openOrders, {}, TRADERNET_TEST_CREDENTIALS, priority);
/** The v2 nonce is the venue time in ms × 10000. */
const nonceMs = (req: HttpRequest) => Number(BigInt(new URLSearchParams(req.body ?? '').get('nonce') ?? '0') / 10000n);

describe('against the strict simulator (Tradernet v2, nonces must increase)', () => {
  it("a click's cancel that overtakes a queued background read: the venue takes both", async () => {
    sim.seed('tradernet', [{ id: '8393101', symbol: 'AAPL.US' }]);
    const client = new VenueClient(tradernet, simSend(sim));
    // The burst (2) is spent: the next two requests queue, the background read first.
    const burst = [list(client), list(client)];
    const background = list(client, 'background');
    const click = cancel(client, '8393101');
    const answers = await Promise.all([...burst, background, click]);
    expect(answers.map((a) => ('kind' in a ? a.kind : 'orders'))).toEqual(['orders', 'orders', 'orders', 'pending']);
    expect(sim.orders('tradernet')[0]?.status).toBe('cancelled');
  });

  it('a cancel whose signing takes longer is not overtaken by the next one: both are taken', async () => {
    sim.seed('tradernet', [{ id: '8393201' }, { id: '8393202' }]);
    const build = tradernet.cancel.build.bind(tradernet.cancel);
    let first = true;
    vi.spyOn(tradernet.cancel, 'build').mockImplementation(async (input) => {
      const slow = first;
      first = false;
      const built = await build(input);
      if (slow) await new Promise((r) => setTimeout(r, 50));
      return built;
    });
    const client = new VenueClient(tradernet, simSend(sim));
    const answers = await Promise.all([cancel(client, '8393201'), cancel(client, '8393202')]);
    expect(answers.map((a) => ('kind' in a ? a.kind : a))).toEqual(['pending', 'pending']);
    // Accepted: the simulator, like the venue, takes the order off a moment later.
    expect(sim.orders('tradernet').map((o) => o.status)).not.toContain('open');
  });
});

describe('the time a request carries', () => {
  /** A clock that moves only when someone sleeps (the rate limit's waits), ten times faster than real time. */
  const clock: Clock & { t: number } = {
    t: 1_780_000_000_000,
    now: () => clock.t,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(() => resolve(void (clock.t += ms)), ms / 10)),
  };

  it('is the time it left, not the time it was queued: ten cancels behind a 2-per-second limit', async () => {
    const left: Array<{ atMs: number; nonceMs: number }> = [];
    const send: Send = async (req) => {
      left.push({ atMs: clock.now(), nonceMs: nonceMs(req) });
      return { status: 200, headers: {}, body: '{"order_id":1}' };
    };
    const client = new VenueClient(tradernet, send, clock);
    await Promise.all(Array.from({ length: 10 }, (_, i) => cancel(client, String(8393300 + i))));
    expect(left).toHaveLength(10);
    // Waiting for the limit took seconds; each nonce is within a few ms of its request's departure.
    expect(left.at(-1)!.atMs - left[0]!.atMs).toBeGreaterThanOrEqual(4000);
    for (const { atMs, nonceMs } of left) expect(Math.abs(nonceMs - atMs)).toBeLessThan(10);
    const nonces = left.map((l) => l.nonceMs);
    expect(nonces).toEqual([...nonces].sort((a, b) => a - b));
    expect(new Set(nonces).size).toBe(10);
  });
});
