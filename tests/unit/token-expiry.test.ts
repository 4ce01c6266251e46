// The maths of daily-token expiry: phases, words, the alarms planned and the badge.
import { describe, expect, it } from 'vitest';
import { alarmName, badgeFor, clockTime, expiryPhase, expirySentence, parseAlarmName, plannedAlarms, remainingWords, venueFromHash } from '../../lib/token-expiry';

const MIN = 60_000;
const now = new Date(2026, 11, 2, 14, 0, 0).getTime();

describe('expiry phase and words', () => {
  it('ok outside the lead time, soon inside it (its edge included), expired at the instant itself', () => {
    expect(expiryPhase(now + 31 * MIN, now, 30)).toBe('ok');
    expect(expiryPhase(now + 30 * MIN, now, 30)).toBe('soon');
    expect(expiryPhase(now + 1, now, 30)).toBe('soon');
    expect(expiryPhase(now, now, 30)).toBe('expired');
    expect(expiryPhase(now + MIN, now, 0)).toBe('ok');
  });

  it('remaining life is rounded down: never more than is left', () => {
    expect(remainingWords(59_999)).toBe('under a minute');
    expect(remainingWords(12 * MIN + 59_999)).toBe('12 min');
    expect(remainingWords(65 * MIN)).toBe('1 h 5 min');
    expect(remainingWords(47 * 60 * MIN + 59 * MIN)).toBe('47 h 59 min');
    expect(remainingWords(72 * 60 * MIN)).toBe('3 days');
  });

  it('the sentence names the venue and the clock time, and says what to do once expired', () => {
    expect(clockTime(now + 5 * MIN)).toBe('14:05');
    expect(expirySentence('PaceTrader', now + 25 * MIN, now)).toBe('PaceTrader token: 25 min left (expires at 14:25).');
    expect(expirySentence('PaceTrader', now - 3 * MIN, now)).toBe('Your PaceTrader token expired at 13:57 — paste a new one in Settings.');
  });
});

describe('alarms', () => {
  it('names carry venue and expiry, and read back; anything else is not ours', () => {
    const a = { kind: 'warn', venue: 'pacetrader', expiresAtMs: now } as const;
    expect(parseAlarmName(alarmName(a))).toEqual(a);
    expect(parseAlarmName(alarmName({ ...a, kind: 'expired' }))).toEqual({ ...a, kind: 'expired' });
    for (const other of ['auto-lock', 'verify-journal', 'qc-expiry:pacetrader:', 'qc-expiry:Bad:1', 'qc-expiry-warn:pacetrader:12x', 'qc-expiry-tick']) {
      expect(parseAlarmName(other)).toBeUndefined();
    }
  });

  it('a warning lead-time before and one at the expiry; a lead time already passed warns now; expired tokens get none', () => {
    const planned = plannedAlarms(
      [
        { venue: 'pacetrader', expiresAtMs: now + 90 * MIN },
        { venue: 'pocketful', expiresAtMs: now + 10 * MIN },
        { venue: 'zebpay-futures', expiresAtMs: now - MIN },
      ],
      now,
      30,
    );
    expect(planned.map((p) => [p.kind, p.venue, p.whenMs - now])).toEqual([
      ['warn', 'pacetrader', 60 * MIN],
      ['expired', 'pacetrader', 90 * MIN],
      ['warn', 'pocketful', 0],
      ['expired', 'pocketful', 10 * MIN],
    ]);
    expect(plannedAlarms([{ venue: 'pocketful', expiresAtMs: now + 10 * MIN }], now, 0).map((p) => p.kind)).toEqual(['expired']);
  });
});

describe('badge', () => {
  it('empty while every token is far from expiry, the soonest minutes inside the lead time, "!" once one expired', () => {
    expect(badgeFor([{ venue: 'pacetrader', expiresAtMs: now + 2 * 60 * MIN }], now, 30)).toEqual({ text: '', urgent: false });
    expect(badgeFor([{ venue: 'pacetrader', expiresAtMs: now + 20 * MIN }, { venue: 'pocketful', expiresAtMs: now + 7 * MIN + 30_000 }], now, 30)).toEqual({ text: '7m', urgent: false });
    expect(badgeFor([{ venue: 'pacetrader', expiresAtMs: now + 150 * MIN }], now, 180)).toEqual({ text: '2h', urgent: false });
    expect(badgeFor([{ venue: 'pacetrader', expiresAtMs: now + 20 * MIN }, { venue: 'pocketful', expiresAtMs: now }], now, 30)).toEqual({ text: '!', urgent: true });
    expect(badgeFor([], now, 30).text).toBe('');
  });

  it('the options page reads the venue from its address, and only a venue-shaped one', () => {
    expect(venueFromHash('#venue=pacetrader')).toBe('pacetrader');
    expect(venueFromHash('#venue=zebpay-futures&x=1')).toBe('zebpay-futures');
    expect(venueFromHash('#venue=<img>')).toBeUndefined();
    expect(venueFromHash('')).toBeUndefined();
  });
});
