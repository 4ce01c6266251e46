// The content script's port to the background: one port for every message, replies matched to
// requests, and a request never left hanging when the port closes under it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PortRequest } from '../../../lib/model';
import { portMessenger, PortClosedError } from '../../../lib/page/runtime/messenger';
import { portPair, type FakePort } from '../fake-port';

/** A message the port carries: which one does not matter to the messenger, only that it is a request. */
const msg = (id: string) => ({ type: 'status' as const, venue: 'pocketful' as const, orderIds: [id] });

/** A background that answers each request with `answer(message)` after `delayMs`. */
function background(answer: (message: unknown) => unknown = (m) => ({ echo: m }), delayMs = 0) {
  const servers: FakePort[] = [];
  const connect = vi.fn(() => {
    const { client, server } = portPair('qc-content');
    servers.push(server);
    server.onMessage.addListener((raw) => {
      const { id, message } = raw as PortRequest;
      setTimeout(() => !server.closed && server.postMessage({ id, reply: answer(message) }), delayMs);
    });
    return client;
  });
  return { connect, servers };
}

afterEach(() => vi.useRealTimers());

describe('portMessenger', () => {
  it('sends every message over one port and gives each request its own reply, whatever the order', async () => {
    const bg = background((m) => ({ echo: m }));
    const messenger = portMessenger(bg.connect);
    const replies = await Promise.all([messenger.send(msg('a')), messenger.send(msg('b')), messenger.send(msg('c'))]);
    expect(replies).toEqual([{ echo: msg('a') }, { echo: msg('b') }, { echo: msg('c') }]);
    expect(bg.connect).toHaveBeenCalledTimes(1);
  });

  it('a request whose port closes before the reply fails with PortClosedError, so the caller asks how it ended', async () => {
    const bg = background(() => 'late', 50);
    const messenger = portMessenger(bg.connect);
    const pending = messenger.send(msg('cancel'));
    await vi.waitFor(() => expect(bg.servers).toHaveLength(1));
    bg.servers[0]!.disconnect(); // the worker stopped
    await expect(pending).rejects.toBeInstanceOf(PortClosedError);
  });

  it('connects again after the port closed', async () => {
    const bg = background();
    const messenger = portMessenger(bg.connect);
    await messenger.send(msg('1'));
    bg.servers[0]!.disconnect();
    await new Promise((r) => setTimeout(r, 5));
    expect(await messenger.send(msg('2'))).toEqual({ echo: msg('2') });
    expect(bg.connect).toHaveBeenCalledTimes(2);
  });

  it('a port that closed before its disconnect event was seen: the message goes on a fresh port', async () => {
    const bg = background();
    const messenger = portMessenger(bg.connect);
    await messenger.send(msg('1'));
    bg.servers[0]!.disconnect();
    // Same task: the disconnect event has not been delivered yet, but the port is closed.
    expect(await messenger.send(msg('2'))).toEqual({ echo: msg('2') });
    expect(bg.connect).toHaveBeenCalledTimes(2);
  });

  it('when the extension context is gone, a send fails instead of hanging', async () => {
    const messenger = portMessenger(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(messenger.send(msg('cancel'))).rejects.toThrow('Extension context invalidated');
  });

  it('closes a port idle for a while, never one with a request waiting', async () => {
    vi.useFakeTimers();
    const bg = background(() => 'slow', 90_000);
    const messenger = portMessenger(bg.connect, 60_000);
    const slow = messenger.send(msg('cancel'));
    await vi.advanceTimersByTimeAsync(61_000);
    expect(bg.servers[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(slow).resolves.toBe('slow');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(bg.servers[0]!.closed).toBe(true);
  });

  it('passes on the background\'s "sent" for a request, then its reply', async () => {
    const servers: FakePort[] = [];
    const messenger = portMessenger(() => {
      const { client, server } = portPair('qc-content');
      servers.push(server);
      server.onMessage.addListener((raw) => {
        const { id } = raw as PortRequest;
        server.postMessage({ id, progress: 'sent' });
        server.postMessage({ id, reply: 'done' });
      });
      return client;
    });
    const events: string[] = [];
    const reply = await messenger.send(msg('cancel'), () => events.push('sent'));
    events.push(`reply: ${reply}`);
    expect(events).toEqual(['sent', 'reply: done']);
  });

  it('ignores anything on the port that is not a reply to a request of its own', async () => {
    const bg = background();
    const messenger = portMessenger(bg.connect);
    const reply = messenger.send(msg('x'));
    await vi.waitFor(() => expect(bg.servers).toHaveLength(1));
    bg.servers[0]!.postMessage(null);
    bg.servers[0]!.postMessage({ id: 99, reply: 'not asked' });
    bg.servers[0]!.postMessage('junk');
    await expect(reply).resolves.toEqual({ echo: msg('x') });
  });
});
