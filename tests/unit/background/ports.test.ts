// The background end of a content script's port: every request goes through the router with the
// port's sender, and its reply goes back under the request's number.
import { describe, expect, it, vi } from 'vitest';
import { serveContentPort } from '../../../lib/background/ports';
import { CONTENT_PORT } from '../../../lib/page/runtime/messenger';
import { portPair } from '../fake-port';

const TAB_SENDER = { id: 'ext', frameId: 0, url: 'https://trade.pocketful.in/orders', tab: { id: 7, url: 'https://trade.pocketful.in/orders' } };

function replies(port: { onMessage: { addListener(cb: (m: unknown) => void): void } }) {
  const got: unknown[] = [];
  port.onMessage.addListener((m) => got.push(m));
  return got;
}

describe('serveContentPort', () => {
  it('hands each request and the port\'s sender to the router, and answers under the request\'s number', async () => {
    const { client, server } = portPair(CONTENT_PORT, TAB_SENDER);
    const handle = vi.fn(async (message: unknown) => ({ ok: true, saw: message }));
    serveContentPort(server, handle);
    const got = replies(client);
    client.postMessage({ id: 1, message: { type: 'status' } });
    client.postMessage({ id: 2, message: { type: 'cancel' } });
    await vi.waitFor(() => expect(got).toHaveLength(2));
    expect(got).toEqual([{ id: 1, reply: { ok: true, saw: { type: 'status' } } }, { id: 2, reply: { ok: true, saw: { type: 'cancel' } } }]);
    expect(handle).toHaveBeenCalledWith({ type: 'status' }, TAB_SENDER, expect.any(Function));
  });

  it('tells the page the moment its cancel request has left, before the reply', async () => {
    const { client, server } = portPair(CONTENT_PORT, TAB_SENDER);
    serveContentPort(server, async (_message, _sender, onSent) => {
      onSent?.();
      await new Promise((r) => setTimeout(r, 20));
      return { ok: true };
    });
    const got = replies(client);
    client.postMessage({ id: 3, message: { type: 'cancel' } });
    await vi.waitFor(() => expect(got).toEqual([{ id: 3, progress: 'sent' }, { id: 3, reply: { ok: true } }]));
  });

  it('a handler that throws is answered with an error, not silence', async () => {
    const { client, server } = portPair(CONTENT_PORT, TAB_SENDER);
    serveContentPort(server, async () => {
      throw new Error('boom');
    });
    const got = replies(client);
    client.postMessage({ id: 5, message: {} });
    await vi.waitFor(() => expect(got).toEqual([{ id: 5, reply: { ok: false, error: 'Error: boom' } }]));
  });

  it('a request without a number is dropped unanswered; the router never sees it', async () => {
    const { client, server } = portPair(CONTENT_PORT, TAB_SENDER);
    const handle = vi.fn(async () => ({ ok: true }));
    serveContentPort(server, handle);
    for (const junk of [null, 'cancel', { message: { type: 'cancel' } }, { id: '1', message: {} }]) client.postMessage(junk);
    await new Promise((r) => setTimeout(r, 10));
    expect(handle).not.toHaveBeenCalled();
  });

  it('a tab that went away before the reply: the reply is dropped without an error', async () => {
    const { client, server } = portPair(CONTENT_PORT, TAB_SENDER);
    let finish!: () => void;
    serveContentPort(server, () => new Promise((r) => (finish = () => r({ ok: true }))));
    client.postMessage({ id: 1, message: {} });
    await vi.waitFor(() => expect(finish).toBeTypeOf('function'));
    client.disconnect();
    expect(() => finish()).not.toThrow();
    await new Promise((r) => setTimeout(r, 5));
  });

  it('a port of any other name is closed at once', async () => {
    const { client, server } = portPair('something-else', TAB_SENDER);
    const handle = vi.fn(async () => ({ ok: true }));
    serveContentPort(server, handle);
    expect(server.closed).toBe(true);
    expect(() => client.postMessage({ id: 1, message: {} })).toThrow();
  });
});
