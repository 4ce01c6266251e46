// @vitest-environment node
// The request ready before the click, end to end through the engine and the strict simulator: a
// press builds and signs the cancel and sends nothing; the click sends that very request; a press
// with no click leaves no trace at the venue or in the journal; a late click, or one after another
// request went to the venue, builds anew and the venue still takes it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engineApi } from '../../../lib/engine/api';
import { CancelEngine } from '../../../lib/engine/engine';
import { Journal } from '../../../lib/engine/journal';
import { PREPARED_MAX_AGE_MS } from '../../../lib/engine/prepared';
import type { Clock } from '../../../lib/engine/rate-limit';
import { Vault } from '../../../lib/vault/vault';
import { venues, type VenueId } from '../../../lib/venues';
import { startSimulator, type Simulator } from '../../simulator/server';
import { COINSWITCH_TEST_CREDENTIALS } from '../../simulator/venues/coinswitch';
import { TRADERNET_TEST_CREDENTIALS } from '../../simulator/venues/tradernet';
import { simSend } from './sim-send';

let sim: Simulator;
beforeAll(async () => (sim = await startSimulator()));
afterAll(async () => sim.stop());
beforeEach(() => {
  fakeBrowser.reset();
  sim.reset();
});
afterEach(() => vi.restoreAllMocks());

/** Real time, moved on by hand: the simulator checks timestamps against its own clock. */
const clock: Clock & { skip: number } = { skip: 0, now: () => Date.now() + clock.skip, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

async function setUp(venue: VenueId, credentials: unknown) {
  clock.skip = 0;
  const vault = new Vault();
  await vault.setup('correct horse battery staple');
  await vault.set(venue, credentials);
  const engine = new CancelEngine({ venues, credentials: vault, send: simSend(sim), clock, pendingDeadlineMs: 5000, pollIntervalMs: 100, lateFillChecksMs: [] });
  const api = engineApi(engine, venues);
  // The page showed the order: its list is known (what the keep-warm read does every period).
  await api.knownOrders(venue, credentials);
  const build = vi.spyOn(venues[venue].cancel, 'build');
  return { api, engine, build };
}

const CS_ID = '698ed406-8ef5-4664-9779-f7978702a447';
const cancels = (venue: VenueId) => sim.apiRequests(venue).filter((r) => r.method === 'DELETE' || r.path.includes('delTradeOrder'));

describe('a press before the click', () => {
  it('builds and signs the cancel, and sends nothing and journals nothing', async () => {
    sim.seed('coinswitch', [{ id: CS_ID, symbol: 'BTC/INR' }]);
    const { api, engine, build } = await setUp('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    const before = sim.requests.length;
    expect(await api.prepare('coinswitch', CS_ID)).toBe(true);
    expect(build).toHaveBeenCalledOnce();
    expect(sim.requests.length).toBe(before);
    expect(await new Journal().list()).toEqual([]);
    expect(engine.client('coinswitch').preparedCount).toBe(1);
  });

  it('the click sends the prepared request as it is: no second build, one cancel, and the venue takes it', async () => {
    sim.seed('coinswitch', [{ id: CS_ID, symbol: 'BTC/INR' }]);
    const { api, engine, build } = await setUp('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    await api.prepare('coinswitch', CS_ID);
    const entry = await api.cancel({ venue: 'coinswitch', orderId: CS_ID, hints: {}, source: 'page' });
    expect(entry.status).toBe('cancelled');
    expect(build).toHaveBeenCalledOnce();
    expect(cancels('coinswitch')).toHaveLength(1);
    expect(engine.client('coinswitch').preparedCount).toBe(0);
  });

  it('a click after the request has waited too long builds anew (a fresh timestamp), and the venue takes it', async () => {
    sim.seed('coinswitch', [{ id: CS_ID, symbol: 'BTC/INR' }]);
    const { api, build } = await setUp('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    await api.prepare('coinswitch', CS_ID);
    clock.skip = PREPARED_MAX_AGE_MS + 1;
    const entry = await api.cancel({ venue: 'coinswitch', orderId: CS_ID, hints: {}, source: 'page' });
    expect(entry.status).toBe('cancelled');
    expect(build).toHaveBeenCalledTimes(2);
    expect(cancels('coinswitch')).toHaveLength(1);
  });

  it('Tradernet: a read sent between press and click makes the prepared nonce stale; the click builds anew and is not refused', async () => {
    sim.seed('tradernet', [{ id: '3006' }]);
    const { api, engine, build } = await setUp('tradernet', TRADERNET_TEST_CREDENTIALS);
    await api.prepare('tradernet', '3006');
    // The keep-warm read goes with a later nonce.
    await engine.client('tradernet').openOrders(TRADERNET_TEST_CREDENTIALS, true);
    const entry = await api.cancel({ venue: 'tradernet', orderId: '3006', hints: {}, source: 'page' });
    expect(entry.status).toBe('cancelled');
    expect(build).toHaveBeenCalledTimes(2);
    expect(cancels('tradernet')).toHaveLength(1);
  });

  it('Tradernet: presses that never became clicks burn no nonce the next request needs', async () => {
    sim.seed('tradernet', [{ id: '3007' }]);
    const { api } = await setUp('tradernet', TRADERNET_TEST_CREDENTIALS);
    for (let i = 0; i < 3; i++) await api.prepare('tradernet', '3007');
    clock.skip = PREPARED_MAX_AGE_MS + 1;
    expect(cancels('tradernet')).toHaveLength(0);
    const entry = await api.cancel({ venue: 'tradernet', orderId: '3007', hints: {}, source: 'page' });
    expect(entry.status).toBe('cancelled');
    expect(cancels('tradernet')).toHaveLength(1);
  });

  it('an order the engine does not know yet is not looked up for a press: nothing is prepared, nothing sent', async () => {
    sim.seed('coinswitch', [{ id: CS_ID, symbol: 'BTC/INR' }]);
    const { api, build } = await setUp('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    const before = sim.requests.length;
    expect(await api.prepare('coinswitch', '11111111-2222-3333-4444-555555555555')).toBe(false);
    expect(build).not.toHaveBeenCalled();
    expect(sim.requests.length).toBe(before);
  });

  it('locked: nothing is prepared', async () => {
    sim.seed('coinswitch', [{ id: CS_ID, symbol: 'BTC/INR' }]);
    const vault = new Vault();
    await vault.setup('correct horse battery staple');
    await vault.set('coinswitch', COINSWITCH_TEST_CREDENTIALS);
    await vault.lock();
    const engine = new CancelEngine({ venues, credentials: vault, send: simSend(sim), lateFillChecksMs: [] });
    expect(await engine.prepare('coinswitch', CS_ID)).toBe(false);
    expect(sim.requests).toEqual([]);
  });
});
