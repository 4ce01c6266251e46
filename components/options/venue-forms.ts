// The credential form of each venue: the fields of its adapter's credentialsSchema, with the help
// a user needs to fill them in (where the key comes from, what it may do, how long it lasts; from
// shared/venues/*.md section 2). A unit test keeps the field names equal to the schemas' keys.
import type { ZodType } from 'zod';
import { coinswitchCredentialsSchema } from '@/lib/venues/coinswitch';
import { paceCredentialsSchema } from '@/lib/venues/pace-oms';
import { TRADERNET_DOMAINS, tradernetCredentialsSchema } from '@/lib/venues/tradernet';
import { zebpayFuturesCredentialsSchema } from '@/lib/venues/zebpay-futures';
import type { VenueId } from '@/lib/venues/types';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'secret' | 'select' | 'datetime';
  required: boolean;
  help?: string;
  options?: Array<{ value: string; label: string }>;
  /** Shown only when another field has this value (ZebPay's auth kind). */
  showWhen?: { field: string; value: string };
}

export interface VenueForm {
  venue: VenueId;
  schema: ZodType;
  fields: FieldSpec[];
  /** Where users get the keys, and what the key must be allowed to do. */
  where: string;
  lifetime: string;
}

const paceToken = (help: string): FieldSpec => ({ name: 'accessToken', label: 'Access token', kind: 'secret', required: true, help });
const paceClientId: FieldSpec = {
  name: 'clientId',
  label: 'Client id',
  kind: 'text',
  required: false,
  help: 'Your trading client code (e.g. YG1234). Leave empty if the token already carries it; QuickCancel asks the broker otherwise.',
};
const paceExpiry: FieldSpec = {
  name: 'expiresAtMs',
  label: 'Token expires at',
  kind: 'datetime',
  required: false,
  help: 'If you know it. After this time QuickCancel says the token has expired instead of sending a request that would fail. A JWT token’s own expiry is read automatically.',
};

export const venueForms: Record<VenueId, VenueForm> = {
  pacetrader: {
    venue: 'pacetrader',
    schema: paceCredentialsSchema,
    fields: [paceToken('The token from PaceTrader’s login (OAuth at pacetrader.pacefin.in/oauth2/auth), sent as a bearer token.'), paceClientId, paceExpiry],
    where: 'Log in once per trading day through PaceTrader’s OAuth page (https://pacetrader.pacefin.in/oauth2/auth: login id, password, 2FA) and paste the access token it returns. QuickCancel does not run the login itself.',
    lifetime: 'About 12 hours (expires_in 43199 s); tokens expire daily. An expired token is refused by the broker (HTTP 401).',
  },
  pocketful: {
    venue: 'pocketful',
    schema: paceCredentialsSchema,
    fields: [paceToken('The token shown on the Pocketful developer dashboard after “Generate Access Token”.'), paceClientId, paceExpiry],
    where: 'Sign in at https://api.pocketful.in/login, create an app (any name, default redirect URL) and press “Generate Access Token”. The token is shown on the dashboard. The token trades on your account, so keep it private.',
    lifetime: 'Until midnight (12 AM) of the day it was generated: add a fresh token each trading day.',
  },
  'zebpay-futures': {
    venue: 'zebpay-futures',
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
  tradernet: {
    venue: 'tradernet',
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
  coinswitch: {
    venue: 'coinswitch',
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

/** Fields shown for the current values (ZebPay shows key+secret or JWT). */
export function visibleFields(form: VenueForm, values: Record<string, string>): FieldSpec[] {
  return form.fields.filter((f) => !f.showWhen || (values[f.showWhen.field] ?? defaultValue(form, f.showWhen.field)) === f.showWhen.value);
}

export function defaultValue(form: VenueForm, name: string): string {
  const field = form.fields.find((f) => f.name === name);
  return field?.kind === 'select' && field.options ? field.options[0]!.value : '';
}

/**
 * What credentials.set gets: the visible fields the user filled in, trimmed (a pasted key often
 * carries a stray space or newline), a datetime as epoch ms. Empty optional fields are left out.
 */
export function collectCredentials(form: VenueForm, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of visibleFields(form, values)) {
    const raw = (values[f.name] ?? defaultValue(form, f.name)).trim();
    if (!raw) continue;
    if (f.kind === 'datetime') {
      const ms = new Date(raw).getTime();
      out[f.name] = Number.isFinite(ms) ? ms : raw;
    } else out[f.name] = raw;
  }
  return out;
}

/** The schema's complaints, by field name, in the schema's words. */
export function fieldErrors(form: VenueForm, credentials: Record<string, unknown>): Record<string, string> {
  const parsed = form.schema.safeParse(credentials);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    const message = issue.code === 'invalid_type' && credentials[name] === undefined ? 'is required' : issue.message;
    errors[name] ??= message;
  }
  return errors;
}
