#!/usr/bin/env node
// `npm run bench`: builds the production extension (and its marked twin), then measures (in an empty network namespace
// when root, like the tests).
import { spawnSync } from 'node:child_process';

const run = (command) => {
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
  if (status !== 0) process.exit(status || 1);
};
run('npx wxt build');
// The same code with a performance mark at each step of a click, for the breakdown (lib/bench-marks.ts).
run('npx wxt build --mode marks');
const bench = 'npx tsx tests/bench/run.ts';
run(process.getuid?.() === 0 ? `unshare -n sh -c 'ip link set lo up && ${bench}'` : bench);
