import { bytesToHex, utf8 } from './hex';
import { keyCache as newKeyCache } from './key-cache';

const keyCache = newKeyCache();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (keyCache.size > 16) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

/** Lower-case hex HMAC-SHA256 with the secret's and the message's UTF-8 bytes. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), utf8(message));
  return bytesToHex(signature);
}
