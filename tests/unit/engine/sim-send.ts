// The engine's Send, wired to the in-process simulator over real HTTPS, so engine tests run the
// real adapters against the strict venues without a browser.
import type { Send } from '../../../lib/engine/http';
import { sendToSimulator } from '../../simulator/https-client';
import type { Simulator } from '../../simulator/server';

export const simSend = (sim: Simulator, timeoutMs = 10_000): Send => (req) => sendToSimulator(sim.port, req, { timeoutMs });
