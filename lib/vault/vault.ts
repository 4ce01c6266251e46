// Encrypted credentials. The ciphertext is the only thing in storage.local; the unlocked key lives
// only in storage.session (memory: it survives a worker restart, not a browser restart) and is
// never readable by content scripts.
import { storage } from 'wxt/utils/storage';
import type { VenueId } from '@/lib/model';
import { forgetSigningKeys } from '../crypto/key-cache';
import type { CredentialSource, CredentialsState } from './credentials';
import { deriveKey, exportKey, importKey, iterationProblem, newSalt, open, PBKDF2_ITERATIONS, seal, type SealedBox } from './vault-crypto';

type Secrets = Partial<Record<VenueId, unknown>>;
export type VaultResult = { ok: true } | { ok: false; error: string };

/** 1: one SealedBox (it also says its own format, `v`); the only format so far. */
const boxItem = storage.defineItem<SealedBox>('local:vault', { version: 1, migrations: {} });
const keyItem = storage.defineItem<string>('session:vaultKey');

export class Vault implements CredentialSource {
  private unlocked: { key: CryptoKey; box: SealedBox; secrets: Secrets } | undefined;

  async state(): Promise<'uninitialized' | 'locked' | 'unlocked'> {
    if (!(await boxItem.getValue())) return 'uninitialized';
    return (await this.load()) ? 'unlocked' : 'locked';
  }

  async get(venue: VenueId): Promise<CredentialsState> {
    const open = await this.load();
    if (!open) return (await boxItem.getValue()) ? { state: 'locked' } : { state: 'missing' };
    const credentials = open.secrets[venue];
    return credentials === undefined ? { state: 'missing' } : { state: 'ok', credentials };
  }

  async setup(passphrase: string): Promise<VaultResult> {
    if (await boxItem.getValue()) return { ok: false, error: 'QuickCancel already has a passphrase; unlock it or wipe it first' };
    const salt = newSalt();
    const key = await deriveKey(passphrase, salt);
    await this.write(key, await seal(key, salt, {}), {}, true);
    return { ok: true };
  }

  async unlock(passphrase: string): Promise<VaultResult> {
    const box = await boxItem.getValue();
    if (!box) return { ok: false, error: 'Set a passphrase in Settings first' };
    const problem = iterationProblem(box.iterations);
    if (problem) return { ok: false, error: problem };
    const key = await deriveKey(passphrase, box.salt, box.iterations);
    const secrets = await open<Secrets>(key, box);
    if (!secrets) return { ok: false, error: 'Wrong passphrase' };
    // A vault sealed with fewer rounds than today's (an older version) is re-sealed now, while
    // the passphrase is at hand.
    if (box.iterations < PBKDF2_ITERATIONS) {
      const salt = newSalt();
      const stronger = await deriveKey(passphrase, salt);
      await this.write(stronger, await seal(stronger, salt, secrets), secrets, true);
      return { ok: true };
    }
    await keyItem.setValue(await exportKey(key));
    this.unlocked = { key, box, secrets };
    return { ok: true };
  }

  async lock(): Promise<void> {
    this.unlocked = undefined;
    forgetSigningKeys();
    await keyItem.removeValue();
  }

  async set(venue: VenueId, credentials: unknown): Promise<VaultResult> {
    return this.update((secrets) => ({ ...secrets, [venue]: credentials }));
  }

  async remove(venue: VenueId): Promise<VaultResult> {
    return this.update(({ [venue]: _, ...rest }) => rest);
  }

  async secrets(): Promise<Secrets | undefined> {
    return (await this.load())?.secrets;
  }

  async changePassphrase(current: string, next: string): Promise<VaultResult> {
    const box = await boxItem.getValue();
    if (!box) return { ok: false, error: 'There is no passphrase to change yet' };
    const problem = iterationProblem(box.iterations);
    if (problem) return { ok: false, error: problem };
    const secrets = await open<Secrets>(await deriveKey(current, box.salt, box.iterations), box);
    if (!secrets) return { ok: false, error: 'The current passphrase is wrong' };
    const salt = newSalt();
    const key = await deriveKey(next, salt);
    await this.write(key, await seal(key, salt, secrets), secrets, true);
    return { ok: true };
  }

  async wipe(): Promise<void> {
    this.unlocked = undefined;
    forgetSigningKeys();
    await Promise.all([boxItem.removeValue(), keyItem.removeValue()]);
  }

  private async update(change: (secrets: Secrets) => Secrets): Promise<VaultResult> {
    const open = await this.load();
    if (!open) return { ok: false, error: (await boxItem.getValue()) ? 'QuickCancel is locked — unlock it first' : 'Set a passphrase first' };
    const secrets = change(open.secrets);
    await this.write(open.key, await seal(open.key, open.box.salt, secrets, open.box.iterations), secrets);
    return { ok: true };
  }

  /** `newKey`: a key just derived from a passphrase, to keep in the session from now on. */
  private async write(key: CryptoKey, box: SealedBox, secrets: Secrets, newKey = false) {
    await boxItem.setValue(box);
    if (newKey) await keyItem.setValue(await exportKey(key));
    this.unlocked = { key, box, secrets };
  }

  /**
   * The open vault: from memory (only this worker locks it, so memory is the truth while it lives)
   * or, after a worker restart, from the session key.
   */
  private async load() {
    if (this.unlocked) return this.unlocked;
    const raw = await keyItem.getValue();
    if (!raw) return undefined;
    const box = await boxItem.getValue();
    if (!box) return undefined;
    const key = await importKey(raw);
    const secrets = await open<Secrets>(key, box);
    if (!secrets) return undefined;
    this.unlocked = { key, box, secrets };
    return this.unlocked;
  }
}
