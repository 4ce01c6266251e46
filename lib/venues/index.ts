import { coinswitch } from './coinswitch';
import { pacetrader, pocketful } from './pace-oms';
import type { VenueAdapter, VenueId } from './types';
import { tradernet } from './tradernet';
import { zebpayFutures } from './zebpay-futures';

export const venues: Record<VenueId, VenueAdapter> = {
  pacetrader,
  pocketful,
  'zebpay-futures': zebpayFutures,
  tradernet,
  coinswitch,
};

export * from './types';
