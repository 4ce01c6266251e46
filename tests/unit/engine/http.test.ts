// The one place a request leaves: what it sends, and how much of an answer it is willing to read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, sendRequest } from '../../../lib/engine/http';
import type { HttpRequest } from '../../../lib/venues/types';

const request: HttpRequest = { method: 'DELETE', url: 'https://api.example.test/orders/1', headers: {}, body: null };

function answer(body: BodyInit, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status: 200, headers })));
}

/** A body that arrives in chunks and never says its length up front. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, 64 * 1024);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}

describe('sendRequest', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('omits cookies, never follows a redirect, and bypasses the cache', async () => {
    answer('{"status":"ok"}');
    const res = await sendRequest(request);
    expect(res).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(vi.mocked(fetch).mock.calls[0]![1]).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store', method: 'DELETE' });
  });

  it('reads a body up to the bound', async () => {
    answer(streamed(MAX_BODY_BYTES));
    const res = await sendRequest(request);
    expect(res.body).toHaveLength(MAX_BODY_BYTES);
    expect(res.transportError).toBeUndefined();
  });

  it('stops reading a streamed body past the bound: an answer not read, never a truncated one', async () => {
    answer(streamed(3 * 1024 * 1024));
    expect(await sendRequest(request)).toEqual({ status: 0, headers: {}, body: '', transportError: 'too-large' });
  });

  it('does not start reading a body whose declared length is past the bound', async () => {
    answer('x', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect((await sendRequest(request)).transportError).toBe('too-large');
  });

  it('names a network failure as such', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect((await sendRequest(request)).transportError).toBe('network');
  });
});
