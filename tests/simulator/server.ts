// One HTTPS server on loopback that plays every venue at its real host names (Chromium maps the
// hosts here with --host-resolver-rules), plus a plain-HTTP control endpoint on loopback.
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VenueId } from '../../lib/venues/types';
import { makeCertificate } from './certs';
import { allPages, type VenuePage } from './pages';
import type { FaultRule, SimModes, SimOrder, SimOrderSeed, SimRequest, SimResponse, VenueContext, VenueSim } from './types';
import { allVenueSims } from './venues';
import { DEFAULT_IDLE_TIMEOUT_MS, SimNetwork, TLS_OPTIONS } from './network';

export interface LoggedRequest extends SimRequest {
  seq: number;
  /** performance.timeOrigin-based wall time in ms, sub-ms resolution. */
  atMs: number;
  venue: VenueId | null;
  kind: 'api' | 'page' | 'sim' | 'unknown-host';
}

export interface Simulator {
  port: number;
  controlPort: number;
  spki: string;
  hosts: string[];
  /** Chromium flags that route every venue host here and nothing anywhere else. */
  chromiumArgs: string[];
  requests: LoggedRequest[];
  /** Latency per venue, idle keep-alive timeout, connections opened per host (network.ts). */
  network: Pick<SimNetwork, 'setLatency' | 'connections' | 'dropConnections'>;
  setIdleTimeout(ms: number): void;
  apiRequests(venue?: VenueId): LoggedRequest[];
  seed(venue: VenueId, orders: SimOrderSeed[]): SimOrder[];
  orders(venue: VenueId): SimOrder[];
  setStatus(venue: VenueId, id: string, status: SimOrder['status']): void;
  fault(rule: FaultRule): void;
  setClockSkew(venue: VenueId, ms: number): void;
  /** Switches venue behaviours on (or off, with undefined values) until reset. */
  setModes(venue: VenueId, modes: SimModes): void;
  /** Waits until the log holds a request matching pred, or throws after timeoutMs. */
  waitForRequest(pred: (r: LoggedRequest) => boolean, timeoutMs?: number): Promise<LoggedRequest>;
  reset(): void;
  stop(): Promise<void>;
}

interface VenueState {
  sim: VenueSim;
  ctx: VenueContext;
  orders: Map<string, SimOrder>;
  skewMs: number;
  modes: SimModes;
  /** Whether the request being handled meets an expired-token fault. */
  tokenExpiredNow: boolean;
}

export interface SimulatorOptions {
  port?: number;
  /** Opens the loopback control endpoint on this port (0: any free port). */
  controlPort?: number;
  /** Defaults to every venue and every page. */
  venues?: VenueSim[];
  pages?: VenuePage[];
  /** How long an idle keep-alive connection stays open (default DEFAULT_IDLE_TIMEOUT_MS). */
  idleTimeoutMs?: number;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sims = options.venues ?? allVenueSims();
  const pages = options.pages ?? allPages();
  const hosts = [...new Set([...sims.flatMap((s) => s.apiHosts), ...pages.flatMap((p) => p.hosts)])];
  const cert = makeCertificate(hosts);
  const timers = new Set<NodeJS.Timeout>();
  const faults: FaultRule[] = [];
  const requests: LoggedRequest[] = [];
  const waiters = new Set<() => void>();
  let seq = 0;

  const venues = new Map<VenueId, VenueState>();
  for (const sim of sims) {
    const orders = new Map<string, SimOrder>();
    const state: VenueState = {
      sim,
      orders,
      skewMs: 0,
      modes: {},
      tokenExpiredNow: false,
      ctx: {
        now: () => Date.now() + state.skewMs,
        later: (ms, fn) => {
          const t = setTimeout(() => (timers.delete(t), fn()), ms);
          timers.add(t);
        },
        tokenExpired: () => state.tokenExpiredNow,
        orders,
        modes: () => state.modes,
      },
    };
    venues.set(sim.id, state);
  }

  const venueOf = (host: string): VenueState | undefined =>
    [...venues.values()].find((v) => v.sim.apiHosts.includes(host));
  const pageOf = (host: string, path: string): VenuePage | undefined =>
    pages.find((p) => p.hosts.includes(host) && path.startsWith(p.pathPrefix));
  const network = new SimNetwork(cert, (host) => venueOf(host)?.sim.id ?? pages.find((p) => p.hosts.includes(host))?.venue);

  function takeFault(venue: VenueId, req: SimRequest, kind: 'expired-token' | 'other') {
    const index = faults.findIndex(
      (f) =>
        f.venue === venue &&
        (f.fault.kind === 'expired-token') === (kind === 'expired-token') &&
        (!f.method || f.method === req.method) &&
        (!f.pathPrefix || req.path.startsWith(f.pathPrefix)),
    );
    if (index < 0) return undefined;
    const rule = faults[index]!;
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) faults.splice(index, 1);
    return rule.fault;
  }

  async function route(req: SimRequest, raw: ServerResponse, atMs: number): Promise<SimResponse | 'dropped'> {
    const path = req.path;
    const venue = venueOf(req.host);
    const page = pageOf(req.host, path);
    const log = (kind: LoggedRequest['kind'], id: VenueId | null) => {
      requests.push({ ...req, seq: ++seq, atMs, venue: id, kind });
      for (const wake of waiters) wake();
    };
    if (path.startsWith('/__sim/') && page) {
      log('sim', page.venue);
      return simPageApi(page, path);
    }
    if (venue && venue.sim.isApiPath(path.split('?')[0]!)) {
      log('api', venue.sim.id);
      const fault = takeFault(venue.sim.id, req, 'other');
      if (fault?.kind === 'respond') return { status: fault.status, headers: fault.headers, body: fault.body ?? '' };
      venue.tokenExpiredNow = !!takeFault(venue.sim.id, req, 'expired-token');
      const res = await venue.sim.handle(req, venue.ctx);
      venue.tokenExpiredNow = false;
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      if (fault?.kind === 'drop-connection') return dropConnection(raw);
      if (fault?.kind === 'lose-response') {
        // Headers and part of the body, then the connection drops: the request visibly reached
        // the server, so no HTTP stack may retry it on its own.
        raw.writeHead(res.status, { 'content-type': 'application/json', 'content-length': String(res.body.length + 64) });
        raw.write(res.body.slice(0, Math.floor(res.body.length / 2)));
        setTimeout(() => raw.socket?.destroy(), 20);
        return 'dropped';
      }
      return res;
    }
    if (page) {
      log('page', page.venue);
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.html() };
    }
    log('unknown-host', null);
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not simulated' };
  }

  function simPageApi(page: VenuePage, path: string): SimResponse {
    const orders = [...(venues.get(page.venue)?.orders.values() ?? [])];
    if (path.startsWith('/__sim/orders')) {
      return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(orders) };
    }
    return { status: 404, body: '' };
  }

  const server: HttpsServer = createHttpsServer({ key: cert.key, cert: cert.cert, SNICallback: network.sniCallback, ...TLS_OPTIONS }, (req, res) => {
    // The moment the request's head arrived: "received by the venue" in the bench's figures.
    const atMs = performance.timeOrigin + performance.now();
    network.carried(req.socket);
    readBody(req).then(async (body) => {
      const simReq: SimRequest = {
        host: (req.headers.host ?? '').replace(/:\d+$/, ''),
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: lowerHeaders(req),
        body,
      };
      const out = await route(simReq, res, atMs);
      if (out === 'dropped') return;
      await network.beforeReply(simReq.host);
      res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
      res.end(out.body);
    }).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`simulator error: ${String(error)}`);
    });
  });
  server.keepAliveTimeout = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  server.on('secureConnection', (socket) => network.track(socket, server.keepAliveTimeout));
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;

  const sim: Simulator = {
    port,
    controlPort: 0,
    spki: cert.spki,
    hosts,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}, MAP * ~NOTFOUND`,
      `--ignore-certificate-errors-spki-list=${cert.spki}`,
    ],
    requests,
    network,
    setIdleTimeout: (ms) => void (server.keepAliveTimeout = ms),
    apiRequests: (venue) => requests.filter((r) => r.kind === 'api' && (!venue || r.venue === venue)),
    seed(venue, seeds) {
      const state = venues.get(venue)!;
      return seeds.map((s, i) => {
        const order: SimOrder = {
          venue, symbol: 'TEST', side: 'BUY', price: 100, quantity: 1, filled: 0, status: 'open',
          createdAtMs: Date.now() - (seeds.length - i) * 1000, extra: {}, ...s,
        };
        state.orders.set(order.id, order);
        return order;
      });
    },
    orders: (venue) => [...venues.get(venue)!.orders.values()],
    setStatus(venue, id, status) {
      const order = venues.get(venue)!.orders.get(id);
      if (!order) throw new Error(`no ${venue} order ${id}`);
      order.status = status;
      if (status === 'filled') order.filled = order.quantity;
    },
    fault: (rule) => void faults.push({ times: 1, ...rule }),
    setClockSkew: (venue, ms) => void (venues.get(venue)!.skewMs = ms),
    setModes(venue, modes) {
      const state = venues.get(venue)!;
      state.modes = { ...state.modes, ...modes };
    },
    waitForRequest(pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = requests.find(pred);
          if (!hit) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => (waiters.delete(wake), reject(new Error('simulator: request not seen in time'))), timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
      network.reset();
      for (const v of venues.values()) (v.orders.clear(), (v.skewMs = 0), (v.modes = {}));
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      await Promise.all([close(server), control ? close(control) : undefined]);
    },
  };

  let control: Server | undefined;
  if (options.controlPort !== undefined) {
    control = createHttpServer((req, res) => void handleControl(sim, req, res)); // it answers its own errors
    await listen(control, options.controlPort);
    sim.controlPort = (control.address() as AddressInfo).port;
  }
  return sim;
}

// Control endpoint (loopback only): lets a script or a person drive the simulator from outside.
async function handleControl(sim: Simulator, req: IncomingMessage, res: ServerResponse) {
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  try {
    const body = await readBody(req);
    const input = body ? JSON.parse(body) : {};
    const url = new URL(req.url ?? '/', 'http://control');
    if (req.method === 'GET' && url.pathname === '/requests') return reply(200, sim.requests);
    if (req.method === 'GET' && url.pathname === '/orders') return reply(200, sim.orders(url.searchParams.get('venue') as VenueId));
    if (req.method === 'POST' && url.pathname === '/seed') return reply(200, sim.seed(input.venue, input.orders));
    if (req.method === 'POST' && url.pathname === '/status') return reply(200, sim.setStatus(input.venue, input.id, input.status));
    if (req.method === 'POST' && url.pathname === '/fault') return reply(200, sim.fault(input));
    if (req.method === 'POST' && url.pathname === '/clock-skew') return reply(200, sim.setClockSkew(input.venue, input.ms));
    if (req.method === 'POST' && url.pathname === '/modes') return reply(200, sim.setModes(input.venue, input.modes));
    if (req.method === 'POST' && url.pathname === '/reset') return reply(200, sim.reset());
    reply(404, { error: 'unknown control route' });
  } catch (error) {
    reply(400, { error: String(error) });
  }
}

/**
 * The request was applied; the connection that carried it (kept alive) is destroyed before a byte
 * of the answer. To the browser this looks like a stale kept-alive connection, which it may retry.
 */
function dropConnection(raw: ServerResponse): 'dropped' {
  raw.socket?.destroy();
  return 'dropped';
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const listen = (server: Server | HttpsServer, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

const close = (server: Server | HttpsServer) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
