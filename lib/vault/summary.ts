// What the options page may show about stored credentials: which kind, a public-key prefix, the
// token's expiry. Never a secret, never a whole token.
import { isRecord, jwtExpiryMs, jwtPayload, num, str } from '../venues/common';
import type { CredentialSummary } from '../messages';
import type { VenueId } from '../venues/types';

const prefix = (value: string, n = 6) => (value.length > n + 2 ? `${value.slice(0, n)}…` : '…');

export function summarize(venue: VenueId, credentials: unknown): CredentialSummary {
  const c = isRecord(credentials) ? credentials : {};
  switch (venue) {
    case 'pacetrader':
    case 'pocketful': {
      const expiry = jwtExpiryMs(jwtPayload(str(c.accessToken))) ?? num(c.expiresAtMs);
      const client = str(c.clientId) || str(jwtPayload(str(c.accessToken))?.client_id);
      return withExpiry({ venue, label: `Access token${client ? ` for client ${client}` : ''}` }, expiry);
    }
    case 'zebpay-futures':
      return c.authKind === 'jwt'
        ? withExpiry({ venue, label: 'JWT' }, jwtExpiryMs(jwtPayload(str(c.jwt))))
        : { venue, label: `API key ${prefix(str(c.apiKey))}` };
    case 'tradernet':
      return { venue, label: `Public key ${prefix(str(c.publicKey))} on ${str(c.domain) || 'tradernet.com'} (${str(c.scheme) || 'v2'})` };
    case 'coinswitch':
      return { venue, label: `API key ${prefix(str(c.apiKey), 8)}` };
  }
}

function withExpiry(summary: CredentialSummary, expiresAtMs: number | undefined): CredentialSummary {
  return expiresAtMs === undefined ? summary : { ...summary, expiresAtMs };
}
