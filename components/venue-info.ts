// What the popup needs to know about each venue, without importing the adapters (and every venue's
// zod schemas and crypto) into the popup bundle. A unit test keeps these equal to the adapters.
import { VENUE_IDS, type VenueId } from '@/lib/venues/types';

export interface VenueInfo {
  id: VenueId;
  name: string;
  /** Same as the adapter's: catches a typo before anything is sent. */
  idPattern: RegExp;
  idHint: string;
  /** What the venue's web UI calls the id, for the input's label. */
  idLabel: string;
  idExample: string;
}

const paceId = { idPattern: /^[A-Za-z0-9-]{1,40}$/, idHint: 'an OMS order number like 202403132605', idLabel: 'OMS order number', idExample: '202403132605' };

export const venueInfo: Record<VenueId, VenueInfo> = {
  pacetrader: { id: 'pacetrader', name: 'PaceTrader', ...paceId },
  pocketful: { id: 'pocketful', name: 'Pocketful', ...paceId },
  'zebpay-futures': {
    id: 'zebpay-futures',
    name: 'ZebPay Futures',
    idPattern: /^[\x21-\x7e]{1,128}$/,
    idHint: 'a client order id: 1–128 letters, digits or symbols without spaces (e.g. myLimitOrder456)',
    idLabel: 'client order id',
    idExample: 'myLimitOrder456',
  },
  tradernet: { id: 'tradernet', name: 'Tradernet / Freedom24', idPattern: /^\d+$/, idHint: 'a whole number', idLabel: 'order id', idExample: '512734880' },
  coinswitch: {
    id: 'coinswitch',
    name: 'CoinSwitch PRO',
    idPattern: /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/,
    idHint: 'a UUID like 698ed406-8ef5-4664-9779-f7978702a447',
    idLabel: 'order id',
    idExample: '698ed406-8ef5-4664-9779-f7978702a447',
  },
};

export const venueList: VenueInfo[] = VENUE_IDS.map((id) => venueInfo[id]);

/** The popup's check on a typed id: null when it may be sent, else what is wrong, in words. */
export function idProblem(venue: VenueId, raw: string): string | null {
  const id = raw.trim();
  const info = venueInfo[venue];
  if (!id) return `Enter a ${info.name} ${info.idLabel}.`;
  if (!info.idPattern.test(id)) return `That does not look like a ${info.name} ${info.idLabel}: expected ${info.idHint}.`;
  return null;
}
