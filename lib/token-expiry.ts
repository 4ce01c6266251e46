// Daily broker tokens (PaceTrader, Pocketful, a ZebPay JWT): how long one has left, when to warn,
// and the alarms that carry each expiry across worker stops. Pure: time comes in as nowMs, so the
// popup, the options page and the background all say the same thing about the same token.
import type { VenueId } from './model';

export type ExpiryPhase = 'ok' | 'soon' | 'expired';

export interface TokenExpiry {
  venue: VenueId;
  expiresAtMs: number;
}

/** `soon`: inside the warning's lead time (0 minutes: never soon, only expired). */
export function expiryPhase(expiresAtMs: number, nowMs: number, warnMinutes: number): ExpiryPhase {
  if (expiresAtMs <= nowMs) return 'expired';
  return expiresAtMs - nowMs <= warnMinutes * 60_000 ? 'soon' : 'ok';
}

/** The wall-clock time as HH:MM in the user's time zone (a trader reads the day's token by the clock). */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "1 h 5 min", "12 min", "under a minute", "3 days": rounded down, never claiming more life than is left. */
export function remainingWords(leftMs: number): string {
  if (leftMs < 60_000) return 'under a minute';
  const minutes = Math.floor(leftMs / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** One sentence per token, in the words the popup, the badge's tooltip and the notification use. */
export function expirySentence(venueName: string, expiresAtMs: number, nowMs: number): string {
  if (expiresAtMs <= nowMs) return `Your ${venueName} token expired at ${clockTime(expiresAtMs)} — paste a new one in Settings.`;
  return `${venueName} token: ${remainingWords(expiresAtMs - nowMs)} left (expires at ${clockTime(expiresAtMs)}).`;
}

const WARN = 'qc-expiry-warn';
const EXPIRED = 'qc-expiry';

export interface ExpiryAlarm {
  kind: 'warn' | 'expired';
  venue: VenueId;
  expiresAtMs: number;
}

/**
 * The alarm's name carries the venue and the expiry, so an alarm that fires after the worker (or
 * the browser) restarted, with the vault locked, still knows what to say.
 */
export function alarmName(alarm: ExpiryAlarm): string {
  return `${alarm.kind === 'warn' ? WARN : EXPIRED}:${alarm.venue}:${alarm.expiresAtMs}`;
}

/** undefined for any other alarm (or a malformed name): never throws. */
export function parseAlarmName(name: string): ExpiryAlarm | undefined {
  const m = /^(qc-expiry-warn|qc-expiry):([a-z][a-z0-9-]{0,39}):(\d{1,16})$/.exec(name);
  if (!m) return undefined;
  return { kind: m[1] === WARN ? 'warn' : 'expired', venue: m[2] as VenueId, expiresAtMs: Number(m[3]) };
}

export const isExpiryAlarm = (name: string): boolean => parseAlarmName(name) !== undefined;

/**
 * The alarms the tokens need from now: a warning `warnMinutes` before each expiry (at once when
 * that moment has passed but the token still lives) and one at the expiry itself. An expired
 * token needs none: it is reported when it is next used.
 */
export function plannedAlarms(tokens: TokenExpiry[], nowMs: number, warnMinutes: number): Array<ExpiryAlarm & { name: string; whenMs: number }> {
  const out: Array<ExpiryAlarm & { name: string; whenMs: number }> = [];
  for (const t of tokens) {
    if (t.expiresAtMs <= nowMs) continue;
    if (warnMinutes > 0) {
      const warn = { kind: 'warn' as const, venue: t.venue, expiresAtMs: t.expiresAtMs };
      out.push({ ...warn, name: alarmName(warn), whenMs: Math.max(nowMs, t.expiresAtMs - warnMinutes * 60_000) });
    }
    const expired = { kind: 'expired' as const, venue: t.venue, expiresAtMs: t.expiresAtMs };
    out.push({ ...expired, name: alarmName(expired), whenMs: t.expiresAtMs });
  }
  return out;
}

/** The toolbar badge for these tokens: "!" once any has expired, the minutes left of the soonest inside the lead time, else nothing. */
export function badgeFor(tokens: TokenExpiry[], nowMs: number, warnMinutes: number): { text: string; urgent: boolean } {
  if (tokens.some((t) => t.expiresAtMs <= nowMs)) return { text: '!', urgent: true };
  const soon = tokens.filter((t) => expiryPhase(t.expiresAtMs, nowMs, warnMinutes) === 'soon').map((t) => t.expiresAtMs - nowMs);
  if (!soon.length) return { text: '', urgent: false };
  const minutes = Math.max(1, Math.floor(Math.min(...soon) / 60_000));
  return { text: minutes >= 100 ? `${Math.floor(minutes / 60)}h` : `${minutes}m`, urgent: false };
}

/** The options page's address that opens on one venue's card. */
export const optionsPathFor = (venue: VenueId): string => `/options.html#venue=${venue}`;

/** The venue an options-page address asks for (`#venue=<id>`), if any. */
export function venueFromHash(hash: string): string | undefined {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('venue');
  return v && /^[a-z][a-z0-9-]{0,39}$/.test(v) ? v : undefined;
}
