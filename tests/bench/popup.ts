// Popup first render with 1,000 history entries, beside the same popup with an empty history.
import type { Harness } from '../e2e/harness';
import { median, medianInterval } from './stats';
import type { BenchRow } from './types';

/**
 * Time from navigation start until the popup has drawn `selector`, on the popup's own clock: the
 * popup's own performance mark where it sets one (`qc:first-render`), else the first animation
 * frame that shows it (init scripts do not reach extension pages).
 */
async function firstRender(h: Harness, selector: string): Promise<number> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  const ms = (await page.evaluate(`new Promise((resolve) => {
    const tick = () => {
      if (!document.querySelector(${JSON.stringify(selector)})) return requestAnimationFrame(tick);
      const mark = performance.getEntriesByName('qc:first-render')[0];
      resolve(mark ? mark.startTime : performance.now());
    };
    tick();
  })`)) as number;
  await page.close();
  return ms;
}

async function setHistory(h: Harness, count: number) {
  const worker = await h.worker();
  await worker.evaluate(async (n) => {
    const c = (globalThis as any).chrome;
    const all = await c.storage.local.get(null);
    await c.storage.local.remove(Object.keys(all).filter((k: string) => k.startsWith('journal:')));
    const kinds = ['cancelled', 'pending', 'already-closed', 'rejected', 'auth-failed', 'rate-limited', 'unknown', 'not-sent'];
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      entries[`journal:${id}`] = {
        id, venue: 'pocketful', orderId: String(202611000000 + i), source: 'page', status: kinds[i % kinds.length],
        message: 'Bench entry', symbol: 'RELIANCE', side: 'BUY', startedAtMs: Date.now() - i * 1000, latencyMs: 12, attempts: 1, updatedAtMs: Date.now(), hints: {},
      };
    }
    // As the journal writes them: the entries, and the ids of the newest 50 (oldest first).
    const recent = Object.values(entries).map((e: any) => e.id).slice(0, 50).reverse();
    await c.storage.local.set({ ...entries, journalRecent: recent });
  }, count);
}

export async function benchPopup(h: Harness, rounds = 9): Promise<BenchRow[]> {
  const full: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await setHistory(h, 0);
    empty.push(await firstRender(h, '#app *'));
    await setHistory(h, 1000);
    full.push(await firstRender(h, '[data-entry]'));
  }
  const value = median(full);
  return [{
    name: 'popup first render, 1,000 history entries', unit: 'ms', value, samples: rounds,
    baseline: { name: 'popup with an empty history', value: median(empty) },
    budget: '≤ 100 ms', withinBudget: value <= 100,
    decide: { what: 'the figure', p50: value, interval: medianInterval(full), limit: 100 },
  }];
}
