// The engine's Send, wired to the in-process simulator over real HTTPS, so engine tests run the
// real adapters against the strict venues without a browser.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Send } from '../../../lib/engine/http';
import { sendToSimulator } from '../../simulator/https-client';
import { startSimulator, type Simulator } from '../../simulator/server';

export const simSend = (sim: Simulator, timeoutMs = 10_000): Send => (req) => sendToSimulator(sim.port, req, { timeoutMs });

/**
 * One simulator for the test file, started before its first test, with it and the fake browser's
 * storage reset before each test: the engine tests that run real adapters all start this way.
 */
export function simulatorForEachTest(): Simulator {
  let started: Simulator | undefined;
  beforeAll(async () => (started = await startSimulator()));
  afterAll(async () => started?.stop());
  beforeEach(() => {
    fakeBrowser.reset();
    started!.reset();
  });
  return new Proxy({} as Simulator, {
    get: (_, key) => {
      const value = Reflect.get(started!, key) as unknown;
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
