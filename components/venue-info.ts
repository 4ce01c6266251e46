// What the popup needs to know about each venue: its descriptor's name and id facts, without the
// adapters (and every venue's zod schemas and crypto) in the popup bundle.
import { descriptors } from '@/lib/venues/registry';
import type { VenueId } from '@/lib/venues/types';

export interface VenueInfo {
  id: VenueId;
  name: string;
  /** The adapter's own check: catches a typo before anything is sent. */
  idPattern: RegExp;
  idHint: string;
  /** What the venue's web UI calls the id, for the input's label. */
  idLabel: string;
  idExample: string;
}

const infoOf = (d: (typeof descriptors)[number]): VenueInfo => ({
  id: d.id,
  name: d.name,
  idPattern: d.ids.pattern,
  idHint: d.ids.hint,
  idLabel: d.ids.label,
  idExample: d.ids.example,
});

export const venueList: VenueInfo[] = descriptors.map(infoOf);

export const venueInfo = Object.fromEntries(venueList.map((v) => [v.id, v])) as Record<VenueId, VenueInfo>;

/** The popup's check on a typed id: null when it may be sent, else what is wrong, in words. */
export function idProblem(venue: VenueId, raw: string): string | null {
  const id = raw.trim();
  const info = venueInfo[venue];
  if (!id) return `Enter a ${info.name} ${info.idLabel}.`;
  if (!info.idPattern.test(id)) return `That does not look like a ${info.name} ${info.idLabel}: expected ${info.idHint}.`;
  return null;
}
