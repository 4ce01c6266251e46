// No surprise token expiry: alarms warn before each daily token runs out and at the moment it
// does, the toolbar badge says so, and the first cancel refused for an expired token is reported
// as exactly that. Alarms, not timers: they fire after the worker stopped. Expiry times are not
// secret (the options page shows them); the tokens themselves never leave the vault.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { JournalEntry, VenueId } from '@/lib/model';
import { behaviourFor, type Settings } from '../settings-defaults';
import { badgeFor, clockTime, expirySentence, isExpiryAlarm, optionsPathFor, parseAlarmName, plannedAlarms, type TokenExpiry } from '../token-expiry';

/** Refreshes the badge's minutes while a token is inside its warning time. */
export const EXPIRY_TICK_ALARM = 'qc-expiry-tick';
const NOTIFICATION_PREFIX = 'qc-expiry:';

/** The tokens last seen unlocked, for the badge while the vault is locked (session memory only). */
const knownItem = storage.defineItem<TokenExpiry[]>('session:tokenExpiries', { fallback: [] });
/** Expiries already reported at a cancel, so a burst of refused cancels notifies once. */
const reportedItem = storage.defineItem<string[]>('session:expiryReported', { fallback: [] });

export interface ExpiryDeps {
  /** The venues' token expiries from the open vault; undefined while it is locked. */
  tokens: () => Promise<TokenExpiry[] | undefined>;
  settings: () => Promise<Settings>;
  names: Record<VenueId, string>;
  now?: () => number;
}

export class ExpiryWatch {
  private readonly now: () => number;
  constructor(private readonly deps: ExpiryDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** After the keys, the vault or the lead time changed: plans the alarms again. Locked: keeps what is planned. */
  async sync(): Promise<void> {
    const tokens = await this.deps.tokens();
    if (!tokens) return this.refreshBadge();
    await knownItem.setValue(tokens);
    const { expiryWarnMinutes } = await this.deps.settings();
    const nowMs = this.now();
    const reported = await reportedItem.getValue();
    // A warning already given is not given again because a setting changed.
    const planned = plannedAlarms(tokens, nowMs, expiryWarnMinutes).filter((p) => !reported.includes(p.name));
    // Kept: the same alarm at the same time, or one already due (it fires now either way).
    const same = (a: { name: string; scheduledTime: number }) => planned.some((p) => p.name === a.name && (p.whenMs === a.scheduledTime || (p.whenMs <= nowMs && a.scheduledTime <= nowMs)));
    const existing = (await browser.alarms.getAll()).filter((a) => isExpiryAlarm(a.name));
    await Promise.all(existing.filter((a) => !same(a)).map((a) => browser.alarms.clear(a.name)));
    for (const p of planned) if (!existing.some((a) => same(a) && a.name === p.name)) await browser.alarms.create(p.name, { when: p.whenMs });
    await this.refreshBadge();
  }

  /** Everything was wiped: no token, no alarm, no badge. */
  async clear(): Promise<void> {
    const existing = (await browser.alarms.getAll()).filter((a) => isExpiryAlarm(a.name) || a.name === EXPIRY_TICK_ALARM);
    await Promise.all(existing.map((a) => browser.alarms.clear(a.name)));
    await Promise.all([knownItem.removeValue(), reportedItem.removeValue()]);
    await this.setBadge('', false, '');
  }

  /** true when the alarm was one of ours. */
  async onAlarm(name: string): Promise<boolean> {
    if (name === EXPIRY_TICK_ALARM) {
      await this.refreshBadge();
      return true;
    }
    const alarm = parseAlarmName(name);
    if (!alarm) return false;
    const known = await knownItem.getValue();
    if (!known.some((t) => t.venue === alarm.venue)) await knownItem.setValue([...known, { venue: alarm.venue, expiresAtMs: alarm.expiresAtMs }]);
    const reported = await reportedItem.getValue();
    if (!reported.includes(name)) await reportedItem.setValue([...reported, name]);
    await this.refreshBadge();
    await this.notify(alarm.venue, alarm.expiresAtMs);
    return true;
  }

  /**
   * A finished cancel: when the venue's token had expired and the cancel was refused for its
   * credentials, this says so (once per expiry) and returns true, so the plain outcome
   * notification is not shown as well.
   */
  async onOutcome(entry: JournalEntry): Promise<boolean> {
    if (entry.status !== 'auth-failed') return false;
    const token = (await this.deps.tokens())?.find((t) => t.venue === entry.venue) ?? (await knownItem.getValue()).find((t) => t.venue === entry.venue);
    if (!token || token.expiresAtMs > this.now()) return false;
    await this.refreshBadge();
    const key = `${token.venue}:${token.expiresAtMs}`;
    const reported = await reportedItem.getValue();
    if (reported.includes(key)) return true;
    await reportedItem.setValue([...reported, key]);
    await this.notify(token.venue, token.expiresAtMs);
    return true;
  }

  /** Clicking an expiry notification opens the options page on that venue's card. */
  async onNotificationClicked(id: string): Promise<boolean> {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return false;
    const venue = id.slice(NOTIFICATION_PREFIX.length) as VenueId;
    if (!(venue in this.deps.names)) return false;
    await browser.tabs.create({ url: browser.runtime.getURL(optionsPathFor(venue) as '/options.html') });
    await browser.notifications.clear(id);
    return true;
  }

  async refreshBadge(): Promise<void> {
    const tokens = (await this.deps.tokens()) ?? (await knownItem.getValue());
    const { expiryWarnMinutes } = await this.deps.settings();
    const nowMs = this.now();
    const badge = badgeFor(tokens, nowMs, expiryWarnMinutes);
    const attention = tokens.filter((t) => t.expiresAtMs <= nowMs + expiryWarnMinutes * 60_000).sort((a, b) => a.expiresAtMs - b.expiresAtMs);
    const title = attention.map((t) => expirySentence(this.deps.names[t.venue] ?? t.venue, t.expiresAtMs, nowMs)).join('\n');
    await this.setBadge(badge.text, badge.urgent, title);
    // The minutes on the badge go stale: tick while any token is inside its warning time.
    if (badge.text && !badge.urgent) await browser.alarms.create(EXPIRY_TICK_ALARM, { periodInMinutes: 1 });
    else await browser.alarms.clear(EXPIRY_TICK_ALARM);
  }

  private async notify(venue: VenueId, expiresAtMs: number): Promise<void> {
    if (!behaviourFor(await this.deps.settings(), venue, 'notifications')) return;
    const name = this.deps.names[venue] ?? venue;
    const expired = expiresAtMs <= this.now();
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${venue}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: expired ? `${name} token expired` : `${name} token expires at ${clockTime(expiresAtMs)}`,
      message: `${expirySentence(name, expiresAtMs, this.now())} Click to open ${name}’s settings.`,
    });
  }

  private async setBadge(text: string, urgent: boolean, title: string): Promise<void> {
    // Firefox's MV3 and Chrome both have browser.action; the title is what a screen reader says.
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: urgent ? '#b91c1c' : '#b45309' });
    await browser.action.setTitle({ title: title ? `QuickCancel — ${title}` : 'QuickCancel' });
  }
}
