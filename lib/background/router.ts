// Checks what a runtime message is and who sent it, then hands it to its handler. Content scripts
// may only ask to cancel or for status, for the venue whose page they run on, from the top frame.
import { contentMessageSchema, pageMessageSchema, type AnyReply, type MessageType, type MessageOf, type ReplyOf } from '../messages';
import { firstIssue } from '../venues/common';
import { venueOfUrl } from './commands';
import type { VenueId } from '@/lib/model';
import type { VenueAdapter } from '../venues/types';
import { createHandlers, type Handler, type HandlerDeps, type OnSent } from './handlers';
import { injectPageScript } from './page-scripts';
import { wordedForPage } from './page-replies';
import { benchMark } from '../bench-marks';

export interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  id?: string;
}

export interface RouterDeps extends HandlerDeps {
  venues: Record<VenueId, VenueAdapter>;
  /** chrome-extension://<id>/ (or moz-extension://…/) */
  extensionOrigin: string;
  extensionId: string;
  /** Injects a part of the content script loaded on first use (page-scripts.ts); tests replace it. */
  injectPageScript?: typeof injectPageScript;
}

export function createRouter(deps: RouterDeps) {
  const handlers = createHandlers(deps);
  // TypeScript cannot see that handlers[message.type] is the handler of that very message type.
  const dispatch = <K extends MessageType>(message: MessageOf<K>, source: 'page' | 'popup', onSent?: OnSent): Promise<ReplyOf<K>> =>
    (handlers[message.type] as Handler<K>)(message, source, onSent);

  const fromExtensionPage = (sender: Sender) =>
    sender.id === deps.extensionId && !!sender.url?.startsWith(deps.extensionOrigin);

  return async function handle(raw: unknown, sender: Sender, onSent?: OnSent): Promise<AnyReply> {
    if (fromExtensionPage(sender)) {
      const parsed = pageMessageSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: `Malformed message: ${firstIssue(parsed.error)}` };
      return dispatch(parsed.data, 'popup', onSent);
    }
    if (sender.id !== deps.extensionId) return { ok: false, error: 'Unknown sender' };
    const parsed = contentMessageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: `Refused: ${firstIssue(parsed.error)}` };
    const message = parsed.data;
    const pageUrl = sender.url ?? sender.tab?.url ?? '';
    if (sender.frameId !== 0) return { ok: false, error: 'Refused: only the top frame may cancel' };
    const adapter = deps.venues[message.venue];
    if (venueOfUrl(pageUrl, deps.venues) !== message.venue) return { ok: false, error: `Refused: this page is not ${adapter.name}` };
    // A page's health is kept for its tab, for the popup (never read back by any page).
    if (message.type === 'status' && message.health && sender.tab?.id !== undefined) void deps.pageTabs.recordHealth(sender.tab.id, message.venue, message.health).catch(() => undefined);
    if (message.type === 'status' && message.load) {
      // Into the sender's own frame: the script lands in that page's isolated world, where the content script asked.
      const failed = sender.tab?.id === undefined ? 'Refused: no tab to load into' : await (deps.injectPageScript ?? injectPageScript)(sender.tab.id, sender.frameId, message.load);
      if (failed) return { ok: false, error: failed };
    }
    benchMark('qc:checked');
    return wordedForPage(await dispatch(message, 'page', onSent));
  };
}
