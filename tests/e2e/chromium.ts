// Finds the Chromium the real-browser tests drive; fails with what to do when there is none.
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the real-browser tests. Install Debian\'s: `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or point CHROME_PATH at a Chromium binary.',
    );
  }
  return found;
}
