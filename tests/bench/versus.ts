// The click against another build of QuickCancel (e.g. the build before a change that must not
// cost the click more than a bound: issue 13 allows 0.3 ms). QC_BENCH_VERSUS names the other
// build's directory. The two builds take turns in blocks, each in its own browser on the same
// simulator, and every click is paired with the page's own `fetch` just before it; the figure is
// the difference of the two builds' medians of (click − fetch), with its bootstrap interval.
import { launch } from '../e2e/harness';
import { PACE_TEST_CREDENTIALS } from '../simulator/venues/pace-oms';
import { clickCancel, clickFetch, preparePage, refreshOrders } from './click';
import { median, medianDifferenceInterval } from './stats';
import type { BenchRow } from './types';

/** Issue 13: the hostile-page defences may cost a click at most this much. */
const LIMIT_MS = 0.3;

interface Sample {
  person: number[];
  instant: number[];
}

/** One block: a fresh browser with this build, `rounds` clicks as a person makes them, half as many instant ones. */
async function block(extensionDir: string | undefined, firstId: number, rounds: number, into: Sample) {
  const h = await launch(extensionDir ? { extensionDir } : {});
  try {
    await h.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
    const instant = Math.ceil(rounds / 2);
    const ids = Array.from({ length: rounds + instant }, (_, i) => String(firstId + i));
    const page = await preparePage(h, ids);
    await page.waitForTimeout(500);
    for (const [i, id] of ids.entries()) {
      const aimed = i < rounds;
      const fetch = await clickFetch(h, page, i + 1, aimed);
      await refreshOrders(page);
      (aimed ? into.person : into.instant).push((await clickCancel(h, page, id, aimed)).ms - fetch);
    }
    await page.close();
  } finally {
    await h.close();
  }
}

export async function benchVersus(otherDir: string, blocks = 8, rounds = 20): Promise<BenchRow[]> {
  const mine: Sample = { person: [], instant: [] };
  const other: Sample = { person: [], instant: [] };
  for (let b = 0; b < blocks; b++) {
    // Each build goes first in every other block: a build started on a fresher host gains nothing.
    const order = b % 2 ? [undefined, otherDir] : [otherDir, undefined];
    for (const [k, dir] of order.entries()) await block(dir, 960000 + (b * 2 + k) * 1000, rounds, dir ? other : mine);
  }
  const row = (kind: keyof Sample, name: string, judged: boolean): BenchRow => ({
    name,
    unit: 'ms',
    value: median(mine[kind]),
    samples: mine[kind].length,
    baseline: { name: `the other build, ${other[kind].length} clicks`, value: median(other[kind]) },
    budget: judged ? `≤ ${LIMIT_MS} ms slower than the other build (issue 13)` : 'none: no person presses this fast',
    withinBudget: true,
    reportOnly: !judged,
    decide: { what: 'this build minus the other', p50: median(mine[kind]) - median(other[kind]), interval: medianDifferenceInterval(mine[kind], other[kind]), limit: LIMIT_MS },
  });
  return [
    row('person', 'versus QC_BENCH_VERSUS: a person’s click above its paired fetch, this build (p50)', true),
    row('instant', 'versus QC_BENCH_VERSUS: an instant click above its paired fetch, this build (p50)', false),
  ];
}
