// @vitest-environment node
// The simulated network: a delay on each new connection's handshake and on each reply, per venue
// and only when switched on; every TLS connection counted per host; idle keep-alive connections
// closed by the server after its idle timeout.
import { Agent, request } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCertificate } from '../../simulator/certs';
import { SimNetwork } from '../../simulator/network';
import { startSimulator, type Simulator } from '../../simulator/server';

const API = 'api.pocketful.in';
const WEB = 'trade.pocketful.in';

function get(sim: Simulator, agent: Agent, host: string, path = '/__sim/orders'): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port: sim.port, servername: host, headers: { host }, path, agent, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', reject);
    r.end();
  });
}

describe('connections, counted per host', () => {
  let sim: Simulator;
  beforeAll(async () => (sim = await startSimulator()));
  afterAll(async () => sim.stop());
  beforeEach(() => sim.reset());

  it('requests on one kept-alive connection count once; a new connection counts again', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await get(sim, agent, WEB);
    await get(sim, agent, WEB);
    expect(sim.network.connections(WEB)).toEqual({ opened: 1, open: 1 });
    const other = new Agent({ keepAlive: true });
    await get(sim, other, WEB);
    expect(sim.network.connections(WEB).opened).toBe(2);
    expect(sim.network.connections(API).opened).toBe(0);
    agent.destroy();
    other.destroy();
  });

  it('the server closes a kept-alive connection once it has been idle for the idle timeout', async () => {
    sim.setIdleTimeout(100);
    const agent = new Agent({ keepAlive: true });
    await get(sim, agent, WEB);
    await vi.waitFor(() => expect(sim.network.connections(WEB)).toEqual({ opened: 1, open: 0 }), { timeout: 5000 });
    agent.destroy();
  });

  it('dropConnections closes every connection to the host: the next request opens a new one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await get(sim, agent, WEB);
    sim.network.dropConnections(WEB);
    await vi.waitFor(() => expect(sim.network.connections(WEB).open).toBe(0));
    await get(sim, agent, WEB);
    expect(sim.network.connections(WEB).opened).toBe(2);
    agent.destroy();
  });
});

describe('latency, per venue', () => {
  const cert = makeCertificate(['example.test']);
  const venueOf = (host: string) => (host === API || host === WEB ? 'pocketful' as const : undefined);

  function network() {
    const waits: Array<{ ms: number; run: () => void }> = [];
    return { waits, net: new SimNetwork(cert, venueOf, (ms, run) => void waits.push({ ms, run })) };
  }

  it('off by default: a handshake and a reply go on at once', async () => {
    const { waits, net } = network();
    const done = vi.fn();
    net.sniCallback(API, done);
    await net.beforeReply(API);
    expect(done).toHaveBeenCalledOnce();
    expect(waits).toEqual([]);
  });

  it('on: the handshake waits connectMs and the reply replyMs, on every host of that venue only', async () => {
    const { waits, net } = network();
    net.setLatency('pocketful', { connectMs: 25, replyMs: 7 });
    const done = vi.fn();
    net.sniCallback(WEB, done);
    expect(done).not.toHaveBeenCalled();
    expect(waits.map((w) => w.ms)).toEqual([25]);
    waits.shift()!.run();
    expect(done).toHaveBeenCalledWith(null, expect.anything());

    let replied = false;
    const reply = net.beforeReply(API).then(() => (replied = true));
    await Promise.resolve();
    expect(replied).toBe(false);
    expect(waits.map((w) => w.ms)).toEqual([7]);
    waits.shift()!.run();
    await reply;
    expect(replied).toBe(true);

    // Another venue's host is not slowed.
    net.sniCallback('api.zebpay.com', vi.fn());
    await net.beforeReply('api.zebpay.com');
    expect(waits).toEqual([]);
  });

  it('switched off again (or reset), nothing waits', async () => {
    const { waits, net } = network();
    net.setLatency('pocketful', { connectMs: 25, replyMs: 25 });
    net.setLatency('pocketful', undefined);
    net.sniCallback(API, vi.fn());
    await net.beforeReply(API);
    expect(waits).toEqual([]);
  });
});
