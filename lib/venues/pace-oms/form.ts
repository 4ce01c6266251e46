// The credential forms of PaceTrader and Pocketful: one access token each, with the help a user needs
// to get one.
import type { ZodType } from 'zod';
import type { CredentialForm, FieldSpec } from '../descriptor';
import { paceCredentialsSchema } from './adapter';

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

export const forms: Record<'pacetrader' | 'pocketful', CredentialForm<ZodType>> = {
  pacetrader: {
    schema: paceCredentialsSchema,
    fields: [paceToken('The token from PaceTrader’s login (OAuth at pacetrader.pacefin.in/oauth2/auth), sent as a bearer token.'), paceClientId, paceExpiry],
    where: 'Log in once per trading day through PaceTrader’s OAuth page (https://pacetrader.pacefin.in/oauth2/auth: login id, password, 2FA) and paste the access token it returns. QuickCancel does not run the login itself.',
    lifetime: 'About 12 hours (expires_in 43199 s); tokens expire daily. An expired token is refused by the broker (HTTP 401).',
  },
  pocketful: {
    schema: paceCredentialsSchema,
    fields: [paceToken('The token shown on the Pocketful developer dashboard after “Generate Access Token”.'), paceClientId, paceExpiry],
    where: 'Sign in at https://api.pocketful.in/login, create an app (any name, default redirect URL) and press “Generate Access Token”. The token is shown on the dashboard. The token trades on your account, so keep it private.',
    lifetime: 'Until midnight (12 AM) of the day it was generated: add a fresh token each trading day.',
  },
};
