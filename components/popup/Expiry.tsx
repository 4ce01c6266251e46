// Each daily token's remaining life (PaceTrader, Pocketful, a ZebPay JWT), so a trader sees it
// running out before a cancel is refused for it; a token near or past its end links straight to
// its venue's card in Settings.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CredentialSummary } from '@/lib/messages';
import type { VenueId } from '@/lib/model';
import { expiryPhase, expirySentence, optionsPathFor } from '@/lib/token-expiry';
import { venueInfo } from '../venue-info';

/** The remaining minutes change while the popup is open. */
const TICK_MS = 15_000;

export function openOptionsAt(venue: VenueId): void {
  void browser.tabs.create({ url: browser.runtime.getURL(optionsPathFor(venue) as '/options.html') });
}

export function Expiry({ configured, warnMinutes, nowMs }: { configured: CredentialSummary[]; warnMinutes: number; nowMs?: number }) {
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    if (nowMs !== undefined) return;
    const timer = setInterval(() => setClock(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [nowMs]);
  const now = nowMs ?? clock;
  const tokens = configured.filter((c): c is CredentialSummary & { expiresAtMs: number } => c.expiresAtMs !== undefined).sort((a, b) => a.expiresAtMs - b.expiresAtMs);
  if (!tokens.length) return null;

  return (
    <section class="expiry pad" aria-labelledby="expiry-title">
      <h2 id="expiry-title" class="sr-only">
        Token expiry
      </h2>
      <ul>
        {tokens.map((t) => {
          const name = venueInfo[t.venue]?.name ?? t.venue;
          const phase = expiryPhase(t.expiresAtMs, now, warnMinutes);
          return (
            <li key={t.venue} data-expiry={t.venue} data-phase={phase} class={phase === 'ok' ? 'muted' : phase === 'soon' ? 'warn' : 'error'}>
              <span>{expirySentence(name, t.expiresAtMs, now)}</span>{' '}
              {phase !== 'ok' && (
                <button type="button" class="link" onClick={() => openOptionsAt(t.venue)}>
                  Paste a new {name} token
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
