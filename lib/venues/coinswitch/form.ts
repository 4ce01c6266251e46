// CoinSwitch PRO's credential form: an Ed25519 key pair.
import type { ZodType } from 'zod';
import type { CredentialForm } from '../descriptor';
import { coinswitchCredentialsSchema } from './adapter';

export const forms: Record<'coinswitch', CredentialForm<ZodType>> = {
  coinswitch: {
    schema: coinswitchCredentialsSchema,
    fields: [
      { name: 'apiKey', label: 'API key', kind: 'text', required: true, help: '64 hex characters: the Ed25519 public key.' },
      {
        name: 'secretKey',
        label: 'Secret key',
        kind: 'secret',
        required: true,
        help: '64 hex characters: the Ed25519 seed. If you have a 128-character form, paste only its first 64 characters. Never sent.',
      },
    ],
    where: 'In your CoinSwitch PRO profile, open “API Trading” and generate a key pair. Both keys are shown only once: copy them straight here. Support can also issue keys by e-mail.',
    lifetime: 'One pair is active at a time: generating a new pair invalidates the old one. No expiry is documented.',
  },
};
