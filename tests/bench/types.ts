/** One line of `npm run bench`: a figure beside its baseline from the same run, and its budget. */
export interface BenchRow {
  name: string;
  unit: 'ms' | 'kB' | 'req/s' | 's' | 'connections';
  value: number;
  /** What the figure is compared with, measured in the same run (absent for pure budgets). */
  baseline?: { name: string; value: number };
  /** Budget as text (from DESIGN.md) and the check that says whether the figure meets it. */
  budget: string;
  withinBudget: boolean;
  /**
   * Where the budget is decided by an interval rather than one number: the quantity the budget
   * is about (the figure itself, or e.g. its paired difference to the baseline), its p50 and 95%
   * interval, and the limit it must stay at or under. A straddled limit reads 'not trustworthy'.
   */
  decide?: { what: string; p50: number; interval: { low: number; high: number }; limit: number };
  samples?: number;
  /** The paired differences behind `decide`, kept in bench-results.json for comparing runs or builds. */
  pairs?: number[];
  note?: string;
  /** Why the figure may miss its budget, and where its time goes: printed under the table when it does. */
  reason?: string;
  /** Shown for what it tells, judged against no budget (e.g. a click no person could make). */
  reportOnly?: boolean;
}
