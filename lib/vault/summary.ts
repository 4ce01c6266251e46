// What the options page may show about stored credentials: which kind, a public-key prefix, the
// token's expiry. Never a secret, never a whole token. Each venue's adapter says how.
import type { CredentialSummary } from '../messages';
import { venues } from '../venues';
import type { VenueId } from '../venues/types';
import { isRecord } from '../venues/values';

export function summarize(venue: VenueId, credentials: unknown): CredentialSummary {
  return { venue, ...venues[venue].describeCredentials(isRecord(credentials) ? credentials : {}) };
}
