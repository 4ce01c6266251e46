// The one place a venue request leaves the extension.
import type { HttpRequest, HttpResponse } from '../venues/types';
import { benchMark } from '../bench-marks';

export const REQUEST_TIMEOUT_MS = 10_000;
/** No venue's answer to a cancel or an order list comes near this; a larger one is not read. */
export const MAX_BODY_BYTES = 256 * 1024;

class TooLarge extends Error {
  override name = 'TooLarge';
}

/** The body, read only up to the bound: a venue (or something posing as one) cannot fill memory. */
async function readCapped(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw new TooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

export type Send = (request: HttpRequest) => Promise<HttpResponse>;

export const sendRequest: Send = async (request) => {
  try {
    benchMark('qc:fetch');
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Key- and token-authenticated requests must not carry the venue's session cookies, and a
      // signed request must never follow a redirect to another host.
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: res.status, headers, body: await readCapped(res) };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const transportError = name === 'TimeoutError' ? 'timeout' : name === 'AbortError' ? 'aborted' : name === 'TooLarge' ? 'too-large' : 'network';
    return { status: 0, headers: {}, body: '', transportError };
  }
};
