#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure. The real-browser steps (Chromium,
// then Firefox ESR) run in an empty network namespace when we are root, so a mistake cannot send
// traffic off this machine. A missing browser is installed from Debian where we may (browsers.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { ensureBrowsers } from './browsers.mjs';

const { chromium, firefox } = ensureBrowsers(['chromium', 'firefox']);
const isRoot = process.getuid?.() === 0;
const report = (name) => `--reporter=default --reporter=json --outputFile.json=test-results/${name}.json`;
const isolated = (command) => (isRoot ? `unshare -n sh -c 'ip link set lo up && ${command}'` : command);
const e2e = (browser) => `QC_BROWSER=${browser} npx vitest run -c vitest.e2e.config.ts ${report(`e2e-${browser}`)}`;
const steps = [
  ['typecheck', 'npx tsc --noEmit'],
  ['lint', 'npx eslint .'],
  ['unit tests', `npx vitest run ${report('unit')}`],
  ['build (Chrome MV3)', 'npx wxt build'],
  ['build (Firefox)', 'npx wxt build -b firefox'],
  ['web-ext lint (Firefox build)', 'npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --no-input'],
  ['real-browser tests (Chromium)', isolated(e2e('chromium'))],
  ['real-browser tests (Firefox ESR)', isolated(e2e('firefox'))],
];

rmSync('test-results', { recursive: true, force: true });
const started = Date.now();
const took = {};
for (const [name, command] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const t = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium, FIREFOX_PATH: firefox } });
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${status})`);
    process.exit(status || 1);
  }
  took[name] = (Date.now() - t) / 1000;
  console.log(`✔ ${name} (${took[name].toFixed(1)} s)`);
}
// A run that executed no test is a failure, not a pass.
let passed = 0, failed = 0;
for (const name of ['unit', 'e2e-chromium', 'e2e-firefox']) {
  const r = JSON.parse(readFileSync(`test-results/${name}.json`, 'utf8'));
  if (!r.numTotalTests) {
    console.error(`✖ the ${name} run executed no test`);
    process.exit(1);
  }
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
for (const browser of ['Chromium', 'Firefox ESR']) console.log(`${browser} suite wall time: ${took[`real-browser tests (${browser})`].toFixed(1)} s`);
console.log(`\n${passed} passed, ${failed} failed`);
console.log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
