// Credentials held in storage.session only: memory, gone when the browser closes, not readable
// by content scripts (Chrome's default access level). The encrypted vault builds on top of this.
import { storage } from 'wxt/utils/storage';
import type { VenueId } from '../venues/types';
import type { CredentialSource, CredentialsState } from './credentials';

const KEY = 'session:credentials' as const;
type Stored = Partial<Record<VenueId, unknown>>;

export class SessionCredentialStore implements CredentialSource {
  async get(venue: VenueId): Promise<CredentialsState> {
    const all = (await storage.getItem<Stored>(KEY)) ?? {};
    const credentials = all[venue];
    return credentials === undefined ? { state: 'missing' } : { state: 'ok', credentials };
  }

  async set(venue: VenueId, credentials: unknown): Promise<void> {
    const all = (await storage.getItem<Stored>(KEY)) ?? {};
    await storage.setItem(KEY, { ...all, [venue]: credentials });
  }

  async configured(): Promise<VenueId[]> {
    return Object.keys((await storage.getItem<Stored>(KEY)) ?? {}) as VenueId[];
  }
}
