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
import { LATENCY_TEXT, openNetworkPage, uuid } from './network';
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
  { name: 'the worker checks the message and its sender (schema, frame, page)', to: 'qc:checked' },
  { name: 'the worker finds the order and its readied request, journals it, hands it to fetch', to: 'qc:fetch' },
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

/** One step row: what it took at the median, reported against no budget. */
const stepRow = (name: string, values: number[]): BenchRow => {
  const ok = values.filter(Number.isFinite);
  return { name, unit: 'ms', value: median(ok), samples: ok.length, budget: 'none: where the time goes', withinBudget: true, reportOnly: true };
};

/** The clicks' total beside their paired fetches, then each step's median. */
function breakdownRows(what: string, baseline: string, clicks: number[], fetches: number[], steps: number[][]): BenchRow[] {
  const above = pairedDifferences(clicks, fetches);
  return [
    {
      ...stepRow(`breakdown build: ${what} → cancel received (p50)`, clicks),
      baseline: { name: baseline, value: median(fetches) },
      decide: { what: 'click minus its paired fetch', p50: median(above), interval: medianInterval(above), limit: 2 },
    },
    ...STEPS.map((s, k) => stepRow(`  step: ${s.name} (p50)`, steps[k]!)),
  ];
}

/** One timed click (the caller clears the marks before it), its steps read from the marks it left. */
async function stepsOf(page: Page, worker: Worker, click: () => Promise<{ ms: number; atMs: number }>, steps: number[][]): Promise<number> {
  const cancel = await click();
  const marks = { ...(await readMarks(page)), ...(await readMarks(worker)) };
  stepTimes(cancel.atMs - cancel.ms, marks, cancel.atMs).forEach((took, k) => steps[k]!.push(took));
  return cancel.ms;
}
const clearMarks = (page: Page, worker: Worker) => Promise.all([readMarks(page), readMarks(worker)]);

export async function benchBreakdown(rounds = 40, coldRounds = 16): Promise<BenchRow[]> {
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
      await clearMarks(page, worker);
      clicks.push(await stepsOf(page, worker, () => clickCancel(h, page, id, true), steps));
    }
    await page.close();

    // The same steps where the cancel must open a new connection (network.ts's simulated
    // network): which of them the handshake lands in, and what is left beside the page's own.
    const coldIds = Array.from({ length: coldRounds }, (_, i) => uuid(800 + i));
    const net = await openNetworkPage(h, coldIds);
    await net.page.waitForTimeout(500);
    const cold: number[] = [];
    const coldFetches: number[] = [];
    const coldSteps = STEPS.map(() => [] as number[]);
    for (const id of coldIds) {
      const worker = await h.worker();
      const click = async () => {
        const pair = await net.coldPair(id, () => clearMarks(net.page, worker));
        coldFetches.push(pair.fetch);
        return pair.cancel;
      };
      cold.push(await stepsOf(net.page, worker, click, coldSteps));
    }
    await net.close();
    return [
      ...breakdownRows('warm click', 'plain fetch from the page, clicked the same way', clicks, fetches, steps),
      ...breakdownRows(`click on a cold connection (${LATENCY_TEXT})`, 'page fetch, cold connection', cold, coldFetches, coldSteps),
    ];
  } finally {
    await h.close();
  }
}
