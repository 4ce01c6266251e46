// `npm run bench`: the DESIGN.md budgets, measured in real Chromium with the production build and
// the simulator, each figure beside its baseline from the same run. Prints a table and writes
// bench-results.json. Not part of `npm test`: figures on a shared 2-core machine are noisy.
import { writeFileSync } from 'node:fs';
import { launch } from '../e2e/harness';
import { benchBundles } from './bundles';
import { benchBreakdown } from './breakdown';
import { benchCancelAll } from './cancel-all';
import { benchClick } from './click';
import { benchNetwork } from './network';
import { benchPage } from './page';
import { benchPanic } from './panic';
import { cpuTimes, stealPercent } from './host';
import { benchPopup } from './popup';
import { benchVersus } from './versus';
import { MAX_TRUSTED_STEAL_PERCENT, verdictAtMost } from './stats';
import type { BenchRow } from './types';

/** QC_BENCH=network,popup runs only those parts (every part when unset; `versus` only with QC_BENCH_VERSUS). */
const only = process.env.QC_BENCH?.split(',');
const wants = (part: string) => !only || only.includes(part);
const started = cpuTimes();
const rows: BenchRow[] = wants('bundles') ? [...benchBundles()] : [];
if (wants('page')) rows.push(...(await benchPage()));
const h = await launch();
try {
  if (wants('click')) rows.push(...(await benchClick(h)));
  if (wants('network')) rows.push(...(await benchNetwork(h)));
  // Its own browser, with the build that marks each step of a click.
  if (wants('breakdown')) rows.push(...(await benchBreakdown()));
  if (wants('popup')) rows.push(...(await benchPopup(h)));
  if (wants('cancel-all')) rows.push(...(await benchCancelAll(h)));
  if (wants('panic')) rows.push(...(await benchPanic(h)));
  // Against another build, each in its own browser: only when one is named.
  const versus = process.env.QC_BENCH_VERSUS;
  if (versus && wants('versus')) rows.push(...(await benchVersus(versus)));
  else if (only?.includes('versus')) console.log('versus: name the other build with QC_BENCH_VERSUS=<its .output/chrome-mv3 directory>');
} finally {
  await h.close();
}

const steal = stealPercent(started, cpuTimes());
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(Math.abs(v) < 10 ? 2 : 1) : '—');
const verdictOf = (r: BenchRow) => (r.reportOnly ? 'reported' : r.decide ? verdictAtMost(r.decide.interval, r.decide.limit, steal) : r.withinBudget ? 'ok' : 'OVER');
console.log('\n| what | figure | baseline (same run) | ratio | budget | 95% interval | |\n|---|---|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r.baseline && r.baseline.value > 0 ? `${(r.value / r.baseline.value).toFixed(2)}×` : '';
  const base = r.baseline ? `${fmt(r.baseline.value)} ${r.unit} (${r.baseline.name})` : '';
  const d = r.decide;
  const interval = d ? `${d.what}: ${fmt(d.p50)} [${fmt(d.interval.low)}, ${fmt(d.interval.high)}] ${r.unit}` : '';
  console.log(`| ${r.name} | ${fmt(r.value)} ${r.unit}${r.samples ? ` (n=${r.samples})` : ''} | ${base} | ${ratio} | ${r.budget} | ${interval} | ${verdictOf(r)} |`);
}
if (steal !== undefined) console.log(`\nHost CPU steal during the run: ${steal.toFixed(1)}% (time the hypervisor gave to other guests; every timing above grows with it; above ${MAX_TRUSTED_STEAL_PERCENT}% no timing is trusted).`);
const verdicts = rows.map((r) => ({ ...r, verdict: verdictOf(r) }));
writeFileSync('bench-results.json', JSON.stringify({ at: new Date().toISOString(), hostCpuStealPercent: steal, rows: verdicts }, null, 2));
const over = verdicts.filter((r) => r.verdict === 'OVER');
const unsure = verdicts.filter((r) => r.verdict === 'not trustworthy');
console.log(over.length ? `\nOver budget: ${over.map((r) => r.name).join('; ')}` : '\nNo figure is over its budget.');
if (unsure.length) console.log(`Not trustworthy this run (interval straddles the budget, or the host was busy): ${unsure.map((r) => r.name).join('; ')}`);
for (const r of [...over, ...unsure].filter((r) => r.reason)) console.log(`\nWhy "${r.name}": ${r.reason}`);
console.log('Results written to bench-results.json');
