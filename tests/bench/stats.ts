// Figures from a shared 2-core machine wobble. A single median says nothing about how far to trust
// it, so every timed figure comes with a bootstrap interval, and a budget check that the interval
// straddles says "not trustworthy" instead of guessing "ok" or "OVER".
import { mulberry32 } from '../simulator/random';

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Interval { low: number; high: number }

/** 95% percentile-bootstrap interval of the median. */
export function medianInterval(values: number[], resamples = 2000, seed = 1): Interval {
  if (values.length < 2) return { low: NaN, high: NaN };
  const random = mulberry32(seed);
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < values.length; i++) sample[i] = values[Math.floor(random() * values.length)]!;
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  return { low: medians[Math.floor(0.025 * resamples)]!, high: medians[Math.ceil(0.975 * resamples) - 1]! };
}

/**
 * 95% percentile-bootstrap interval of median(subject) − median(baseline), two samples taken apart
 * (e.g. two builds, each in its own browser): each resample draws from each sample on its own.
 */
export function medianDifferenceInterval(subject: number[], baseline: number[], resamples = 2000, seed = 1): Interval {
  if (subject.length < 2 || baseline.length < 2) return { low: NaN, high: NaN };
  const random = mulberry32(seed);
  const draw = (values: number[]) => median(Array.from(values, () => values[Math.floor(random() * values.length)]!));
  const differences = Array.from({ length: resamples }, () => draw(subject) - draw(baseline)).sort((a, b) => a - b);
  return { low: differences[Math.floor(0.025 * resamples)]!, high: differences[Math.ceil(0.975 * resamples) - 1]! };
}

/**
 * Subject minus baseline, pair by pair: runs taken back to back share the host's mood of the moment,
 * so their difference is steadier than the difference of two medians.
 */
export function pairedDifferences(subject: number[], baseline: number[]): number[] {
  return subject.slice(0, baseline.length).map((v, i) => v - baseline[i]!);
}

export type Verdict = 'ok' | 'OVER' | 'not trustworthy';

/** Host steal above this share makes any timing a statement about the neighbours. */
export const MAX_TRUSTED_STEAL_PERCENT = 10;

/** "≤ limit": ok when the whole interval is within it, OVER when all of it is beyond, else unsure. */
export function verdictAtMost(interval: Interval, limit: number, stealPercent?: number): Verdict {
  if (!Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return 'not trustworthy';
  if (stealPercent !== undefined && stealPercent > MAX_TRUSTED_STEAL_PERCENT) return 'not trustworthy';
  if (interval.high <= limit) return 'ok';
  if (interval.low > limit) return 'OVER';
  return 'not trustworthy';
}
