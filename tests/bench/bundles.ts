// Bundle sizes (gzip) of the production build: each entry point with every chunk it loads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness';
import type { BenchRow } from './types';

const gz = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file))).length / 1024;

/** An HTML entry's scripts and styles, following its <script src> and <link href>. */
function htmlAssets(html: string): string[] {
  const text = readFileSync(join(EXTENSION_DIR, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export function benchBundles(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const file of readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
    const kB = gz(`content-scripts/${file}`);
    rows.push({ name: `content script ${file} (gzip)`, unit: 'kB', value: kB, budget: '≤ 12 kB', withinBudget: kB <= 12 });
  }
  // Injected into a page only when first used (the row menu's first ▾ press, "Teach this page").
  for (const file of ['row-menu.js', 'teach.js']) {
    try {
      rows.push({ name: `${file}, loaded on first use (gzip)`, unit: 'kB', value: gz(file), budget: 'no budget (reported)', withinBudget: true });
    } catch {
      // Not in this build.
    }
  }
  rows.push({ name: 'background.js (gzip)', unit: 'kB', value: gz('background.js'), budget: 'no budget (reported)', withinBudget: true });
  for (const page of ['popup.html', 'options.html']) {
    try {
      const kB = htmlAssets(page).reduce((sum, f) => sum + gz(f), 0);
      rows.push({ name: `${page} scripts and styles (gzip)`, unit: 'kB', value: kB, budget: 'no budget (reported)', withinBudget: true });
    } catch {
      // A page that does not exist in this build has no size.
    }
  }
  return rows;
}
