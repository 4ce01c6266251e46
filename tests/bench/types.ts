/** One line of `npm run bench`: a figure beside its baseline from the same run, and its budget. */
export interface BenchRow {
  name: string;
  unit: 'ms' | 'kB' | 'req/s' | 's';
  value: number;
  /** What the figure is compared with, measured in the same run (absent for pure budgets). */
  baseline?: { name: string; value: number };
  /** Budget as text (from DESIGN.md) and the check that says whether the figure meets it. */
  budget: string;
  withinBudget: boolean;
  samples?: number;
  note?: string;
}
