// Every venue QuickCancel knows, in display order: one line per venue. The venue ids, the manifest's
// host permissions and content-script matches, the popup's and the options page's venue lists are
// all read from here; each venue's folder holds everything else about it (see README, "Adding a venue").
import type { VenueDescriptor } from './descriptor';
import { coinswitch } from './coinswitch/descriptor';
import { pacetrader, pocketful } from './pace-oms/descriptor';
import { tradernet } from './tradernet/descriptor';
import { zebpayFutures } from './zebpay-futures/descriptor';

export const descriptors = [pacetrader, pocketful, zebpayFutures, tradernet, coinswitch] as const;

export type VenueId = (typeof descriptors)[number]['id'];

/** The venue ids in display order, as a tuple for z.enum. */
export const VENUE_IDS = descriptors.map((d) => d.id) as unknown as readonly [VenueId, ...VenueId[]];

export const descriptorOf = Object.fromEntries(descriptors.map((d) => [d.id, d])) as { [K in VenueId]: VenueDescriptor<K> };
