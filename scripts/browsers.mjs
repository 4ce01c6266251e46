#!/usr/bin/env node
// Finds the browsers the real-browser tests and the demo drive, and installs a missing one from
// Debian's packages where this user can (root, or passwordless sudo); otherwise stops with the one
// command to run. Used by `npm test` and `npm start`; also `node scripts/browsers.mjs chromium firefox`.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Firefox's build asks for strict_min_version 142: Debian's security suite has 153.x, plain bookworm 140.x. */
const FIREFOX_MIN_MAJOR = 142;

const BROWSERS = {
  chromium: { pkg: 'chromium', env: 'CHROME_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'] },
  firefox: { pkg: 'firefox-esr', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'] },
};

const find = (b) => [process.env[b.env], ...b.paths].find((p) => p && existsSync(p));
const quiet = (cmd) => spawnSync(cmd, { shell: true, stdio: 'ignore' }).status === 0;

function firefoxMajor(path) {
  try {
    return Number(/(\d+)\./.exec(execSync(`${path} --version`, { encoding: 'utf8' }))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Absolute paths by name (chromium, firefox); exits with what to run when one cannot be had. */
export function ensureBrowsers(names) {
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? '' : quiet('sudo -n true') ? 'sudo ' : undefined;
  const missing = names.filter((n) => !find(BROWSERS[n]) || (n === 'firefox' && firefoxMajor(find(BROWSERS[n])) < FIREFOX_MIN_MAJOR));
  if (missing.length) {
    const pkgs = missing.map((n) => BROWSERS[n].pkg).join(' ');
    const command = `apt-get update && apt-get install -y ${pkgs}`;
    if (sudo === undefined) {
      console.error(`Missing for the real browsers: ${pkgs}. Install Debian's with:\n  sudo sh -c '${command}'\n` +
        `(or point ${missing.map((n) => BROWSERS[n].env).join(' / ')} at a binary).`);
      process.exit(1);
    }
    console.log(`Installing from Debian: ${pkgs}`);
    const run = spawnSync(`${sudo}sh -c '${command}'`, { shell: true, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`Installing ${pkgs} failed; run it yourself: sudo sh -c '${command}'`);
      process.exit(1);
    }
  }
  const found = Object.fromEntries(names.map((n) => [n, find(BROWSERS[n])]));
  const firefox = found.firefox;
  if (firefox && firefoxMajor(firefox) < FIREFOX_MIN_MAJOR) {
    console.error(`${firefox} is older than Firefox ${FIREFOX_MIN_MAJOR}, the add-on's minimum. Debian's security suite has 153.x: ` +
      'check `apt-cache policy firefox-esr`, and that the bookworm-security suite is in the apt sources.');
    process.exit(1);
  }
  return found;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BROWSERS);
  for (const [name, path] of Object.entries(ensureBrowsers(names))) console.log(`${name}: ${path}`);
}
