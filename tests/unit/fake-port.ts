// Two connected ends of a runtime port, as Chromium gives them: messages arrive asynchronously, in
// order; disconnecting one end fires onDisconnect on the other only; a closed end throws on post.
import type { PortLike } from '../../lib/page/runtime/messenger';
import type { Sender } from '../../lib/background/router';

export interface FakePort extends PortLike {
  name: string;
  sender?: Sender;
  readonly closed: boolean;
}

export function portPair(name: string, sender?: Sender): { client: FakePort; server: FakePort } {
  const end = (): FakePort & { peer?: FakePort & Internal } & Internal => {
    const messageListeners: Array<(m: unknown) => void> = [];
    const disconnectListeners: Array<() => void> = [];
    const port = {
      name,
      closed: false,
      postMessage(message: unknown) {
        if (port.closed) throw new Error('Attempting to use a disconnected port object');
        const copy = structuredClone(message);
        setTimeout(() => port.peer && !port.peer.closed && port.peer.deliver(copy));
      },
      disconnect() {
        if (port.closed) return;
        port.closed = true;
        port.peer?.hangUp();
      },
      onMessage: { addListener: (cb: (m: unknown) => void) => void messageListeners.push(cb) },
      onDisconnect: { addListener: (cb: () => void) => void disconnectListeners.push(cb) },
      deliver: (m: unknown) => messageListeners.forEach((cb) => cb(m)),
      hangUp() {
        if (port.closed) return;
        port.closed = true;
        setTimeout(() => disconnectListeners.forEach((cb) => cb()));
      },
      peer: undefined as (FakePort & Internal) | undefined,
    };
    return port;
  };
  const client = end();
  const server = end();
  client.peer = server;
  server.peer = client;
  server.sender = sender;
  return { client, server };
}

interface Internal {
  deliver(message: unknown): void;
  hangUp(): void;
}
