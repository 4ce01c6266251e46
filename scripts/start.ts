// `npm start`: the simulator with seeded orders, and Chromium with QuickCancel on the demo pages.
// With a display it stays open for you to click; without one it runs headless, performs one cancel
// per venue and saves screenshots.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, launch } from '../tests/e2e/harness';
import { demoVenues, seedDemo } from '../tests/simulator/demo';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(EXTENSION_DIR, 'manifest.json')) || process.env.QC_REBUILD) {
  console.log('Building the extension (npx wxt build)…');
  execSync('npx wxt build', { cwd: root, stdio: 'inherit' });
}

const headless = !process.env.DISPLAY || process.env.QC_HEADLESS === '1';
const h = await launch({ headless, controlPort: 0 });
seedDemo(h.sim);
for (const v of demoVenues) await h.setCredentials(v.venue, v.credentials);
console.log(`Venue simulator on 127.0.0.1:${h.sim.port} (control: http://127.0.0.1:${h.sim.controlPort}/requests)`);

const pages = [];
for (const v of demoVenues) {
  const page = await h.context.newPage();
  await page.goto(v.url);
  pages.push({ v, page });
}
const popup = await h.extensionPage('popup.html');

if (!headless) {
  await pages[0]!.page.bringToFront();
  console.log('Chromium is open with QuickCancel on the demo pages. Press Ctrl+C to stop.');
  process.on('SIGINT', () => void h.close().then(() => process.exit(0)));
} else {
  const out = join(root, 'demo-screenshots');
  mkdirSync(out, { recursive: true });
  for (const { v, page } of pages) {
    await page.bringToFront();
    const control = page.locator('qc-cancel').first();
    await control.waitFor();
    // Freeze the page's refresh so the row (and its control) stays on screen for the picture.
    await page.evaluate(() => (window as any).__sim.stop());
    await page.screenshot({ path: join(out, `${v.venue}-before.png`) });
    await control.click();
    await page.waitForFunction(() => [...document.querySelectorAll('qc-cancel')].some((c) => (c as HTMLElement).dataset.state === 'cancelled'), null, { timeout: 15_000 });
    await page.screenshot({ path: join(out, `${v.venue}-after.png`) });
    console.log(`${v.venue}: cancelled one order; screenshots ${join(out, `${v.venue}-before.png`)} and -after.png`);
  }
  await popup.reload();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.waitForSelector('li[data-status]');
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`Popup with the history: ${join(out, 'popup.png')}`);
  console.log(`No display found, so the demo ran headless. Screenshots are in ${out}/`);
  await h.close();
}
