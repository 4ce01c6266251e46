// The keep-warm period: 15 s, below the servers' idle timeout and Chrome's worker idle stop; a
// stored knob may only shorten it, within bounds.
import { describe, expect, it, vi } from 'vitest';
import { KEEP_WARM_MS, parseKeepWarm } from '../../../lib/background/keep-warm';

describe('the keep-warm period', () => {
  it('is 15 s unless a valid shorter one is stored', () => {
    expect(KEEP_WARM_MS).toBe(15_000);
    for (const stored of [undefined, null, 'fast', NaN, Infinity, {}]) expect(parseKeepWarm(stored)).toBe(KEEP_WARM_MS);
    expect(parseKeepWarm(2_000)).toBe(2_000);
  });

  it('never runs longer than 15 s nor shorter than half a second', () => {
    expect(parseKeepWarm(60_000)).toBe(KEEP_WARM_MS);
    expect(parseKeepWarm(1)).toBe(500);
  });
});

describe('the keep-warm read', () => {
  it('goes through the venue\'s token bucket at background priority: a click never queues behind it', async () => {
    const { CancelEngine } = await import('../../../lib/engine/engine');
    const { engineApi } = await import('../../../lib/engine/api');
    const { TokenBucket } = await import('../../../lib/engine/rate-limit');
    const { venues } = await import('../../../lib/venues');
    const take = vi.spyOn(TokenBucket.prototype, 'take');
    const send = vi.fn(async () => ({ status: 200, headers: {}, body: '{"result":{"orders":{"order":[]}}}' }));
    const engine = new CancelEngine({ venues, credentials: { get: async () => ({ state: 'locked' as const }) }, send, lateFillChecksMs: [] });
    await engineApi(engine, venues).knownOrders('tradernet', { publicKey: 'p', privateKey: 'k', scheme: 'v2', domain: 'tradernet.com' });
    expect(send).toHaveBeenCalledOnce();
    expect(take.mock.calls).toEqual([['background']]);
  });
});
