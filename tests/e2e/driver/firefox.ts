// The driver for Firefox ESR: puppeteer-core over WebDriver BiDi, the production Firefox build
// installed as a temporary add-on, and the venues' real host names reaching the simulator through
// a loopback CONNECT proxy (recipe: shared/E2E-FIREFOX.md).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { controlInfoFromBidi, shadowTextFromBidi } from '../control-info';
import { bidiShadowClick, bidiShadowParts } from '../shadow-parts';
import { startConnectProxy } from '../../simulator/connect-proxy';
import { startSimulator } from '../../simulator/server';
import { EXT_API, setCredentialsVia, withQueries } from './common';
import type { Driver, DriverPage, LaunchOptions } from './types';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv3');
/** Fixed, so extension pages have a known origin (temporary installs honour the uuid pref). */
const EXTENSION_UUID = '5a1c7d0e-9f3b-4e62-8a41-0c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Firefox found for the real-browser tests. Install Debian\'s: `sudo apt-get update && sudo apt-get install -y firefox-esr`, or point FIREFOX_PATH at one.');
  }
  return found;
}

/** The BiDi session under puppeteer: for what puppeteer has no API for (chrome-scope scripts). */
const bidi = (page: Page): { send(method: string, params: object): Promise<{ result: any }> } =>
  (page.mainFrame() as any).browsingContext.userContext.browser.session;

/** Runs an expression in Firefox's parent process (needs --remote-allow-system-access). */
export async function chromeScope(page: Page, expression: string): Promise<unknown> {
  const session = bidi(page);
  const { result: tree } = await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.contexts[0].context;
  const { result } = await session.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type === 'exception') throw new Error(`chrome scope: ${JSON.stringify(result.exceptionDetails?.text)}`);
  return result.result?.value;
}

/** Navigates the BiDi browsing context itself: page.goto never resolves for moz-extension: pages. */
const navigate = async (page: Page, url: string) => void (await (page.mainFrame() as any).browsingContext.navigate(url, 'complete'));

function wrap(page: Page): DriverPage {
  /** The element, serialised by BiDi down to `depth` with its shadow roots, closed ones too. */
  const serializedNode = async (selector: string, depth: number) => {
    const { result } = await bidi(page).send('script.callFunction', {
      functionDeclaration: '(s) => document.querySelector(s)',
      arguments: [{ type: 'string', value: selector }],
      target: { context: (page.mainFrame() as any).browsingContext.id },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: depth, includeShadowTree: 'all' },
    });
    return result.result?.type === 'node' ? result.result : null;
  };
  return withQueries({
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    waitFor: async (selector, timeoutMs = 15_000) => void (await page.waitForSelector(selector, { timeout: timeoutMs })),
    async click(selector) {
      await page.bringToFront();
      await page.click(selector);
    },
    async fill(selector, text) {
      await page.bringToFront();
      await page.locator(selector).fill(text);
    },
    press: (key) => page.keyboard.press(key as any),
    async mouseMove(x, y) {
      await page.bringToFront();
      await page.mouse.move(x, y);
    },
    async mouseClickHere() {
      await page.bringToFront();
      await page.mouse.down();
      await page.mouse.up();
    },
    async mouseDown() {
      await page.bringToFront();
      await page.mouse.down();
    },
    async mouseUp() {
      await page.bringToFront();
      await page.mouse.up();
    },
    async control(selector) {
      const node = await serializedNode(selector, 4);
      return node ? controlInfoFromBidi(node) : null;
    },
    shadowParts: (selector) => bidiShadowParts(bidi(page), (page.mainFrame() as any).browsingContext.id, selector),
    shadowSyntheticClick: (selector, text) => bidiShadowClick(bidi(page), (page.mainFrame() as any).browsingContext.id, selector, text),
    async shadowText(selector) {
      const node = await serializedNode(selector, 12);
      return node ? shadowTextFromBidi(node) : null;
    },
    select: async (selector, value) => void (await page.select(selector, value)),
    bringToFront: () => page.bringToFront(),
    // Like goto, reload never resolves on moz-extension: pages: navigate the context again instead.
    reload: async () => navigate(page, await page.evaluate(() => location.href)),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  });
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const sim = await startSimulator({ controlPort: options.controlPort });
  const proxy = await startConnectProxy(sim.port, sim.hosts);
  const profileDir = mkdtempSync(join(tmpdir(), 'qc-firefox-'));
  const prefs: Record<string, unknown> = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.http.http3.enable': false,
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    ...options.firefoxPrefs,
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: options.headless ?? true,
      acceptInsecureCerts: true,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: prefs,
      defaultViewport: { width: 1280, height: 800 },
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await proxy.stop();
    await sim.stop();
    throw error;
  }
  const [first] = await browser.pages();
  const newPage = async () => (await browser.newPage()) as Page;

  async function extensionPage(path: string): Promise<Page> {
    const page = await newPage();
    await navigate(page, `${EXTENSION_ORIGIN}/${path}`);
    return page;
  }
  let helper: Page | undefined;
  const ext = async <T>(expression: string): Promise<T> => {
    // Not the popup: an open popup keeps its venue's connection warm (lib/background/keep-warm.ts).
    helper ??= await extensionPage('options.html');
    return helper.evaluate(expression) as Promise<T>;
  };
  const send = <T>(message: unknown) => ext<T>(`${EXT_API}.runtime.sendMessage(${JSON.stringify(message)})`);

  return {
    name: 'firefox',
    sim,
    profileDir,
    extensionPage: async (path) => wrap(await extensionPage(path)),
    async open(url) {
      const page = await newPage();
      await page.goto(url);
      return wrap(page);
    },
    send,
    storage: () => ext(`${EXT_API}.storage.local.get(null)`),
    setStorage: (items) => ext(`${EXT_API}.storage.local.set(${JSON.stringify(items)})`),
    setCredentials: (venue, credentials) => setCredentialsVia(send, venue, credentials),
    async command(name) {
      await chromeScope(first!, `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.shortcuts.onCommand(${JSON.stringify(name)})`);
    },
    async stopBackground() {
      // disableResetIdleForTest: otherwise a listener still at work (the cancel in flight) keeps it alive.
      const stopped = await chromeScope(first!, `(async () => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension;
        const before = extension.backgroundContext;
        await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return extension.backgroundState === 'stopped' || extension.backgroundContext !== before;
      })()`);
      if (stopped !== true) throw new Error('the background did not stop');
    },
    async close(opts = {}) {
      await browser.close();
      await proxy.stop();
      await sim.stop();
      if (!opts.keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

