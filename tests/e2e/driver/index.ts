// Picks the browser for tests/e2e/both/: QC_BROWSER=chromium (default) or firefox.
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, Driver, LaunchOptions } from './types';

export type { BrowserName, Driver, DriverPage, LaunchOptions, ShadowPart } from './types';
export { TEST_PASSPHRASE } from './common';

export function browserName(): BrowserName {
  const name = process.env.QC_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`QC_BROWSER must be chromium or firefox, not ${name}`);
  return name;
}

export function launchDriver(options: LaunchOptions = {}): Promise<Driver> {
  return browserName() === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/** Hosts the browser reached that the simulator does not play (must stay empty: nothing leaves loopback). */
export const unknownHosts = (driver: Driver): string[] => driver.sim.requests.filter((r) => r.kind === 'unknown-host').map((r) => r.host);
