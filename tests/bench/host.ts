// How much CPU the hypervisor gave to other guests while the bench ran. On a shared VM, stolen
// time inflates every figure, the ones with more process hops most; the bench prints it so that a
// reader can tell a busy host from slow code.
import { existsSync, readFileSync } from 'node:fs';

export interface CpuTimes { steal: number; total: number }

/** Linux's /proc/stat totals (user nice system idle iowait irq softirq steal), or undefined elsewhere. */
export function cpuTimes(): CpuTimes | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
}

/** The share of CPU time stolen between two readings, in percent. */
export function stealPercent(from: CpuTimes | undefined, to: CpuTimes | undefined): number | undefined {
  if (!from || !to || to.total <= from.total) return undefined;
  return (100 * (to.steal - from.steal)) / (to.total - from.total);
}
