// Reading untyped values (JSON bodies, stored credentials, tokens) without zod, so that the
// descriptors, which the popup and content scripts import, stay small. None of them throws.

/** JSON.parse that never throws: undefined for anything that is not JSON. */
export function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as a string ('' when absent or not a scalar). */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A field as a finite number (numeric strings accepted), or undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Decodes a JWT's payload without verifying it; undefined for anything else. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const payload = parseJson(json);
    return isRecord(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT `exp` in ms: values above 1e11 are already ms, smaller ones are seconds. */
export function jwtExpiryMs(payload: Record<string, unknown> | undefined): number | undefined {
  const exp = num(payload?.exp);
  if (exp === undefined) return undefined;
  return exp > 1e11 ? exp : exp * 1000;
}

