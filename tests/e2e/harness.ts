// Real Chromium with the production build of the extension, every venue host mapped to the local
// simulator and every other host unresolvable (MAP * ~NOTFOUND): nothing leaves loopback.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator, type Simulator } from '../simulator/server';
import type { VenueId } from '../../lib/venues/types';
import { chromiumPath } from './chromium';
import { setCredentialsVia, TEST_PASSPHRASE } from './driver/common';

export { TEST_PASSPHRASE };

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface Harness {
  sim: Simulator;
  context: BrowserContext;
  extensionId: string;
  profile: string;
  worker(): Promise<Worker>;
  /** An extension page (popup.html, options.html) opened as a tab. */
  extensionPage(path: string): Promise<Page>;
  /** Sends a runtime message from an extension page, as the popup or options page would. */
  sendFromExtension<T = any>(message: unknown): Promise<T>;
  setCredentials(venue: VenueId, credentials: unknown): Promise<void>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** `extensionDir`: another build to load (the bench compares builds with it). */
export async function launch(options: { headless?: boolean; controlPort?: number; extensionDir?: string } = {}): Promise<Harness> {
  const extension = options.extensionDir ?? EXTENSION_DIR;
  const sim = await startSimulator({ controlPort: options.controlPort });
  const profile = mkdtempSync(join(tmpdir(), 'qc-profile-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  // The error page's DNS probe would bypass the resolver rules.
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ alternate_error_pages: { enabled: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...sim.chromiumArgs,
    ],
  });
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(firstWorker.url()).host;
  let helperPage: Page | undefined;

  const harness: Harness = {
    sim,
    context,
    extensionId,
    profile,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      return live ?? context.waitForEvent('serviceworker');
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async sendFromExtension(message) {
      // Not the popup: an open popup keeps its venue's connection warm (lib/background/keep-warm.ts).
      helperPage ??= await harness.extensionPage('options.html');
      return helperPage.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
    },
    setCredentials: (venue, credentials) => setCredentialsVia(harness.sendFromExtension, venue, credentials),
    async close(options = {}) {
      await context.close();
      await sim.stop();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Every request the browser made went to a simulated venue host (the resolver map guarantees the rest fail). */
export function unexpectedHosts(sim: Simulator): string[] {
  return sim.requests.filter((r) => r.kind === 'unknown-host').map((r) => r.host);
}
