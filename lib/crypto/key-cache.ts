// Imported signing keys, cached per secret: importKey costs more than the signature on the cancel
// path. Each cache is registered here so that locking or wiping the vault drops every key made
// from its secrets, not only the secrets themselves.
const caches: Array<Map<string, Promise<CryptoKey>>> = [];

export function keyCache(): Map<string, Promise<CryptoKey>> {
  const cache = new Map<string, Promise<CryptoKey>>();
  caches.push(cache);
  return cache;
}

export function forgetSigningKeys(): void {
  for (const cache of caches) cache.clear();
}
