import type { VenueId } from '../../../lib/venues/types';
import { benchPages } from './bench';
import { coinswitchPages } from './coinswitch';
import { hostilePages } from './hostile';
import { pacePages } from './pace';
import { shapePages } from './shapes';
import { teachPages } from './teach';
import type { SpaPageOptions } from './spa';
import { tradernetPages } from './tradernet';
import { variantPages } from './variants';
import { zebpayPages } from './zebpay';

/** A broker web-UI fixture served at the venue's real web host. */
export interface VenuePage {
  venue: VenueId;
  hosts: string[];
  /** Served for every path under this prefix on those hosts (the server takes the first match). */
  pathPrefix: string;
  html(): string;
  /** What the page renders, for unit tests that render it in happy-dom. */
  fixture?: SpaPageOptions;
  /** A short name for tests. */
  name?: string;
}

/**
 * Pages on a host whose other paths are the venue's API need their own `/__sim/` entry so the
 * page's `/__sim/orders` poll reaches the simulator (the server answers `/__sim/` only for a
 * page), and a favicon so the browser's own request for it is not a stray one.
 */
const simEndpoints = (venue: VenueId, host: string): VenuePage[] =>
  ['/__sim/', '/favicon.ico'].map((pathPrefix) => ({ venue, hosts: [host], pathPrefix, html: () => '' }));

export function allPages(): VenuePage[] {
  // Longer prefixes first: the server serves the first page whose host and prefix match.
  return [
    ...teachPages,
    ...variantPages,
    ...shapePages,
    ...hostilePages,
    ...pacePages,
    ...zebpayPages,
    ...tradernetPages,
    ...simEndpoints('tradernet', 'tradernet.com'),
    ...coinswitchPages,
    ...simEndpoints('coinswitch', 'coinswitch.co'),
    ...benchPages,
  ];
}

/** The fixture pages with a name (each venue's page and each generic variant), for tests. */
export function namedPages(): Array<VenuePage & { name: string; fixture: SpaPageOptions }> {
  return allPages().filter((p): p is VenuePage & { name: string; fixture: SpaPageOptions } => !!p.name && !!p.fixture);
}
