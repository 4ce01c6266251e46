// The background end of the content scripts' ports: each request goes through the same router
// (message schema and sender checks) as a runtime message, and its reply goes back on the port
// with the request's number, preceded by a "sent" note when a cancel request leaves.
import { CONTENT_PORT, type PortLike, type PortProgress, type PortReply } from '@/lib/model';
import type { OnSent } from './handlers';
import type { Sender } from './router';
import { benchMark } from '../bench-marks';

export interface ContentPort extends PortLike {
  name: string;
  sender?: Sender;
}

export type Handle = (message: unknown, sender: Sender, onSent?: OnSent) => Promise<unknown>;

export function serveContentPort(port: ContentPort, handle: Handle): void {
  if (port.name !== CONTENT_PORT) return port.disconnect();
  const sender = port.sender ?? {};
  port.onMessage.addListener((raw) => {
    benchMark('qc:received');
    const { id, message } = (raw ?? {}) as { id?: unknown; message?: unknown };
    // Without a request number there is no one to answer.
    if (typeof id !== 'number') return;
    const post = (body: PortReply | PortProgress) => {
      try {
        port.postMessage(body);
      } catch {
        // The tab closed or navigated: the journal holds the outcome; its next page asks for it.
      }
    };
    const reply = (body: unknown) => post({ id, reply: body });
    handle(message, sender, () => post({ id, progress: 'sent' })).then(reply, (error: unknown) => reply({ ok: false, error: String(error) }));
  });
}
