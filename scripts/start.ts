// `npm start`: the simulator with seeded orders, and Chromium (default) or Firefox ESR
// (`npm start -- --browser firefox`, or QC_BROWSER=firefox) with QuickCancel on the demo pages.
// With a display it stays open for you to click; without one it runs headless, performs one cancel
// per venue and saves screenshots.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR } from '../tests/e2e/harness';
import { FIREFOX_EXTENSION_DIR } from '../tests/e2e/driver/firefox';
import { browserName, launchDriver, type DriverPage } from '../tests/e2e/driver';
import { demoVenues, seedDemo } from '../tests/simulator/demo';

const root = resolve(import.meta.dirname, '..');
const flag = process.argv.indexOf('--browser');
if (flag >= 0) process.env.QC_BROWSER = process.argv[flag + 1];
const browser = browserName();
const label = browser === 'firefox' ? 'Firefox ESR' : 'Chromium';

// Installs the browser from Debian where it may, or stops with the command to run.
execSync(`node ${join(root, 'scripts/browsers.mjs')} ${browser}`, { stdio: 'inherit' });
const output = browser === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;
if (!existsSync(join(output, 'manifest.json')) || process.env.QC_REBUILD) {
  const build = browser === 'firefox' ? 'npx wxt build -b firefox' : 'npx wxt build';
  console.log(`Building the extension (${build})…`);
  execSync(build, { cwd: root, stdio: 'inherit' });
}

const headless = !process.env.DISPLAY || process.env.QC_HEADLESS === '1';
const d = await launchDriver({ headless, controlPort: 0 });
seedDemo(d.sim);
for (const v of demoVenues) await d.setCredentials(v.venue, v.credentials);
console.log(`Venue simulator on 127.0.0.1:${d.sim.port} (control: http://127.0.0.1:${d.sim.controlPort}/requests)`);

const pages: Array<{ venue: string; page: DriverPage }> = [];
for (const v of demoVenues) pages.push({ venue: v.venue, page: await d.open(v.url) });
const popup = await d.extensionPage('popup.html');

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

if (!headless) {
  await pages[0]!.page.bringToFront();
  console.log(`${label} is open with QuickCancel on the demo pages. Press Ctrl+C to stop.`);
  process.on('SIGINT', () => void d.close().then(() => process.exit(0)));
} else {
  const out = join(root, 'demo-screenshots', browser);
  mkdirSync(out, { recursive: true });
  for (const { venue, page } of pages) {
    await page.bringToFront();
    await page.waitFor('qc-cancel');
    // Freeze the page's refresh so the row (and its control) stays on screen for the picture.
    await page.evaluate(() => (window as any).__sim.stop());
    await page.screenshot(join(out, `${venue}-before.png`));
    await page.click('qc-cancel');
    await until(() => page.evaluate(() => [...document.querySelectorAll('qc-cancel')].some((c) => (c as HTMLElement).dataset.state === 'cancelled')), `${venue}'s cancel`);
    await page.screenshot(join(out, `${venue}-after.png`));
    console.log(`${venue}: cancelled one order; screenshots ${join(out, `${venue}-before.png`)} and -after.png`);
  }
  await popup.reload();
  await popup.bringToFront();
  await popup.waitFor('li[data-status]');
  await popup.screenshot(join(out, 'popup.png'));
  console.log(`Popup with the history: ${join(out, 'popup.png')}`);
  console.log(`No display found, so the demo ran headless in ${label}. Screenshots are in ${out}/`);
  await d.close();
}
