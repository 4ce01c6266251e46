import type { VenueId } from '@/lib/model';

export type CredentialsState =
  | { state: 'ok'; credentials: unknown }
  | { state: 'locked' }
  | { state: 'missing' };

/** Where the engine gets a venue's credentials; only the background implements it. */
export interface CredentialSource {
  get(venue: VenueId): Promise<CredentialsState>;
}
