// `npm run bench`: the DESIGN.md budgets, measured in real Chromium with the production build and
// the simulator, each figure beside its baseline from the same run. Prints a table and writes
// bench-results.json. Not part of `npm test`: figures on a shared 2-core machine are noisy.
import { writeFileSync } from 'node:fs';
import { launch } from '../e2e/harness';
import { benchBundles } from './bundles';
import { benchCancelAll } from './cancel-all';
import { benchClick } from './click';
import { benchPage } from './page';
import { cpuTimes, stealPercent } from './host';
import { benchPopup } from './popup';
import type { BenchRow } from './types';

const started = cpuTimes();
const rows: BenchRow[] = [...benchBundles()];
rows.push(...(await benchPage()));
const h = await launch();
try {
  rows.push(...(await benchClick(h)));
  rows.push(...(await benchPopup(h)));
  rows.push(...(await benchCancelAll(h)));
} finally {
  await h.close();
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '—');
console.log('\n| what | figure | baseline (same run) | ratio | budget | |\n|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r.baseline && r.baseline.value > 0 ? `${(r.value / r.baseline.value).toFixed(2)}×` : '';
  const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '';
  console.log(`| ${r.name} | ${fmt(r.value)} ${r.unit}${r.samples ? ` (n=${r.samples})` : ''} | ${base} | ${ratio} | ${r.budget} | ${r.withinBudget ? 'ok' : 'OVER'} |`);
}
const steal = stealPercent(started, cpuTimes());
if (steal !== undefined) console.log(`\nHost CPU steal during the run: ${steal.toFixed(1)}% (time the hypervisor gave to other guests; every timing above grows with it).`);
writeFileSync('bench-results.json', JSON.stringify({ at: new Date().toISOString(), hostCpuStealPercent: steal, rows }, null, 2));
const over = rows.filter((r) => !r.withinBudget);
console.log(over.length ? `\nOver budget: ${over.map((r) => r.name).join('; ')}` : '\nEvery figure is within its budget.');
console.log('Results written to bench-results.json');
