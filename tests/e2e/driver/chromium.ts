// The driver over the Chromium harness (Playwright, the production Chrome MV3 build).
import type { Page } from 'playwright-core';
import { controlInfo, shadowTextCdp } from '../control-info';
import { launch } from '../harness';
import { chromiumShadowClick, chromiumShadowParts } from '../shadow-parts';
import { EXT_API, withQueries } from './common';
import type { Driver, DriverPage, LaunchOptions } from './types';

const wrap = (page: Page): DriverPage =>
  withQueries({
    evaluate: (fn, arg) => page.evaluate(fn as any, arg),
    waitFor: async (selector, timeoutMs = 15_000) => void (await page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs })),
    click: (selector) => page.locator(selector).first().click(),
    fill: (selector, text) => page.locator(selector).first().fill(text),
    press: (key) => page.keyboard.press(key),
    mouseMove: (x, y) => page.mouse.move(x, y),
    async mouseClickHere() {
      await page.mouse.down();
      await page.mouse.up();
    },
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    control: (selector) => controlInfo(page, selector),
    shadowParts: (selector) => chromiumShadowParts(page, selector),
    shadowSyntheticClick: (selector, text) => chromiumShadowClick(page, selector, text),
    shadowText: (selector) => shadowTextCdp(page, selector),
    select: async (selector, value) => void (await page.selectOption(selector, value)),
    bringToFront: () => page.bringToFront(),
    reload: async () => void (await page.reload()),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  });

export async function launchChromium(options: LaunchOptions = {}): Promise<Driver> {
  const h = await launch({ headless: options.headless, controlPort: options.controlPort });
  let helper: Page | undefined;
  const ext = async <T>(expression: string): Promise<T> => {
    // Not the popup: an open popup keeps its venue's connection warm (lib/background/keep-warm.ts).
    helper ??= await h.extensionPage('options.html');
    return helper.evaluate(expression) as Promise<T>;
  };
  return {
    name: 'chromium',
    sim: h.sim,
    profileDir: h.profile,
    extensionPage: async (path) => wrap(await h.extensionPage(path)),
    async open(url) {
      const page = await h.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    send: (message) => h.sendFromExtension(message),
    storage: () => ext(`${EXT_API}.storage.local.get(null)`),
    setStorage: (items) => ext(`${EXT_API}.storage.local.set(${JSON.stringify(items)})`),
    setCredentials: (venue, credentials) => h.setCredentials(venue, credentials),
    async command(name) {
      if (name !== 'cancel-hovered') throw new Error(`no stand-in for the ${name} command`);
      const worker = await h.worker();
      await worker.evaluate(async () => {
        const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id !== undefined) await (globalThis as any).chrome.tabs.sendMessage(tab.id, { type: 'quickcancel.hover-cancel' }, { frameId: 0 }).catch(() => undefined);
      });
    },
    async stopBackground() {
      const page = await h.context.newPage();
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
    },
    close: (options) => h.close(options),
  };
}
