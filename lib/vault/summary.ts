// What the options page may show about stored credentials: which kind, a public-key prefix, the
// token's expiry. Never a secret, never a whole token. Each venue's descriptor says how.
import type { CredentialSummary } from '../messages';
import { descriptorOf } from '../venues/registry';
import type { VenueId } from '../venues/types';
import { isRecord } from '../venues/values';

export function summarize(venue: VenueId, credentials: unknown): CredentialSummary {
  return { venue, ...descriptorOf[venue].describeCredentials(isRecord(credentials) ? credentials : {}) };
}
