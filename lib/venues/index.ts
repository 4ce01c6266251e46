/// <reference types="vite/client" />
// Every venue's adapter, for the background: read from each folder's adapter.ts by name, so that
// the registry stays free of zod and crypto. A unit test keeps this map equal to the registry's.
import { VENUE_IDS, type VenueId } from './registry';
import type { VenueAdapter } from './types';

const modules = import.meta.glob<VenueAdapter[]>('./*/adapter.ts', { eager: true, import: 'adapters' });
const byId = new Map(Object.values(modules).flat().map((a) => [a.id, a]));

export const venues = Object.fromEntries(VENUE_IDS.map((id) => [id, byId.get(id)])) as Record<VenueId, VenueAdapter>;

export * from './types';
