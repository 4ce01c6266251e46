// Turns a runtime message into an engine call, after checking what it is and who sent it.
import { firstIssue } from '../venues/common';
import { matchesPattern } from '../match-pattern';
import { contentMessageSchema, pageMessageSchema, type AnyReply, type PageMessage } from '../messages';
import type { CancelEngine } from '../engine/engine';
import type { JournalEntry } from '../engine/journal';
import type { SessionCredentialStore } from '../vault/session-store';
import { isOrders, type VenueAdapter, type VenueId } from '../venues/types';

export interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  id?: string;
}

export interface RouterDeps {
  engine: CancelEngine;
  store: SessionCredentialStore;
  venues: Record<VenueId, VenueAdapter>;
  /** chrome-extension://<id>/ (or moz-extension://…/) */
  extensionOrigin: string;
  extensionId: string;
}

export function createRouter(deps: RouterDeps) {
  const { engine, store, venues } = deps;

  const fromExtensionPage = (sender: Sender) =>
    sender.id === deps.extensionId && !!sender.url?.startsWith(deps.extensionOrigin);

  return async function handle(raw: unknown, sender: Sender): Promise<AnyReply> {
    if (fromExtensionPage(sender)) {
      const parsed = pageMessageSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: `Malformed message: ${firstIssue(parsed.error)}` };
      return handlePage(parsed.data, 'popup');
    }
    if (sender.id !== deps.extensionId) return { ok: false, error: 'Unknown sender' };
    const parsed = contentMessageSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: `Refused: ${firstIssue(parsed.error)}` };
    const message = parsed.data;
    // Top frame only, and only for the venue whose web UI the page is on.
    const pageUrl = sender.url ?? sender.tab?.url ?? '';
    if (sender.frameId !== 0) return { ok: false, error: 'Refused: only the top frame may cancel' };
    if (!venues[message.venue].pageMatches.some((p) => matchesPattern(pageUrl, p))) {
      return { ok: false, error: `Refused: this page is not ${venues[message.venue].name}` };
    }
    return handlePage(message, 'page');
  };

  async function handlePage(message: PageMessage, source: JournalEntry['source']): Promise<AnyReply> {
    switch (message.type) {
      case 'cancel': {
        const adapter = venues[message.venue];
        if (!adapter.idPattern.test(message.orderId)) {
          return { ok: false, error: `"${message.orderId}" does not look like a ${adapter.name} order id (expected ${adapter.idHint})` };
        }
        return { ok: true, entry: await engine.cancel({ venue: message.venue, orderId: message.orderId, hints: message.hints, source }) };
      }
      case 'status': {
        const wanted = new Set(message.orderIds);
        const entries: Record<string, JournalEntry> = {};
        for (const e of (await engine.journal.list()).reverse()) {
          if (e.venue === message.venue && wanted.has(e.orderId)) entries[e.orderId] = e;
        }
        return { ok: true, entries };
      }
      case 'retry': {
        const entry = await engine.journal.get(message.entryId);
        if (!entry) return { ok: false, error: 'That history entry no longer exists' };
        return { ok: true, entry: await engine.cancel({ venue: entry.venue, orderId: entry.orderId, hints: entry.hints ?? {}, source: 'retry' }) };
      }
      case 'preview': {
        const creds = await store.get(message.venue);
        if (creds.state !== 'ok') return { ok: false, error: `Add ${venues[message.venue].name} credentials in Settings first` };
        const state = await engine.client(message.venue).orderState(message.orderId, creds.credentials, true);
        if ('failed' in state) return { ok: true, order: null, outcome: state.failed };
        return { ok: true, order: state.found ? state.order : null };
      }
      case 'open-orders': {
        const creds = await store.get(message.venue);
        if (creds.state !== 'ok') return { ok: false, error: `Add ${venues[message.venue].name} credentials in Settings first` };
        const list = await engine.client(message.venue).openOrders(creds.credentials, true);
        return isOrders(list) ? { ok: true, orders: list.orders } : { ok: true, outcome: list };
      }
      case 'cancel-all':
        return { ok: true, ...(await engine.cancelAll(message.venue)) };
      case 'credentials.set': {
        const adapter = venues[message.venue];
        const parsed = adapter.credentialsSchema.safeParse(message.credentials);
        if (!parsed.success) return { ok: false, error: `${adapter.name}: ${firstIssue(parsed.error)}` };
        await store.set(message.venue, parsed.data);
        void engine.client(message.venue).syncClock().catch(() => undefined);
        return { ok: true };
      }
      case 'credentials.status':
        return { ok: true, configured: await store.configured() };
    }
  }
}
