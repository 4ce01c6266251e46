import { bytesToHex, hexToBytes, utf8 } from './hex';
import { keyCache as newKeyCache } from './key-cache';

// RFC 8410 PKCS#8 wrapper for a raw 32-byte Ed25519 seed.
const PKCS8_PREFIX = hexToBytes('302e020100300506032b657004220420')!;

const keyCache = newKeyCache();

function importSeed(seedHex: string): Promise<CryptoKey> {
  let key = keyCache.get(seedHex);
  if (!key) {
    const seed = hexToBytes(seedHex);
    if (!seed || seed.length !== 32) return Promise.reject(new Error('Ed25519 seed must be 64 hex characters'));
    const der = new Uint8Array(PKCS8_PREFIX.length + 32);
    der.set(PKCS8_PREFIX);
    der.set(seed, PKCS8_PREFIX.length);
    // Extractable so the public key can be derived (JWK "x") to check a pasted key pair.
    key = crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, true, ['sign']);
    if (keyCache.size > 16) keyCache.clear();
    keyCache.set(seedHex, key);
  }
  return key;
}

/** Lower-case hex Ed25519 signature (128 chars) of the message's UTF-8 bytes. */
export async function ed25519SignHex(seedHex: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign('Ed25519', await importSeed(seedHex), utf8(message));
  return bytesToHex(signature);
}

/** Lower-case hex public key for a seed, or null when the seed is malformed. */
export async function ed25519PublicKeyHex(seedHex: string): Promise<string | null> {
  try {
    const jwk = await crypto.subtle.exportKey('jwk', await importSeed(seedHex));
    if (!jwk.x) return null;
    const b64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return bytesToHex(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
