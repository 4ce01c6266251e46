import type { VenueId } from '../../../lib/venues/types';
import { pacePages } from './pace';

/** A broker web-UI fixture served at the venue's real web host. */
export interface VenuePage {
  venue: VenueId;
  hosts: string[];
  /** Served for every path under this prefix on those hosts. */
  pathPrefix: string;
  html(): string;
}

export function allPages(): VenuePage[] {
  return [...pacePages];
}
