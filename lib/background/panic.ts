// The panic: every open order on every venue whose keys are set, all venues at once. Each venue
// goes through the engine's cancel-all (its own token bucket paces it; ZebPay, which lists open
// orders only per symbol, uses its venue-wide endpoint — the one place that endpoint is used).
import type { CancelEngine } from '../engine/engine';
import type { PanicReply, PanicVenueResult } from '../messages';
import { currentSettings } from '../settings';
import type { Vault } from '../vault/vault';
import type { VenueAdapter } from '../venues/types';
import type { VenueId } from '@/lib/model';

export interface PanicDeps {
  engine: Pick<CancelEngine, 'cancelAll'>;
  vault: Pick<Vault, 'state' | 'secrets'>;
  venues: Record<VenueId, VenueAdapter>;
}

/** The venues a panic acts on: keys set and not turned off. */
export async function panicVenues(deps: PanicDeps): Promise<VenueId[]> {
  const secrets = (await deps.vault.secrets()) ?? {};
  const off = (await currentSettings()).disabledVenues;
  return (Object.keys(deps.venues) as VenueId[]).filter((v) => v in secrets && !off.includes(v));
}

export async function panic(deps: PanicDeps): Promise<PanicReply> {
  if ((await deps.vault.state()) !== 'unlocked') return { ok: false, error: 'QuickCancel is locked — unlock it first; nothing was cancelled' };
  const targets = await panicVenues(deps);
  if (!targets.length) return { ok: false, error: 'No venue has keys yet: nothing to cancel' };
  const venues = await Promise.all(targets.map(async (venue): Promise<PanicVenueResult> => {
    try {
      return { venue, ...(await deps.engine.cancelAll(venue)) };
    } catch (error) {
      // One venue's failure must not hide the others' results.
      return { venue, outcome: { kind: 'unknown', message: `QuickCancel could not finish (${String(error)}); check this venue` } };
    }
  }));
  return { ok: true, venues };
}
