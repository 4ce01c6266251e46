// Tradernet request signing (shared/venues/tradernet.md, section 4). Pure: time comes in as nowMs.
import { hmacSha256Hex } from '../../crypto/hmac';
import { isRecord } from '../common';
import type { HttpRequest } from '../types';

export type TradernetScheme = 'v2' | 'v3';
export type TradernetParams = Record<string, string | number>;

export interface SignInput {
  cmd: string;
  /** Absent for a command without params (getAuthInfo): then neither signed nor sent. */
  params?: TradernetParams;
  publicKey: string;
  privateKey: string;
  domain: string;
  scheme: TradernetScheme;
  nowMs: number;
}

/**
 * The v2 "pre-sign" string, as tn-crypto.js builds it: keys of every object level sorted by UTF-16
 * code unit (the default sort), `key=value` joined with `&`, a nested object written as
 * `key=` + its own pre-sign, values as plain text (never URL-encoded).
 */
export function preSign(data: Record<string, unknown>): string {
  return Object.keys(data)
    .sort()
    .map((key) => {
      const value = data[key];
      return `${key}=${isRecord(value) ? preSign(value) : String(value)}`;
    })
    .join('&');
}

/**
 * The v2 form body, the way jQuery.param serializes the docs' browser example: top-level fields in
 * the given order, one nested level as `name[key]`, encoded by the WHATWG form serializer
 * (so the brackets become %5B/%5D).
 */
export function formBody(fields: Array<[string, string | TradernetParams]>): string {
  const form = new URLSearchParams();
  for (const [name, value] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else for (const [key, inner] of Object.entries(value)) form.append(`${name}[${key}]`, String(inner));
  }
  return form.toString();
}

/** nowMs × 10000 as a decimal string; BigInt because the value is above 2^53. */
export const v2Nonce = (nowMs: number): string => (BigInt(Math.floor(nowMs)) * 10000n).toString();

/** Seconds, truncated. */
export const v3Timestamp = (nowMs: number): string => String(Math.floor(nowMs / 1000));

export async function signedRequest(input: SignInput): Promise<{ request: HttpRequest; signedString: string }> {
  const { cmd, params, publicKey, privateKey, domain, nowMs } = input;
  if (input.scheme === 'v3') {
    const body = JSON.stringify(params ?? {});
    const ts = v3Timestamp(nowMs);
    const signedString = body + ts;
    return {
      signedString,
      request: {
        method: 'POST',
        url: `https://${domain}/api/${cmd}`,
        headers: {
          'Content-Type': 'application/json',
          'X-NtApi-PublicKey': publicKey,
          'X-NtApi-Timestamp': ts,
          'X-NtApi-Sig': await hmacSha256Hex(privateKey, signedString),
        },
        body,
      },
    };
  }
  const nonce = v2Nonce(nowMs);
  const signedString = preSign({ apiKey: publicKey, cmd, nonce, ...(params ? { params } : {}) });
  return {
    signedString,
    request: {
      method: 'POST',
      url: `https://${domain}/api/v2/cmd/${cmd}`,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-NtApi-Sig': await hmacSha256Hex(privateKey, signedString),
        // The document's browser example sends these with the bracket-encoded body (its spelling
        // X_REQUESTED_WITH is the jQuery setting; the header is X-Requested-With). The signature
        // covers the values only, so they change nothing in it.
        'Nt-Jqp': 'true',
        'X-Requested-With': 'XMLHttpRequest',
      },
      body: formBody([['cmd', cmd], ['apiKey', publicKey], ['nonce', nonce], ...(params ? [['params', params] as [string, TradernetParams]] : [])]),
    },
  };
}
