// Venue text goes to storage, the popup, notifications and exports — places a page, a screen share
// or a spreadsheet can read. A venue that quotes the request back ("invalid token abc…") would put
// a credential there, and a hostile or broken venue can send megabytes. So every text a venue gives
// is clipped and stripped of the credential values it could echo, here, before anything keeps it.

/** Enough for any venue's error sentence; the rest is noise or an attack. */
export const MAX_VENUE_TEXT = 300;
const REDACTED = '[redacted]';
/** Shorter values (a client id "1", a flag) are not secrets and would redact ordinary words. */
const MIN_SECRET_LENGTH = 6;

const b64 = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};
const hex = (s: string) => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');

/** Each secret as a venue might echo it: verbatim, URL-encoded, base64 (both alphabets), hex. */
function forms(secret: string): string[] {
  const plain = b64(secret);
  const url = plain.replace(/\+/g, '-').replace(/\//g, '_');
  const all = [secret, encodeURIComponent(secret), plain, plain.replace(/=+$/, ''), url, url.replace(/=+$/, ''), hex(secret), hex(secret).toUpperCase()];
  return [...new Set(all)].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** The string values of a credentials object, however deeply they sit in it. */
export function secretValues(credentials: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length >= MIN_SECRET_LENGTH) out.push(v);
    } else if (v && typeof v === 'object') {
      for (const inner of Object.values(v)) walk(inner);
    }
  };
  walk(credentials);
  return out;
}

export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) for (const form of forms(secret)) out = out.split(form).join(REDACTED);
  return out;
}

/** Control characters go (they reorder or hide text on screen); a long text ends with an ellipsis. */
export function clipVenueText(text: string, max = MAX_VENUE_TEXT): string {
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

const TEXT_FIELDS = ['message', 'venueStatus', 'code'] as const;

/**
 * An outcome as it may be kept: its venue texts redacted, then clipped (redaction first, so a
 * secret cut in half by the clip cannot survive as its first half). Other results pass unchanged.
 */
export function safeVenueResult<R>(result: R, credentials: unknown): R {
  if (!result || typeof result !== 'object' || typeof (result as { kind?: unknown }).kind !== 'string') return result;
  const secrets = secretValues(credentials);
  const copy: Record<string, unknown> = { ...(result as Record<string, unknown>) };
  for (const field of TEXT_FIELDS) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = clipVenueText(redactSecrets(value, secrets));
  }
  return copy as R;
}
