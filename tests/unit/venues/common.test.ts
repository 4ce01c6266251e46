// The first rows every venue parser shares (firstRules): they decide before any venue's own rows.
import { describe, expect, it } from 'vitest';
import { firstRules } from '../../../lib/venues/common';
import type { HttpResponse } from '../../../lib/venues/types';

const res = (status: number, body = '', extra: Partial<HttpResponse> = {}): HttpResponse => ({ status, headers: {}, body, ...extra });
const rules = { noAnswer: 'the cancel may or may not have happened' };

describe('firstRules', () => {
  it.each([
    [res(0, '', { transportError: 'network' }), 'Could not reach the venue (network error); the cancel may or may not have happened'],
    [res(0, '', { transportError: 'timeout' }), 'No answer from the venue within 10 s; the cancel may or may not have happened'],
    [res(502, '<html>Bad gateway</html>'), 'HTTP 502 with an HTML page; the cancel may or may not have happened'],
    [res(500, ''), 'HTTP 500 with empty body; the cancel may or may not have happened'],
    [res(503, '{"truncated'), 'HTTP 503 with a reply that is not JSON; the cancel may or may not have happened'],
  ])('no answer or a 5xx is unknown, the reply described in words (%#)', (r, message) => {
    expect(firstRules(r, 0, rules)).toEqual({ kind: 'unknown', message });
  });

  it('429 is rate-limited with the Retry-After, in the venue’s words when it has them', () => {
    expect(firstRules(res(429, '', { headers: { 'retry-after': '2' } }), 0, rules)).toEqual({ kind: 'rate-limited', message: 'The venue is rate-limiting requests', retryAfterMs: 2000 });
    expect(firstRules(res(429), 0, { ...rules, rateLimitMessage: 'X is busy' })).toEqual({ kind: 'rate-limited', message: 'X is busy' });
  });

  it('the venue’s auth rows come after no-answer and before 429', () => {
    const auth = () => ({ kind: 'auth-failed' as const, message: 'bad key' });
    expect(firstRules(res(429), 0, { ...rules, auth })).toEqual({ kind: 'auth-failed', message: 'bad key' });
    expect(firstRules(res(500), 0, { ...rules, auth })?.kind).toBe('unknown');
  });

  it('leaves 2xx and other 4xx to the venue’s own rows', () => {
    expect(firstRules(res(200, '{}'), 0, rules)).toBeUndefined();
    expect(firstRules(res(404, '{}'), 0, { ...rules, auth: () => undefined })).toBeUndefined();
  });
});
