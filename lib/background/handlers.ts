// What the background does for each message, once the router has checked it and its sender.
import type { CancelEngine } from '../engine/engine';
import type { JournalEntry } from '../engine/journal';
import type { AnyReply, PageMessage } from '../messages';
import { currentSettings, readSettings, settingsItem } from '../settings';
import type { AutoLock } from '../vault/auto-lock';
import { summarize } from '../vault/summary';
import type { Vault } from '../vault/vault';
import { firstIssue } from '../venues/common';
import { isOrders, type VenueAdapter, type VenueId } from '../venues/types';

export interface HandlerDeps {
  engine: CancelEngine;
  vault: Vault;
  autoLock: AutoLock;
  venues: Record<VenueId, VenueAdapter>;
  /** Deletes every stored value (vault, settings, history). */
  wipeStorage(): Promise<void>;
  /** Tells the user how a cancel ended (when they want notifications). */
  notify(entry: JournalEntry): Promise<void>;
}

/** Told when a cancel request has been handed to the network, before its answer comes. */
export type OnSent = () => void;

type Handlers = { [K in PageMessage['type']]: (m: Extract<PageMessage, { type: K }>, source: JournalEntry['source'], onSent?: OnSent) => Promise<AnyReply> };

export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, vault, autoLock, venues } = deps;

  async function credentialsFor(venue: VenueId): Promise<{ credentials: unknown } | { ok: false; error: string }> {
    const creds = await vault.get(venue);
    if (creds.state === 'ok') return { credentials: creds.credentials };
    if (creds.state === 'locked') return { ok: false, error: 'QuickCancel is locked — unlock it first' };
    return { ok: false, error: `Add ${venues[venue].name} credentials in Settings first` };
  }

  const cancel = async (venue: VenueId, orderId: string, hints: Record<string, string>, source: JournalEntry['source'], onSent?: OnSent): Promise<AnyReply> => {
    const adapter = venues[venue];
    if ((await currentSettings()).disabledVenues.includes(venue)) return { ok: false, error: `${adapter.name} is turned off in QuickCancel's Settings` };
    if (!adapter.idPattern.test(orderId)) {
      return { ok: false, error: `"${orderId}" does not look like a ${adapter.name} order id (expected ${adapter.idHint})` };
    }
    const entry = await engine.cancel({ venue, orderId, hints, source, onSent });
    void autoLock.touch();
    void deps.notify(entry).catch(() => undefined);
    return { ok: true, entry, sound: (await currentSettings()).sound };
  };

  return {
    cancel: (m, source, onSent) => cancel(m.venue, m.orderId, m.hints, source, onSent),
    async status(m) {
      // A page showing orders is a page about to be clicked: fetch the open orders now, so the
      // click can cancel without asking the venue first.
      void vault.get(m.venue).then((c) => {
        if (c.state === 'ok') void engine.client(m.venue).openOrders(c.credentials, false, 'background');
      });
      const wanted = new Set(m.orderIds);
      const entries: Record<string, JournalEntry> = {};
      // Recent cancels (and any still unresolved) are what a re-rendered row needs to show; oldest
      // first, so the newest entry for an order wins.
      const known = [...(await engine.journal.unresolved()), ...(await engine.journal.recent())].sort((a, b) => a.startedAtMs - b.startedAtMs);
      for (const e of known) if (e.venue === m.venue && wanted.has(e.orderId)) entries[e.orderId] = e;
      return { ok: true, entries };
    },
    async retry(m) {
      const entry = await engine.journal.get(m.entryId);
      if (!entry) return { ok: false, error: 'That history entry no longer exists' };
      return cancel(entry.venue, entry.orderId, entry.hints ?? {}, 'retry');
    },
    async preview(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      if (!venues[m.venue].idPattern.test(m.orderId)) return { ok: false, error: `That does not look like a ${venues[m.venue].name} order id (expected ${venues[m.venue].idHint})` };
      const state = await engine.client(m.venue).orderState(m.orderId, got.credentials, true);
      if ('failed' in state) return { ok: true, order: null, outcome: state.failed };
      return { ok: true, order: state.found ? state.order : null };
    },
    async 'open-orders'(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      const list = await engine.client(m.venue).openOrders(got.credentials, true);
      if (isOrders(list)) return { ok: true, orders: list.orders.filter((o) => o.state !== 'closed') };
      // ZebPay lists open orders per symbol only, but its own cancel-all needs no list.
      if (venues[m.venue].cancelAll && list.kind === 'rejected' && list.code === 'QC_MISSING_FIELD') return { ok: true, uncounted: true };
      return { ok: true, outcome: list };
    },
    async 'cancel-all'(m) {
      const result = await engine.cancelAll(m.venue);
      void autoLock.touch();
      return { ok: true, ...result };
    },
    async 'history.clear'() {
      await engine.journal.clear();
      return { ok: true };
    },
    async 'vault.status'() {
      const state = await vault.state();
      const secrets = state === 'unlocked' ? ((await vault.secrets()) ?? {}) : {};
      const configured = (Object.entries(secrets) as Array<[VenueId, unknown]>).map(([venue, c]) => summarize(venue, c));
      return { ok: true, state, configured };
    },
    async 'vault.setup'(m) {
      const result = await vault.setup(m.passphrase);
      if (result.ok) await autoLock.touch();
      return result;
    },
    async 'vault.unlock'(m) {
      const result = await vault.unlock(m.passphrase);
      if (result.ok) await autoLock.touch();
      return result;
    },
    async 'vault.lock'() {
      await vault.lock();
      await autoLock.schedule();
      return { ok: true };
    },
    'vault.change-passphrase': (m) => vault.changePassphrase(m.current, m.next),
    async 'vault.wipe'() {
      await vault.wipe();
      await deps.wipeStorage();
      return { ok: true };
    },
    async 'credentials.set'(m) {
      const adapter = venues[m.venue];
      const parsed = adapter.credentialsSchema.safeParse(m.credentials);
      if (!parsed.success) return { ok: false, error: `${adapter.name}: ${firstIssue(parsed.error)}` };
      const mismatch = await adapter.checkCredentials?.(parsed.data);
      if (mismatch) return { ok: false, error: `${adapter.name}: ${mismatch}` };
      let credentials = parsed.data;
      const completion = adapter.completeCredentials;
      if (completion?.needed(credentials)) {
        // Asked once, here, so that no cancel waits for it.
        const learned = await engine.client(m.venue).run(completion, {}, credentials);
        if ('kind' in learned) return { ok: false, error: `${adapter.name}: could not learn ${completion.learns} from ${adapter.name} (${learned.message ?? learned.kind}) — enter it, or try again` };
        credentials = { ...credentials, ...learned };
      }
      const result = await vault.set(m.venue, credentials);
      if (result.ok) {
        engine.client(m.venue).forgetOpenOrders();
        void engine.client(m.venue).syncClock().catch(() => undefined);
      }
      return result;
    },
    'credentials.remove': (m) => vault.remove(m.venue),
    async 'credentials.test'(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      await engine.client(m.venue).syncClock(true).catch(() => false);
      const list = await engine.client(m.venue).openOrders(got.credentials, true);
      if (isOrders(list)) return { ok: true, openOrders: list.orders.filter((o) => o.state !== 'closed').length };
      return { ok: true, outcome: list };
    },
    async 'settings.set'(m) {
      const next = { ...(await readSettings()), ...m.settings };
      await settingsItem.setValue(next);
      if (m.settings.autoLockMinutes !== undefined) await autoLock.schedule();
      return { ok: true, settings: next };
    },
  };
}
