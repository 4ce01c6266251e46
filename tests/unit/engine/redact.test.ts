// Venue text is kept only clipped and without any credential it might echo.
import { describe, expect, it } from 'vitest';
import { clipVenueText, MAX_VENUE_TEXT, redactSecrets, safeVenueResult, secretValues } from '../../../lib/engine/redact';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi0xMjM0NQ.Zm9vYmFyYmF6';
const SECRET = 'zbp-SECRET/key+with=odd chars';
const credentials = { accessToken: TOKEN, nested: { secretKey: SECRET }, clientId: '1', authKind: 'jwt' };

describe('redacting credentials from venue text', () => {
  it('finds every string value of the credentials, however nested, but not short ones', () => {
    expect(secretValues(credentials).sort()).toEqual([SECRET, TOKEN].sort());
  });

  it('removes a credential quoted verbatim, URL-encoded, in base64 (either alphabet) or in hex', () => {
    const b64 = Buffer.from(SECRET).toString('base64');
    const echoes = [
      `invalid token ${TOKEN}`,
      `bad key ${encodeURIComponent(SECRET)}`,
      `sig base ${b64}`,
      `sig base ${b64.replace(/=+$/, '')}`,
      `sig base ${Buffer.from(SECRET).toString('base64url')}`,
      `hex ${Buffer.from(SECRET).toString('hex')}`,
      `HEX ${Buffer.from(SECRET).toString('hex').toUpperCase()}`,
    ];
    for (const echo of echoes) {
      const out = redactSecrets(echo, secretValues(credentials));
      expect(out).toContain('[redacted]');
      expect(out).not.toContain(TOKEN);
      expect(out).not.toContain(SECRET);
    }
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('Order not found', secretValues(credentials))).toBe('Order not found');
  });
});

describe('clipping venue text', () => {
  it('keeps short text whole and cuts long text to the bound with an ellipsis', () => {
    expect(clipVenueText('Order cancelled')).toBe('Order cancelled');
    const clipped = clipVenueText('x'.repeat(3_000_000));
    expect(clipped).toHaveLength(MAX_VENUE_TEXT);
    expect(clipped.endsWith('…')).toBe(true);
  });

  it('drops control and bidirectional-override characters that disguise text on screen', () => {
    expect(clipVenueText('Cancel\u202eled\u0007 ok')).toBe('Cancelled ok');
  });
});

describe('an outcome as it may be kept', () => {
  it('redacts before clipping, so a secret at the cut cannot survive as its first half', () => {
    const message = `${'a'.repeat(MAX_VENUE_TEXT - 10)} token ${TOKEN}`;
    const kept = safeVenueResult({ kind: 'auth-failed', message }, credentials);
    expect(kept.message).not.toContain(TOKEN.slice(0, 4 + 1));
    expect(kept.message.length).toBeLessThanOrEqual(MAX_VENUE_TEXT);
  });

  it('cleans message, venue status and code, and keeps everything else', () => {
    const kept = safeVenueResult({ kind: 'rejected', code: `E-${TOKEN}`, message: `no: ${SECRET}`, extra: 7 }, credentials);
    expect(kept).toEqual({ kind: 'rejected', code: 'E-[redacted]', message: 'no: [redacted]', extra: 7 });
  });

  it('passes results that are not outcomes through untouched', () => {
    const orders = { orders: [{ key: '1', symbol: TOKEN }] };
    expect(safeVenueResult(orders, credentials)).toBe(orders);
  });
});
