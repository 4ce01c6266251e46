// What the background knows about the venue tabs: each page's health as its content script last
// reported it, and how "Teach this page" is going there. Kept in storage.session (memory that
// outlives a worker restart, never written to disk) and dropped when the tab closes.
import { browser } from 'wxt/browser';
import type { PageHealth, TabHealth, TeachState } from '../messages';
import type { VenueId } from '@/lib/model';

const healthKey = (tabId: number) => `tabHealth:${tabId}`;
const teachKey = (tabId: number) => `tabTeach:${tabId}`;

export class PageTabs {
  /** Registers the tab-closing cleanup; call once, synchronously, as the worker starts. */
  listen(): void {
    browser.tabs.onRemoved.addListener((tabId) => void this.forget(tabId));
  }

  async recordHealth(tabId: number, venue: VenueId, health: PageHealth): Promise<void> {
    const value: TabHealth = { venue, health, atMs: Date.now() };
    await browser.storage.session.set({ [healthKey(tabId)]: value });
  }

  async recordTeach(tabId: number, state: TeachState): Promise<void> {
    await browser.storage.session.set({ [teachKey(tabId)]: state });
  }

  async read(tabId: number): Promise<{ page: TabHealth | null; teach: TeachState | null }> {
    const got = await browser.storage.session.get([healthKey(tabId), teachKey(tabId)]);
    return { page: (got[healthKey(tabId)] as TabHealth | undefined) ?? null, teach: (got[teachKey(tabId)] as TeachState | undefined) ?? null };
  }

  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove([healthKey(tabId), teachKey(tabId)]);
  }
}
