// The engine's Send, wired to the in-process simulator over real HTTPS (node:https), so engine
// tests run the real adapters against the strict venues without a browser.
import { request } from 'node:https';
import type { Send } from '../../../lib/engine/http';
import type { Simulator } from '../../simulator/server';

export function simSend(sim: Simulator, timeoutMs = 10_000): Send {
  return (req) =>
    new Promise((resolve) => {
      const url = new URL(req.url);
      const body = req.body ?? undefined;
      const headers: Record<string, string> = { ...req.headers, host: url.hostname };
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const r = request(
        { host: '127.0.0.1', port: sim.port, servername: url.hostname, method: req.method, path: url.pathname + url.search, headers, rejectUnauthorized: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out[k] = v;
            resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', () => resolve({ status: 0, headers: {}, body: '', transportError: 'network' }));
        },
      );
      r.setTimeout(timeoutMs, () => {
        r.destroy();
        resolve({ status: 0, headers: {}, body: '', transportError: 'timeout' });
      });
      r.on('error', () => resolve({ status: 0, headers: {}, body: '', transportError: 'network' }));
      r.end(body);
    });
}
