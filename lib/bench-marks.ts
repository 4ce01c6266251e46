// Where a click's time goes, for `npm run bench` (tests/bench/breakdown.ts). Only a build made
// with `wxt build --mode marks` records these: in every other build MODE is replaced by its value
// at build time and each call compiles to nothing, so no page ever sees them.
export type BenchMark = 'qc:click' | 'qc:accepted' | 'qc:posted' | 'qc:received' | 'qc:checked' | 'qc:fetch';

export function benchMark(name: BenchMark): void {
  if (import.meta.env.MODE === 'marks') performance.mark(name);
}
