// A hostile page (the broker's own script, an XSS on it, an ad) tries to get a cancel out of a
// control without a person's deliberate click (issue 13), in the browser under test. Each attack
// sits beside the honest click that must still work. Attacks a page script can mount at any time
// are done here with evaluate(); those that need to be in place first are fixture pages
// (tests/simulator/pages/hostile.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL } from '../../../lib/page/runtime/acceptance';
import { PACE_TEST_CREDENTIALS } from '../../simulator/venues/pace-oms';
import { SAMPLES } from '../../unit/page/samples';
import { browserName, launchDriver, unknownHosts, type Driver, type DriverPage } from '../driver';
import { pressEnterOn } from './press';

let d: Driver;
const IDS = Array.from({ length: 16 }, (_, i) => String(9101 + i));
beforeAll(async () => {
  d = await launchDriver();
  const SYMBOLS = ['RELIANCE', 'TCS', 'INFY', 'SBIN', 'ITC', 'LT', 'WIPRO', 'HCLTECH', 'AXISBANK', 'MARUTI', 'TITAN', 'ONGC', 'NTPC', 'BPCL', 'CIPLA', 'DRREDDY'];
  d.sim.seed('pocketful', IDS.map((id, i) => ({ id, symbol: SYMBOLS[i], extra: { executionType: 'REGULAR' } })));
  d.sim.seed('tradernet', SAMPLES.tradernet);
  await d.setCredentials('pocketful', PACE_TEST_CREDENTIALS.pocketful);
});
afterAll(async () => d?.close());

const control = (id: string) => `[data-sim-key="${id}"] [data-quickcancel]`;
const cancels = (id: string) => d.sim.apiRequests('pocketful').filter((r) => r.method === 'DELETE' && (r.path.includes(id) || r.body.includes(id)));
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function book(path = '/orders'): Promise<DriverPage> {
  const page = await d.open(`https://trade.pocketful.in${path}`);
  await page.waitFor('[data-quickcancel]');
  // The fixture's own refresh would replace rows (and move controls) under the test.
  await page.evaluate(() => (window as any).__sim.stop());
  return page;
}

/** The control refused, saying why, and nothing reached the venue. */
async function refused(page: DriverPage, id: string, why?: string) {
  await expect.poll(() => page.controlState(control(id))).toBe('failed');
  if (why) expect((await page.control(control(id)))?.title).toBe(why);
  // Time for a request, had one been started, to reach the venue.
  await settle(300);
  expect(cancels(id)).toEqual([]);
}

/** The page draws its own opaque box over the control, which hit testing looks through. */
function coverWithDecoy(page: DriverPage, id: string, text: string) {
  return page.evaluate(([s, label]) => {
    const b = document.querySelector(s)!.getBoundingClientRect();
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = label;
    Object.assign(decoy.style, { position: 'fixed', left: `${b.x - 20}px`, top: `${b.y - 10}px`, width: `${b.width + 40}px`, height: `${b.height + 20}px`, background: '#fff', zIndex: '9', pointerEvents: 'none' });
    document.body.append(decoy);
  }, [control(id), text] as const);
}

const sentOnce = async (id: string) => expect.poll(() => cancels(id).length, { timeout: 15_000 }).toBe(1);

const addStyle = (page: DriverPage, css: string) =>
  page.evaluate((text) => document.head.append(Object.assign(document.createElement('style'), { className: 'attack', textContent: text })), css);

describe(`a hostile page in ${browserName()}`, () => {
  it('page CSS cannot fade or filter the control: it stays fully drawn, so a click on it is one the user saw', async () => {
    const page = await book();
    const id = IDS[0]!;
    await addStyle(page, 'td.actions > *, td.actions span { opacity: .01 !important; filter: opacity(0) !important; transform: scale(.02) !important }');
    const seen = await page.evaluate((s) => {
      const cs = getComputedStyle(document.querySelector(s)!);
      return { opacity: cs.opacity, filter: cs.filter, transform: cs.transform };
    }, control(id));
    expect(seen).toEqual({ opacity: '1', filter: 'none', transform: 'none' });
    await page.click(control(id));
    await sentOnce(id);
    await page.close();
  });

  it('page CSS cannot stretch the control over the page: a click elsewhere cancels nothing', async () => {
    const page = await book();
    const id = IDS[1]!;
    await page.evaluate((s) => document.querySelector(s)!.parentElement!.classList.add('bait'), control(id));
    await addStyle(page, '.bait > * { position: fixed !important; inset: 0 !important; width: 100vw !important; height: 100vh !important; max-width: none !important; max-height: none !important; z-index: 2147483647 !important; opacity: .01 !important }');
    await page.mouseMove(4, 790);
    await page.mouseMove(6, 794);
    await page.mouseClickHere();
    await settle();
    expect(cancels(id)).toEqual([]);
    expect(await page.controlState(control(id))).toBe('idle');
    await page.click(control(id));
    await sentOnce(id);
    await page.close();
  });

  it.each([
    ['near-zero opacity', 'opacity: .01', IDS[2]!],
    ['filter: opacity(0)', 'filter: opacity(0)', IDS[3]!],
    ['a transform to a tiny size', 'transform: scale(.05)', IDS[4]!],
    ['a clip-path', 'clip-path: inset(0 0 100% 0)', IDS[5]!],
  ])('a control whose cell the page hides with %s refuses; shown again, the same key press cancels', async (_, css, id) => {
    const page = await book();
    await page.evaluate(([s, rule]) => document.querySelector(s)!.parentElement!.setAttribute('style', rule), [control(id), css] as const);
    await pressEnterOn(page, id);
    await refused(page, id);
    await page.evaluate((s) => document.querySelector(s)!.parentElement!.removeAttribute('style'), control(id));
    await pressEnterOn(page, id);
    await sentOnce(id);
    await page.close();
  });

  it('a decoy drawn over the control with pointer-events: none makes it refuse (Chromium: IntersectionObserver v2; Firefox: its own look)', async () => {
    const page = await book();
    const id = IDS[6]!;
    await coverWithDecoy(page, id, 'Claim bonus');
    await page.hover(control(id));
    // Time for the browser's visibility verdict (IntersectionObserver v2 reports at most every 100 ms).
    await settle();
    await page.click(control(id));
    await refused(page, id, browserName() === 'chromium' ? REFUSAL.notVisible : REFUSAL.drawnOver);

    await page.evaluate(() => document.getElementById('decoy')!.remove());
    await settle();
    await page.click(control(id));
    await sentOnce(id);
    await page.close();
  });

  it('a decoy slid over the control after the pointer came onto it (the first look said visible) still makes it refuse', async () => {
    const page = await book();
    const id = IDS[11]!;
    await page.hover(control(id));
    await settle();
    await coverWithDecoy(page, id, 'Close');
    // As long as a person needs to see the decoy and react to it.
    await settle();
    await page.click(control(id));
    await refused(page, id, browserName() === 'chromium' ? REFUSAL.notVisible : REFUSAL.drawnOver);
    await page.close();
  });

  it('a decoy the page takes away the moment the user presses still makes the click refuse: what the user saw before pressing counts', async () => {
    const page = await book();
    const id = IDS[14]!;
    await coverWithDecoy(page, id, 'Claim bonus');
    // The page's own listener, first in line: the decoy goes as the press begins, and the press is
    // held long enough for the browser to see the control whole before the release.
    await page.evaluate(() => window.addEventListener('pointerdown', () => document.getElementById('decoy')?.remove(), { capture: true }));
    await page.hover(control(id));
    await settle();
    await page.mouseDown();
    await settle(400);
    await page.mouseUp();
    await refused(page, id, browserName() === 'chromium' ? REFUSAL.notVisible : REFUSAL.drawnOver);

    // Nothing over it now: the next press and click cancel.
    await page.click(control(id));
    await sentOnce(id);
    await page.close();
  });

  it('double-clickjacking: a control shown under a resting pointer and clicked moments later refuses; moving onto it, the click cancels', async () => {
    const page = await book();
    const id = IDS[7]!;
    const spot = await nudge(page, id, 0);
    await page.evaluate(() => ((document.querySelector('[data-sim-key]')!.parentElement as HTMLElement).style.display = 'none'));
    await page.mouseMove(...spot);
    await settle(200);
    await page.evaluate(() => ((document.querySelector('[data-sim-key]')!.parentElement as HTMLElement).style.display = ''));
    await settle(150);
    await page.mouseClickHere();
    await refused(page, id, REFUSAL.sudden);

    await page.mouseMove(...(await nudge(page, id, 3)));
    await page.mouseClickHere();
    await sentOnce(id);
    await page.close();
  });

  it('a control the page moves into another row cancels neither order; each row’s own control still works', async () => {
    const page = await book();
    const [x, y] = [IDS[8]!, IDS[9]!];
    await page.evaluate(([cx, ry]) => document.querySelector(`[data-sim-key="${ry}"] td.actions`)!.prepend(document.querySelector(cx)!), [control(x), y] as const);
    expect(await page.count(`[data-sim-key="${y}"] [data-quickcancel]`)).toBe(2);
    await page.click(`[data-sim-key="${y}"] [data-quickcancel]`);
    await refused(page, x);
    expect(cancels(y)).toEqual([]);
    // The refusal read the row again: the control is back in its own row.
    expect(await page.count(`[data-sim-key="${y}"] [data-quickcancel]`)).toBe(1);
    await page.click(control(y));
    await sentOnce(y);
    expect(cancels(x)).toEqual([]);
    await page.close();
  });

  it('a page that registered the control’s possible names first gets nothing: no constructor of its runs, so no root or label to grab; its focus and keys send nothing', async () => {
    const page = await book('/hostile/tag-first');
    const id = IDS[10]!;
    const grabbed = await page.evaluate((s) => {
      const host = document.querySelector(s) as HTMLElement;
      host.focus();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return { grabbed: (window as any).__grabbed.length, upgraded: host.constructor !== HTMLSpanElement, tag: host.tagName, focused: document.activeElement === host };
    }, control(id));
    expect(grabbed).toEqual({ grabbed: 0, upgraded: false, tag: 'SPAN', focused: false });
    await page.press('Enter');
    await settle();
    expect(cancels(id)).toEqual([]);
    await pressEnterOn(page, id);
    await sentOnce(id);
    await page.close();
  });

  it('a trader hovering and clicking while the page re-renders its rows every second is never refused', async () => {
    const page = await book();
    const ids = IDS.slice(11, 14);
    await page.evaluate((list) => {
      const w = window as any;
      w.__rerenders = 0;
      w.__timer = setInterval(() => {
        for (const id of list) w.__sim.rerender(id, 'replace');
        w.__rerenders++;
      }, 1000);
    }, ids);
    for (const id of ids) {
      await page.hover(control(id));
      const before = await page.evaluate(() => (window as any).__rerenders);
      await expect.poll(() => page.evaluate(() => (window as any).__rerenders), { timeout: 5000 }).toBeGreaterThan(before);
      await page.mouseClickHere();
      await sentOnce(id);
      expect(await page.controlState(control(id))).not.toBe('failed');
    }
    await page.evaluate(() => clearInterval((window as any).__timer));
    await page.close();
  });

  it('a venue’s non-trading subdomains (help centre, blog) get no controls; its trading page does', async () => {
    for (const url of ['https://help.tradernet.com/terminal/', 'https://blog.freedom24.com/terminal/']) {
      const page = await d.open(url);
      await page.waitFor('[data-sim-key]');
      await settle(800);
      expect(await page.count('[data-quickcancel]'), url).toBe(0);
      await page.close();
    }
    const trading = await d.open('https://tradernet.com/terminal/');
    await trading.waitFor('[data-quickcancel]');
    await trading.close();
    expect(unknownHosts(d)).toEqual([]);
  });
});

/** A point inside the control of that row, `dx` px right of its centre. */
async function nudge(page: DriverPage, id: string, dx: number): Promise<[number, number]> {
  return page.evaluate(
    ([s, x]) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return [r.left + r.width / 2 + x, r.top + r.height / 2] as [number, number];
    },
    [control(id), dx] as const,
  );
}
