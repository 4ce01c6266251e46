#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure. The real-browser step runs in
// an empty network namespace when we are root, so a mistake cannot send traffic off this machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!chromium) {
  console.error('npm test needs Chromium for the real-browser tests and none was found.\n' +
    'Install Debian\'s: sudo apt-get update && sudo apt-get install -y chromium\n' +
    '(or set CHROME_PATH to a Chromium binary).');
  process.exit(1);
}

const isRoot = process.getuid?.() === 0;
const report = (name) => `--reporter=default --reporter=json --outputFile.json=test-results/${name}.json`;
const e2e = `npx vitest run -c vitest.e2e.config.ts ${report('e2e')}`;
const steps = [
  ['typecheck', 'npx tsc --noEmit'],
  ['lint', 'npx eslint .'],
  ['unit tests', `npx vitest run ${report('unit')}`],
  ['build (Chrome MV3)', 'npx wxt build'],
  ['build (Firefox)', 'npx wxt build -b firefox'],
  ['web-ext lint (Firefox build)', 'npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --no-input'],
  ['real-browser tests', isRoot ? `unshare -n sh -c 'ip link set lo up && ${e2e}'` : e2e],
];

rmSync('test-results', { recursive: true, force: true });
const started = Date.now();
for (const [name, command] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const t = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } });
  if (status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${status})`);
    process.exit(status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
// A run that executed no test is a failure, not a pass.
let passed = 0, failed = 0;
for (const name of ['unit', 'e2e']) {
  const r = JSON.parse(readFileSync(`test-results/${name}.json`, 'utf8'));
  if (!r.numTotalTests) {
    console.error(`✖ the ${name} run executed no test`);
    process.exit(1);
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
console.log(`\n${passed} passed, ${failed} failed`);
console.log(`All checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
