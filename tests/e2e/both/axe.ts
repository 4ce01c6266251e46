// axe-core in an extension page, in either browser: its source is handed to the driver as the
// function to evaluate (the page's CSP forbids eval and foreign scripts; the driver's own
// evaluation is not subject to it), then axe.run with the WCAG 2.1 AA rule tags.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DriverPage } from '../driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

export async function injectAxe(page: DriverPage): Promise<void> {
  const body = `() => { if (!window.axe) { ${AXE_SOURCE}\n } return typeof window.axe; }`;
  const fn = () => 'not injected';
  Object.defineProperty(fn, 'toString', { value: () => body });
  const type = await page.evaluate(fn);
  if (type !== 'object') throw new Error(`axe-core did not load in the page (${String(type)})`);
}

/** WCAG 2.1 AA violations on the page as it is now: each rule with the elements that fail it. */
export async function axeViolations(page: DriverPage): Promise<Violation[]> {
  await injectAxe(page);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, WCAG_21_AA);
}

/**
 * Presses Tab from the top of the page until focus comes back round, and returns what it never
 * reached: every enabled, visible control (and every element made focusable on purpose) must be.
 */
export async function unreachedByTab(page: DriverPage, maxPresses = 400): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])')].filter((el) => {
      const disabled = (el as HTMLButtonElement).disabled || !!el.closest('fieldset[disabled]');
      // checkVisibility also sees what a closed <details> hides.
      const shown = el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
      return !disabled && shown;
    });
    controls.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    // Not body.blur(): in Firefox that takes focus from the whole window.
    if (document.activeElement && document.activeElement !== document.body) (document.activeElement as HTMLElement).blur();
    window.scrollTo(0, 0);
    return controls.length;
  });
  const reached = new Set<string>();
  let first: string | undefined;
  // Until every control was reached, or focus is back on the first one. Not past the last: beyond
  // it focus goes to the browser's toolbar, and Firefox then delivers keys to the page without
  // acting on them. A date-time input takes one Tab per part, so one control may stay focused
  // for several presses.
  for (let i = 0; i < maxPresses && reached.size < total; i++) {
    await page.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd') ?? null);
    if (at === null) continue;
    if (at === first && reached.size > 1) break;
    first ??= at;
    reached.add(at);
  }

  return page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
        .filter((el) => !seen.includes(el.getAttribute('data-kbd')!))
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
    [...reached],
  );
}

/**
 * Moves focus to the first match as a keyboard user does: from the control just before it, one
 * Tab. Never round the end of the page: past the last control focus leaves for the browser's
 * toolbar, and Firefox then hands keys to the page without acting on them.
 */
export async function focus(page: DriverPage, selector: string, maxPresses = 10): Promise<void> {
  await page.evaluate((s) => {
    const target = document.querySelector<HTMLElement>(s)!;
    const all = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])')].filter(
      (el) => !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }),
    );
    all[all.indexOf(target) - 1]?.focus();
  }, selector);
  for (let i = 0; i < maxPresses; i++) {
    await page.press('Tab');
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}
