// The vault: credentials encrypted at rest, the key only in session memory.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ed25519SignHex } from '../../../lib/crypto/ed25519';
import { hmacSha256Hex } from '../../../lib/crypto/hmac';
import { Vault } from '../../../lib/vault/vault';
import { deriveKey, MAX_PBKDF2_ITERATIONS, newSalt, PBKDF2_ITERATIONS, seal, type SealedBox } from '../../../lib/vault/vault-crypto';

const PASS = 'correct horse battery staple';
const SECRET = { apiKey: 'zbp-api-key-visible', secretKey: 'zbp-SECRET-never-on-disk', authKind: 'apiKey' };
const everything = async () => JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);

describe('the vault', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts uninitialized; setup leaves it unlocked', async () => {
    const vault = new Vault();
    expect(await vault.state()).toBe('uninitialized');
    expect(await vault.setup(PASS)).toEqual({ ok: true });
    expect(await vault.state()).toBe('unlocked');
  });

  it('keeps only ciphertext on disk: PBKDF2-SHA-256 ≥ 600,000 iterations, AES-GCM with a fresh IV per write', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await vault.set('zebpay-futures', SECRET);
    const first = (await fakeBrowser.storage.local.get('vault')).vault as SealedBox;
    await vault.set('zebpay-futures', SECRET);
    const second = (await fakeBrowser.storage.local.get('vault')).vault as SealedBox;
    expect(first).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
    const disk = await everything();
    expect(disk).not.toContain(SECRET.secretKey);
    expect(disk).not.toContain(SECRET.apiKey);
    expect(disk).not.toContain(PASS);
  });

  it('a restarted worker (a new Vault) is still unlocked through the session key', async () => {
    await new Vault().setup(PASS);
    await new Vault().set('tradernet', { publicKey: 'p', privateKey: 'k' });
    expect(await new Vault().get('tradernet')).toEqual({ state: 'ok', credentials: { publicKey: 'p', privateKey: 'k' } });
  });

  it('locked: credentials are unavailable and say so; the right passphrase unlocks, a wrong one does not', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await vault.set('coinswitch', { apiKey: 'a', secretKey: 'b' });
    await vault.lock();
    expect(await new Vault().get('coinswitch')).toEqual({ state: 'locked' });
    expect(await vault.unlock('wrong passphrase')).toEqual({ ok: false, error: 'Wrong passphrase' });
    expect(await vault.state()).toBe('locked');
    expect(await vault.unlock(PASS)).toEqual({ ok: true });
    expect(await vault.get('coinswitch')).toMatchObject({ state: 'ok' });
  });

  it('lock() forgets the derived key: none in session storage, none in this instance', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await vault.set('coinswitch', { apiKey: 'a', secretKey: 'b' });
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).not.toEqual([]);
    await vault.lock();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await vault.state()).toBe('locked');
    expect(await vault.secrets()).toBeUndefined();
    expect(await vault.get('coinswitch')).toEqual({ state: 'locked' });
  });

  it('a browser restart (session storage gone) leaves it locked', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await fakeBrowser.storage.session.clear();
    expect(await new Vault().state()).toBe('locked');
  });

  it('changes the passphrase: the old one stops working, the credentials stay', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await vault.set('pocketful', { accessToken: 'tok' });
    expect(await vault.changePassphrase('nope', 'new passphrase 2')).toMatchObject({ ok: false });
    expect(await vault.changePassphrase(PASS, 'new passphrase 2')).toEqual({ ok: true });
    await vault.lock();
    expect(await vault.unlock(PASS)).toMatchObject({ ok: false });
    expect(await vault.unlock('new passphrase 2')).toEqual({ ok: true });
    expect(await vault.get('pocketful')).toEqual({ state: 'ok', credentials: { accessToken: 'tok' } });
  });

  it('wipe forgets everything', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    await vault.set('pocketful', { accessToken: 'tok' });
    await vault.wipe();
    expect(await vault.state()).toBe('uninitialized');
    expect(await new Vault().get('pocketful')).toEqual({ state: 'missing' });
  });

  it('refuses to store while locked, and a second setup', async () => {
    const vault = new Vault();
    await vault.setup(PASS);
    expect(await vault.setup('another passphrase')).toMatchObject({ ok: false });
    await vault.lock();
    expect(await vault.set('pocketful', { accessToken: 'tok' })).toEqual({ ok: false, error: 'QuickCancel is locked — unlock it first' });
  });

  describe('signing keys made from its secrets', () => {
    afterEach(() => vi.restoreAllMocks());
    const SEED = '11'.repeat(32);
    /** How many keys each signer imports for two signatures made after `between`. */
    async function imports(between: (vault: Vault) => Promise<void>) {
      const vault = new Vault();
      await vault.setup(PASS);
      await hmacSha256Hex('hmac-secret', 'a');
      await ed25519SignHex(SEED, 'a');
      const importKey = vi.spyOn(crypto.subtle, 'importKey');
      await between(vault);
      await hmacSha256Hex('hmac-secret', 'b');
      await ed25519SignHex(SEED, 'b');
      return importKey.mock.calls.map(([format]) => format);
    }

    it('are kept while the vault stays unlocked', async () => {
      expect(await imports(async () => undefined)).toEqual([]);
    });

    it('are dropped when it locks', async () => {
      expect(await imports((vault) => vault.lock())).toEqual(['raw', 'pkcs8']);
    });

    it('are dropped when it is wiped', async () => {
      expect(await imports((vault) => vault.wipe())).toEqual(['raw', 'pkcs8']);
    });
  });
});

describe('the stored key-derivation count (storage.local is writable by anyone with the profile)', () => {
  beforeEach(() => fakeBrowser.reset());
  const stored = async () => (await fakeBrowser.storage.local.get('vault')).vault as SealedBox;
  const tamper = async (change: Partial<SealedBox>) => fakeBrowser.storage.local.set({ vault: { ...(await stored()), ...change } });

  it('refuses a count above the ceiling without running it, and says what to do', async () => {
    await new Vault().setup(PASS);
    await tamper({ iterations: 2_000_000_000 });
    const vault = new Vault();
    await vault.lock();
    const result = await vault.unlock(PASS);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/more than the 5,000,000 QuickCancel allows; wipe it/);
    expect(MAX_PBKDF2_ITERATIONS).toBe(5_000_000);
  });

  it('refuses a count that is not a whole positive number', async () => {
    await new Vault().setup(PASS);
    for (const iterations of [0, -5, 1.5, Number.NaN]) {
      await tamper({ iterations });
      const vault = new Vault();
      await vault.lock();
      expect(await vault.unlock(PASS)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
      expect(await vault.changePassphrase(PASS, 'next one')).toMatchObject({ ok: false });
    }
  });

  it('re-seals a vault sealed with fewer rounds (an older version) at unlock, keeping the keys', async () => {
    const salt = newSalt();
    const weakKey = await deriveKey(PASS, salt, 1_000);
    await fakeBrowser.storage.local.set({ vault: await seal(weakKey, salt, { pocketful: { accessToken: 'tok-123456' } }, 1_000) });
    const vault = new Vault();
    expect(await vault.unlock(PASS)).toEqual({ ok: true });
    const resealed = await stored();
    expect(resealed.iterations).toBe(PBKDF2_ITERATIONS);
    expect(resealed.salt).not.toBe(salt);
    const fresh = new Vault();
    await fresh.lock();
    expect(await fresh.unlock(PASS)).toEqual({ ok: true });
    expect(await fresh.get('pocketful')).toEqual({ state: 'ok', credentials: { accessToken: 'tok-123456' } });
  });
});
