// Real HTTPS to the simulator from Node, the way the extension's fetch would send a request: the
// venue host in SNI and Host, the path and query untouched. Tests may bend any part of it.
import { request } from 'node:https';
import type { HttpRequest, HttpResponse } from '../../lib/venues/types';

export interface SendOptions {
  /** Another Host/SNI than the URL's. */
  host?: string;
  /** A raw path (and query) instead of the URL's. */
  path?: string;
  /** Extra or replaced headers; `undefined` removes one. */
  headers?: Record<string, string | undefined>;
  body?: string;
  method?: string;
  timeoutMs?: number;
}

export function sendToSimulator(port: number, req: HttpRequest, opts: SendOptions = {}): Promise<HttpResponse> {
  const url = new URL(req.url);
  const host = opts.host ?? url.hostname;
  const body = opts.body ?? req.body ?? undefined;
  const headers: Record<string, string> = { host };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  for (const [k, v] of Object.entries({ ...req.headers, ...opts.headers })) if (v !== undefined) headers[k] = v;
  for (const [k, v] of Object.entries(opts.headers ?? {})) if (v === undefined) delete headers[k];
  const path = opts.path ?? req.url.slice(url.origin.length);
  return new Promise((resolve) => {
    const noAnswer = (transportError: 'timeout' | 'network') => resolve({ status: 0, headers: {}, body: '', transportError });
    const r = request(
      { host: '127.0.0.1', port, servername: host, method: opts.method ?? req.method, path, headers, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (!res.complete) return noAnswer('network');
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') out[k.toLowerCase()] = v;
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('aborted', () => noAnswer('network'));
        res.on('error', () => noAnswer('network'));
      },
    );
    r.setTimeout(opts.timeoutMs ?? 10_000, () => {
      r.destroy();
      noAnswer('timeout');
    });
    r.on('error', () => noAnswer('network'));
    r.end(body);
  });
}
