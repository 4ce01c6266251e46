import type { VenueId } from '@/lib/venues/types';

// Kept apart from the adapters so UI bundles do not pull in every venue's code for a name.
export const venueNames: Record<VenueId, string> = {
  pacetrader: 'PaceTrader',
  pocketful: 'Pocketful',
  'zebpay-futures': 'ZebPay Futures',
  tradernet: 'Tradernet / Freedom24',
  coinswitch: 'CoinSwitch PRO',
};
