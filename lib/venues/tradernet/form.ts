// Tradernet's credential form: a key pair, the domain that issued it and the signature scheme.
import type { ZodType } from 'zod';
import type { CredentialForm } from '../descriptor';
import { tradernetCredentialsSchema } from './adapter';
import { TRADERNET_DOMAINS } from './descriptor';

export const forms: Record<'tradernet', CredentialForm<ZodType>> = {
  tradernet: {
    schema: tradernetCredentialsSchema,
    fields: [
      { name: 'publicKey', label: 'Public key', kind: 'text', required: true },
      { name: 'privateKey', label: 'Private key', kind: 'secret', required: true, help: 'Used only to sign requests; it is never sent.' },
      {
        name: 'domain',
        label: 'Domain that issued the keys',
        kind: 'select',
        required: false,
        help: 'Keys work only on the domain that issued them. Choosing another domain than tradernet.com asks your browser for permission to reach it.',
        options: TRADERNET_DOMAINS.map((d) => ({ value: d, label: d })),
      },
      {
        name: 'scheme',
        label: 'Signature scheme',
        kind: 'select',
        required: false,
        help: 'v2 unless your account uses the v3 (X-NtApi header) signature.',
        options: [
          { value: 'v2', label: 'v2 (default)' },
          { value: 'v3', label: 'v3' },
        ],
      },
    ],
    where: 'Logged in to your cabinet, open «Tradernet API» → «API key» (https://tradernet.com/tradernet-api/auth-api; the same page exists on freedom24.com, tradernet.global and tradernet.kz). The key pair lets API commands trade without an SMS session.',
    lifetime: 'Until you regenerate the pair.',
  },
};
