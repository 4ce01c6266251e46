// The kart (BO/CO/SPD) cancel's two documented routes, and how a venue says it lacks one.
import { isRecord, parseJson } from '../common';
import type { HttpResponse } from '../types';

/**
 * The kart cancel's two documented routes: the id in the path (the SDKs, the gateway code and
 * Pocketful's BO/CO pages; the default) and the PaceTrader spread page's route without it, the
 * order only in the body (shared/venues/pace-oms.md section 4). One venue's server has one kart
 * route, so the form it takes is kept per venue, not per execution type.
 */
/** Bracket, cover and spread orders: cancelled through the kart route, and done when the OMS says so. */
export const isKart = (executionType: string) => executionType === 'BO' || executionType === 'CO' || executionType === 'SPD';

export const KART_CANCEL_FORMS = ['id-in-path', 'body-only'] as const;

/**
 * A 404/405 that is not the OMS's own envelope: no route for the form sent, so nothing was
 * executed (an order the OMS cannot find comes in its envelope, `status` "error"/"failed").
 */
export function isMissingRoute(res: HttpResponse): boolean {
  if (res.status !== 404 && res.status !== 405) return false;
  const json = parseJson(res.body);
  return !(isRecord(json) && typeof json.status === 'string');
}
