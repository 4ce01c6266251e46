// The whole vault crypto: a passphrase-derived AES-GCM key and authenticated encryption of a
// JSON value. WebCrypto only. A wrong passphrase fails authentication; it never decrypts to junk.

export const PBKDF2_ITERATIONS = 600_000;
/**
 * A stored count above this is refused, not run: storage.local is writable by anyone with the
 * profile, and a count of billions would hang the worker on every unlock (5 M ≈ 3 s here).
 */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;

/** Why a stored count cannot be used, or undefined when it can. */
export function iterationProblem(iterations: unknown): string | undefined {
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) return 'The stored vault is damaged (its key-derivation count is not a whole number); wipe it and set the keys again';
  if (iterations > MAX_PBKDF2_ITERATIONS) return `The stored vault asks for ${iterations.toLocaleString('en')} key-derivation rounds, more than the ${MAX_PBKDF2_ITERATIONS.toLocaleString('en')} QuickCancel allows; wipe it and set the keys again`;
  return undefined;
}

export interface SealedBox {
  v: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  iv: string;
  ciphertext: string;
}

const b64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function newSalt(): string {
  return b64(crypto.getRandomValues(new Uint8Array(16)));
}

/** Extractable so the unlocked key can be kept in storage.session (memory) across worker restarts. */
export async function deriveKey(passphrase: string, salt: string, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: unb64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

/** A fresh random IV for every write: never reuse one with the same key. */
export async function seal(key: CryptoKey, salt: string, value: unknown, iterations = PBKDF2_ITERATIONS): Promise<SealedBox> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext);
  return { v: 1, kdf: 'PBKDF2-SHA-256', iterations, salt, iv: b64(iv), ciphertext: b64(ciphertext) };
}

/** Undefined when the key is wrong or the box was tampered with. */
export async function open<T>(key: CryptoKey, box: SealedBox): Promise<T | undefined> {
  try {
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(box.iv) }, key, unb64(box.ciphertext));
    return JSON.parse(new TextDecoder().decode(plaintext)) as T;
  } catch {
    return undefined;
  }
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return b64(await crypto.subtle.exportKey('raw', key));
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', unb64(raw), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}
