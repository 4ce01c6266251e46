// What the background does for each message, once the router has checked it and its sender.
import { engineApi } from '../engine/api';
import { cancelMany, listOpen } from '../engine/cancel-many';
import type { CancelEngine } from '../engine/engine';
import type { CancelReply, MessageOf, MessageType, PreparedReply, ReplyOf, ScopedCancelReply, TimerReply } from '../messages';
import { currentSettings, readSettings, settingsItem } from '../settings';
import { behaviourFor } from '../settings-defaults';
import type { AutoLock } from '../vault/auto-lock';
import { summarize } from '../vault/summary';
import { keepWarmMs } from './keep-warm';
import { panic } from './panic';
import { scopedCancel } from './row-cancel';
import { pageHandlers } from './page-handlers';
import type { PageTabs } from './page-tabs';
import { venueOfUrl } from './commands';
import type { CancelTimers } from './timers';
import type { Vault } from '../vault/vault';
import { firstIssue } from '../venues/common';
import type { VenueAdapter } from '../venues/types';
import type { CancelSource, JournalEntry, KnownOrder, VenueId } from '@/lib/model';

export interface HandlerDeps {
  engine: CancelEngine;
  vault: Vault;
  autoLock: AutoLock;
  venues: Record<VenueId, VenueAdapter>;
  /** Deletes every stored value (vault, settings, history). */
  wipeStorage(): Promise<void>;
  /** Tells the user how a cancel ended (when they want notifications). */
  notify(entry: JournalEntry): Promise<void>;
  timers: CancelTimers;
  /** The venue tabs' page health and teaching sessions. */
  pageTabs: PageTabs;
}

/** The latest a timer may be set for: "cancel at HH:MM" is at most a day ahead. */
const TIMER_HORIZON_MS = 24 * 3_600_000 + 60_000;

/** Told when a cancel request has been handed to the network, before its answer comes. */
export type OnSent = () => void;

/** A message's handler: it must answer with that message's reply (lib/messages.ts, Replies). */
export type Handler<K extends MessageType> = (m: MessageOf<K>, source: CancelSource, onSent?: OnSent) => Promise<ReplyOf<K>>;
export type Handlers = { [K in MessageType]: Handler<K> };

export function createHandlers(deps: HandlerDeps): Handlers {
  const { vault, autoLock, venues } = deps;
  const engine = engineApi(deps.engine, venues);

  async function credentialsFor(venue: VenueId): Promise<{ credentials: unknown } | { ok: false; error: string }> {
    const creds = await vault.get(venue);
    if (creds.state === 'ok') return { credentials: creds.credentials };
    if (creds.state === 'locked') return { ok: false, error: 'QuickCancel is locked — unlock it first' };
    return { ok: false, error: `Add ${venues[venue].name} credentials in Settings first` };
  }

  const cancel = async (venue: VenueId, orderId: string, hints: Record<string, string>, source: CancelSource, onSent?: OnSent): Promise<CancelReply> => {
    const adapter = venues[venue];
    if ((await currentSettings()).disabledVenues.includes(venue)) return { ok: false, error: `${adapter.name} is turned off in QuickCancel's Settings` };
    if (!adapter.idPattern.test(orderId)) {
      return { ok: false, error: `"${orderId}" does not look like a ${adapter.name} order id (expected ${adapter.idHint})` };
    }
    const entry = await engine.cancel({ venue, orderId, hints, source, onSent });
    void autoLock.touch();
    void deps.notify(entry).catch(() => undefined);
    return { ok: true, entry, sound: behaviourFor(await currentSettings(), venue, 'sound') };
  };

  /** A press before a click: the request readied, nothing sent (engine.prepare). */
  const prepare = async (venue: VenueId, orderId: string, hints: Record<string, string>): Promise<PreparedReply> => {
    if ((await currentSettings()).disabledVenues.includes(venue) || !venues[venue].idPattern.test(orderId)) return { ok: true, prepared: false };
    return { ok: true, prepared: await engine.prepare(venue, orderId, hints.leg) };
  };

  /** Where a venue lists open orders per symbol only: the symbols its recent cancels were on. */
  async function recentSymbols(venue: VenueId): Promise<string[]> {
    const recent = await deps.engine.journal.recent();
    return [...new Set(recent.filter((e) => e.venue === venue && e.symbol).map((e) => e.symbol!))];
  }

  async function enabledCredentials(venue: VenueId) {
    if ((await currentSettings()).disabledVenues.includes(venue)) return { ok: false as const, error: `${venues[venue].name} is turned off in QuickCancel's Settings` };
    return credentialsFor(venue);
  }

  /** Why one of these ids cannot be a venue order id, if one cannot. */
  function badId(venue: VenueId, ids: readonly string[]): string | undefined {
    const adapter = venues[venue];
    const bad = ids.find((id) => !adapter.idPattern.test(id));
    return bad === undefined ? undefined : `"${bad}" does not look like a ${adapter.name} order id (expected ${adapter.idHint})`;
  }

  async function setTimer(venue: VenueId, orderId: string, fireAtMs: number): Promise<TimerReply> {
    const got = await enabledCredentials(venue);
    if (!('credentials' in got)) return got;
    const bad = badId(venue, [orderId]);
    if (bad) return { ok: false, error: bad };
    const now = Date.now();
    if (fireAtMs <= now) return { ok: false, error: 'That time has already passed' };
    if (fireAtMs > now + TIMER_HORIZON_MS) return { ok: false, error: 'A timer can be set at most a day ahead' };
    return { ok: true, timer: await deps.timers.set(venue, orderId, fireAtMs) };
  }

  /** A row menu's "cancel all <symbol>": exactly the confirmed orders still open and in the scope. */
  async function rowScoped(m: MessageOf<'cancel'>, scope: NonNullable<MessageOf<'cancel'>['scope']>, orderIds: string[]): Promise<ScopedCancelReply> {
    const got = await enabledCredentials(m.venue);
    if (!('credentials' in got)) return got;
    const bad = badId(m.venue, [m.orderId, ...orderIds]);
    if (bad) return { ok: false, error: `${bad}; nothing was cancelled` };
    const result = await scopedCancel(deps.engine, m.venue, venues[m.venue].name, got.credentials, scope, orderIds);
    void autoLock.touch();
    return result;
  }

  return {
    ...pageHandlers({ tabs: deps.pageTabs, venueOf: (url) => venueOfUrl(url, venues) }),
    cancel(m, source, onSent) {
      if (m.prepare) return prepare(m.venue, m.orderId, m.hints);
      if (m.scope && m.orderIds) return rowScoped(m, m.scope, m.orderIds);
      if (m.after !== undefined) return setTimer(m.venue, m.orderId, Date.now() + m.after * 1000);
      return cancel(m.venue, m.orderId, m.hints, source, onSent);
    },
    async status(m) {
      // A page showing orders is a page about to be clicked: fetch the open orders now, so the
      // click can cancel without asking the venue first (and the page can match its rows to them).
      const known = vault.get(m.venue).then(async (c): Promise<KnownOrder[] | undefined> => {
        if (c.state !== 'ok') return undefined;
        if (m.orders) return engine.knownOrders(m.venue, c.credentials, m.symbols);
        // Rows being read are a sign of a coming click; a health report or a teaching session's
        // keep-alive (no ids) is not.
        if (m.orderIds.length) engine.warmUp(m.venue, c.credentials);
        return undefined;
      });
      // Recent cancels (and any still unresolved) are what a re-rendered row needs to show.
      const entries = await engine.knownOutcomes(m.venue, m.orderIds);
      if (!m.orders) return { ok: true, entries };
      // The asker reads the list again after refreshMs: that keeps the venue's connection warm.
      const [orders, refreshMs] = await Promise.all([known.catch(() => undefined), keepWarmMs()]);
      return orders ? { ok: true, entries, known: orders, refreshMs } : { ok: true, entries, refreshMs };
    },
    async retry(m) {
      const entry = await engine.entry(m.entryId);
      if (!entry) return { ok: false, error: 'That history entry no longer exists' };
      return cancel(entry.venue, entry.orderId, entry.hints ?? {}, 'retry');
    },
    async preview(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      if (!venues[m.venue].idPattern.test(m.orderId)) return { ok: false, error: `That does not look like a ${venues[m.venue].name} order id (expected ${venues[m.venue].idHint})` };
      return { ok: true, ...(await engine.preview(m.venue, m.orderId, got.credentials)) };
    },
    async 'open-orders'(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      const symbols = m.symbols?.length ? m.symbols : await recentSymbols(m.venue);
      return { ok: true, ...(await listOpen(deps.engine, m.venue, got.credentials, symbols)) };
    },
    async 'cancel-orders'(m) {
      const got = await enabledCredentials(m.venue);
      if (!('credentials' in got)) return got;
      const bad = m.orderIds.find((id) => !venues[m.venue].idPattern.test(id));
      if (bad !== undefined) return { ok: false, error: `"${bad}" does not look like a ${venues[m.venue].name} order id; nothing was cancelled` };
      const result = await cancelMany(deps.engine, m.venue, got.credentials, m.orderIds, { listed: m.listed, symbols: m.symbols });
      void autoLock.touch();
      return { ok: true, ...result };
    },
    async panic() {
      const result = await panic(deps);
      void autoLock.touch();
      return result;
    },
    async 'cancel-all'(m) {
      const result = await engine.cancelAll(m.venue);
      void autoLock.touch();
      return { ok: true, ...result };
    },
    async 'history.clear'() {
      await engine.clearHistory();
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
      // Asked once, here, so that no cancel waits for it.
      const completed = await engine.completeCredentials(m.venue, parsed.data);
      if ('error' in completed) return { ok: false, error: completed.error };
      const result = await vault.set(m.venue, completed.credentials);
      if (result.ok) engine.credentialsChanged(m.venue);
      return result;
    },
    'credentials.remove': (m) => vault.remove(m.venue),
    async 'credentials.test'(m) {
      const got = await credentialsFor(m.venue);
      if (!('credentials' in got)) return got;
      return { ok: true, ...(await engine.testConnection(m.venue, got.credentials)) };
    },
    'timers.set': (m) => setTimer(m.venue, m.orderId, m.when.kind === 'after' ? Date.now() + m.when.seconds * 1000 : m.when.atMs),
    async 'timers.remove'(m) {
      if (!(await deps.timers.remove(m.id))) return { ok: false, error: 'That timer has already fired or was removed' };
      return { ok: true };
    },
    async 'timers.list'() {
      return { ok: true, timers: await deps.timers.list() };
    },
    async 'settings.set'(m) {
      const next = { ...(await readSettings()), ...m.settings };
      await settingsItem.setValue(next);
      if (m.settings.autoLockMinutes !== undefined) await autoLock.schedule();
      return { ok: true, settings: next };
    },
  };
}
