// The content script's line to the background: one long-lived port instead of a sendMessage per
// message. sendMessage opens a new channel to the worker every time; a message on an open port is
// one hop (in Chromium on this project's 2-core machines: 0.7–1.0 ms against 2.7 ms), and a
// cancel's cost is that hop.
import type { PortLike, PortProgress, PortReply, PortRequest } from '@/lib/model';
import type { Messenger } from './inject';
import { benchMark } from '../../bench-marks';

/** A port with no traffic for this long is closed, so that it never holds the background open. */
export const PORT_IDLE_MS = 60_000;

export class PortClosedError extends Error {
  constructor() {
    super('The connection to QuickCancel closed before it answered');
  }
}

/**
 * Connects on first use and again after the port closes (the worker stopped, the extension was
 * reloaded). A request whose port closes before the reply rejects with PortClosedError: the
 * caller asks how its cancel ended rather than guess.
 */
export function portMessenger(connect: () => PortLike, idleMs = PORT_IDLE_MS): Messenger {
  let port: PortLike | undefined;
  let nextId = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const waiting = new Map<number, { resolve(reply: unknown): void; reject(error: Error): void; onSent?(): void }>();

  const closed = (current: PortLike) => {
    if (port !== current) return;
    port = undefined;
    clearTimeout(idleTimer);
    for (const { reject } of waiting.values()) reject(new PortClosedError());
    waiting.clear();
  };
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      const current = port;
      if (!current) return;
      if (waiting.size > 0) return touch();
      closed(current);
      current.disconnect();
    }, idleMs);
  };
  const open = (): PortLike => {
    const opened = connect();
    opened.onMessage.addListener((raw) => {
      const { id, reply, progress } = (raw ?? {}) as Partial<PortReply & PortProgress>;
      const request = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!request) return;
      if (progress === 'sent') return request.onSent?.();
      waiting.delete(id!);
      touch();
      // The background answers a numbered request with that message type's reply (router.ts).
      request.resolve(reply);
    });
    opened.onDisconnect.addListener(() => closed(opened));
    return opened;
  };

  return {
    send(message, onSent) {
      return new Promise((resolve, reject) => {
        const id = ++nextId;
        // A port that closed a moment ago (its disconnect event not seen yet) throws: once more,
        // on a fresh port. Throwing again means the extension context is gone (reloaded, updated).
        for (const lastTry of [false, true]) {
          try {
            port ??= open();
            waiting.set(id, { resolve, reject, onSent });
            port.postMessage({ id, message } satisfies PortRequest);
            benchMark('qc:posted');
            touch();
            return;
          } catch (error) {
            waiting.delete(id);
            if (lastTry) reject(error instanceof Error ? error : new Error(String(error)));
            else if (port) closed(port);
          }
        }
      });
    },
  };
}
