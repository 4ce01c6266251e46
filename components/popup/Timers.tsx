// Cancel timers: "cancel if not filled in N seconds" or "cancel at HH:MM" for an order of the
// selected venue. The background holds and fires them (lib/background/timers.ts); this lists every
// pending one with a live countdown and a button to remove it.
import { useEffect, useState } from 'preact/hooks';
import type { VenueId } from '@/lib/model';
import { onTimersChanged, type CancelTimer } from '@/lib/timers-store';
import { send } from '../api';
import { idProblem, venueInfo } from '../venue-info';

/** The next moment the clock shows HH:MM (today, or tomorrow if that has passed), or null if malformed. */
export function nextClockTime(hhmm: string, nowMs: number): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const at = new Date(nowMs);
  at.setHours(Number(m[1]), Number(m[2]), 0, 0);
  if (at.getTime() <= nowMs) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/** "0:07", "12:30", "1:02:03" */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return now;
}

export function Timers({ venue }: { venue: VenueId }) {
  const info = venueInfo[venue];
  const now = useNow();
  const [timers, setTimers] = useState<CancelTimer[]>([]);
  const [orderId, setOrderId] = useState('');
  const [mode, setMode] = useState<'after' | 'at'>('after');
  const [seconds, setSeconds] = useState('30');
  const [clock, setClock] = useState('');
  const [error, setError] = useState<string>();

  // Listed through the background now and again after every change it stores (one fired, one set elsewhere).
  useEffect(() => {
    const list = () => void send({ type: 'timers.list' }).then((reply) => reply.ok && setTimers(reply.timers));
    list();
    return onTimersChanged(list);
  }, []);

  const id = orderId.trim();
  const problem = id ? idProblem(venue, id) : null;

  async function setTimer() {
    setError(undefined);
    if (!id || problem) return setError(problem ?? `Enter a ${info.name} ${info.idLabel}`);
    let when: { kind: 'after'; seconds: number } | { kind: 'at'; atMs: number };
    if (mode === 'after') {
      const n = Number(seconds);
      if (!Number.isInteger(n) || n < 1 || n > 86_400) return setError('Enter a whole number of seconds, 1 to 86400');
      when = { kind: 'after', seconds: n };
    } else {
      const atMs = nextClockTime(clock, Date.now());
      if (atMs === null) return setError('Enter a time as HH:MM');
      when = { kind: 'at', atMs };
    }
    const reply = await send({ type: 'timers.set', venue, orderId: id, when });
    if (!reply.ok) return setError(reply.error);
    setOrderId('');
    setTimers((list) => [...list.filter((t) => t.id !== reply.timer.id && !(t.venue === venue && t.orderId === id)), reply.timer].sort((a, b) => a.fireAtMs - b.fireAtMs));
  }

  async function remove(timer: CancelTimer) {
    const reply = await send({ type: 'timers.remove', id: timer.id });
    if (!reply.ok) setError(reply.error);
    setTimers((list) => list.filter((t) => t.id !== timer.id));
  }

  return (
    <section class="timers" aria-label="Cancel timers">
      <h2>Cancel timers</h2>
      <form
        class="timer-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void setTimer();
        }}
      >
        <div class="row">
          <label for="qc-timer-id" class="sr-only">{info.name} {info.idLabel} to cancel on a timer</label>
          <input id="qc-timer-id" name="timerOrderId" value={orderId} placeholder={`${info.idLabel} to cancel on a timer`} autocomplete="off" spellcheck={false}
            aria-invalid={!!problem} onInput={(ev) => setOrderId((ev.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="row">
          <label for="qc-timer-mode" class="sr-only">When to cancel</label>
          <select id="qc-timer-mode" value={mode} onChange={(ev) => setMode((ev.currentTarget as HTMLSelectElement).value as 'after' | 'at')}>
            <option value="after">Cancel if not filled in</option>
            <option value="at">Cancel at</option>
          </select>
          {mode === 'after' ? (
            <>
              <label for="qc-timer-seconds" class="sr-only">Seconds</label>
              <input id="qc-timer-seconds" name="timerSeconds" type="number" min={1} max={86400} value={seconds} onInput={(ev) => setSeconds((ev.currentTarget as HTMLInputElement).value)} />
              <span aria-hidden="true">s</span>
            </>
          ) : (
            <>
              <label for="qc-timer-at" class="sr-only">Time (HH:MM)</label>
              <input id="qc-timer-at" name="timerAt" type="time" value={clock} onInput={(ev) => setClock((ev.currentTarget as HTMLInputElement).value)} />
            </>
          )}
          <button type="submit">Set timer</button>
        </div>
      </form>
      <div role="status" aria-live="polite">{error && <p class="error">{error}</p>}</div>
      {timers.length > 0 && (
        <ul class="timer-list" aria-label="Pending cancel timers">
          {timers.map((t) => (
            <li key={t.id} data-timer={t.orderId}>
              <span>
                {venueInfo[t.venue].name} {t.orderId}: cancels in <time data-countdown>{countdown(t.fireAtMs - now)}</time>{' '}
                <span class="muted">(at {new Date(t.fireAtMs).toLocaleTimeString()})</span>
              </span>{' '}
              <button type="button" class="link" aria-label={`Remove the timer on ${t.orderId}`} onClick={() => void remove(t)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
