// Where a warm click's time goes, step by step, so that a figure over its budget comes with its
// reason. It runs the same clicks as the click part (pointer rests, then presses), on a build made
// with `wxt build --mode marks`, which records a performance mark at each step (lib/bench-marks.ts);
// the production build, measured by every other part, has none. Marks in the page (the content
// script's) and in the worker are read on their own clocks after each arrival, and put on the
// wall clock with each one's time origin.
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { BenchMark } from '../../lib/bench-marks';
import { launch } from '../e2e/harness';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { clickCancel, clickFetch, preparePage, refreshOrders } from './click';
import { median, medianInterval, pairedDifferences } from './stats';
import type { BenchRow } from './types';

export const MARKS_BUILD = resolve('.output/chrome-mv3-marks');

/** Every time each mark was made since they were last cleared, on the wall clock. */
type Marks = Partial<Record<BenchMark, number[]>>;

/** Reads the marks made since they were last cleared, and clears them. */
function takeMarks(): Record<string, number[]> {
  const all: Record<string, number[]> = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('qc:')) (all[m.name] ??= []).push(performance.timeOrigin + m.startTime);
  performance.clearMarks();
  return all;
}
const readMarks = (where: Page | Worker): Promise<Marks> => (where as Page).evaluate(takeMarks);

/** Each step ends at its mark's first time after the step before it (the press's own message came earlier). */
const STEPS: Array<{ name: string; to: BenchMark | 'arrival' }> = [
  { name: 'the click event reaches the control’s handler', to: 'qc:click' },
  { name: 'the click’s checks (run at its press: the click reads their result)', to: 'qc:accepted' },
  { name: 'the message is handed to the port', to: 'qc:posted' },
  { name: 'the message reaches the service worker (the browser’s hop)', to: 'qc:received' },
  { name: 'the worker checks it, journals it, hands the request to fetch', to: 'qc:fetch' },
  { name: 'fetch → the venue receives it', to: 'arrival' },
];

/** The page's and the worker's clocks may disagree by a fraction of a millisecond. */
const CLOCKS_DIFFER_MS = 1;

/** How long each step took, from the click event's time on. */
export function stepTimes(eventAt: number, marks: Marks, arrival: number): number[] {
  // After a missing mark no later step can be told apart from it.
  let at = eventAt;
  return STEPS.map(({ to }) => {
    const next = to === 'arrival' ? arrival : marks[to]?.find((t) => t >= at - CLOCKS_DIFFER_MS);
    const took = next === undefined ? NaN : next - at;
    at = next ?? NaN;
    return took;
  });
}

export async function benchBreakdown(rounds = 40): Promise<BenchRow[]> {
  const h = await launch({ extensionDir: MARKS_BUILD });
  try {
    await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
    const ids = Array.from({ length: rounds }, (_, i) => String(930000 + i));
    const page = await preparePage(h, ids);
    await page.waitForTimeout(500);
    const clicks: number[] = [];
    const fetches: number[] = [];
    const steps = STEPS.map(() => [] as number[]);
    for (const [i, id] of ids.entries()) {
      fetches.push(await clickFetch(h, page, i + 1, true));
      await refreshOrders(page);
      const worker = await h.worker();
      await Promise.all([readMarks(page), readMarks(worker)]);
      const cancel = await clickCancel(h, page, id, true);
      clicks.push(cancel.ms);
      const marks = { ...(await readMarks(page)), ...(await readMarks(worker)) };
      stepTimes(cancel.atMs - cancel.ms, marks, cancel.atMs).forEach((took, k) => steps[k]!.push(took));
    }
    await page.close();
    const row = (name: string, values: number[]): BenchRow => {
      const ok = values.filter(Number.isFinite);
      return { name, unit: 'ms', value: median(ok), samples: ok.length, budget: 'none: where the time goes', withinBudget: true, reportOnly: true };
    };
    const above = pairedDifferences(clicks, fetches);
    return [
      {
        ...row('breakdown build: warm click → cancel received (p50)', clicks),
        baseline: { name: 'plain fetch from the page, clicked the same way', value: median(fetches) },
        decide: { what: 'click minus its paired fetch', p50: median(above), interval: medianInterval(above), limit: 2 },
      },
      ...STEPS.map((s, k) => row(`  step: ${s.name} (p50)`, steps[k]!)),
    ];
  } finally {
    await h.close();
  }
}
