// The one place a venue request leaves the extension.
import type { HttpRequest, HttpResponse } from '../venues/types';

export const REQUEST_TIMEOUT_MS = 10_000;

export type Send = (request: HttpRequest) => Promise<HttpResponse>;

export const sendRequest: Send = async (request) => {
  try {
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
    return { status: res.status, headers, body: await res.text() };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const transportError = name === 'TimeoutError' ? 'timeout' : name === 'AbortError' ? 'aborted' : 'network';
    return { status: 0, headers: {}, body: '', transportError };
  }
};
