// ZebPay Futures' credential form: an API key and secret, or a JWT.
import type { ZodType } from 'zod';
import type { CredentialForm } from '../descriptor';
import { zebpayFuturesCredentialsSchema } from './adapter';

export const forms: Record<'zebpay-futures', CredentialForm<ZodType>> = {
  'zebpay-futures': {
    schema: zebpayFuturesCredentialsSchema,
    fields: [
      {
        name: 'authKind',
        label: 'Sign in with',
        kind: 'select',
        required: true,
        options: [
          { value: 'apiKey', label: 'API key and secret' },
          { value: 'jwt', label: 'JWT (bearer token)' },
        ],
      },
      { name: 'apiKey', label: 'API key', kind: 'text', required: true, showWhen: { field: 'authKind', value: 'apiKey' } },
      { name: 'secretKey', label: 'Secret key', kind: 'secret', required: true, help: 'Used only to sign requests; it is never sent.', showWhen: { field: 'authKind', value: 'apiKey' } },
      { name: 'jwt', label: 'JWT', kind: 'secret', required: true, help: 'Three base64url parts separated by dots. ZebPay does not document how to obtain one.', showWhen: { field: 'authKind', value: 'jwt' } },
    ],
    where: 'Create an API key in ZebPay’s API key management (name, permissions, optional IP binding, OTP confirmation) and give it permission to trade. Do not bind it to IP addresses other than this computer’s: a key bound elsewhere fails from your browser. ZebPay’s key page is spot-oriented; whether the same key covers futures is not confirmed.',
    lifetime: 'API keys last until you revoke them. A JWT lasts until its own expiry (exp), shown below once saved.',
  },
};
