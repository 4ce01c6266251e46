// Runs code in the extension's content-script world of a page (its isolated world), to send the
// messages a compromised or buggy content script could send, on either channel the background
// listens on: a runtime message, or the content scripts' port.
import type { BrowserContext, Page } from 'playwright-core';
import { CONTENT_PORT } from '../../lib/page/runtime/messenger';

export type Channel = 'message' | 'port';

const viaPort = (message: string) => `new Promise((resolve) => {
  const port = chrome.runtime.connect({ name: ${JSON.stringify(CONTENT_PORT)} });
  port.onMessage.addListener((m) => { if (m.id === 1 && 'reply' in m) { port.disconnect(); resolve(m.reply); } });
  port.postMessage({ id: 1, message: ${message} });
})`;

export async function sendFromContentScript(context: BrowserContext, page: Page, message: unknown, channel: Channel = 'message'): Promise<any> {
  const cdp = await context.newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'QuickCancel');
  if (!world) throw new Error(`no QuickCancel content-script world on ${page.url()}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: channel === 'port' ? viaPort(JSON.stringify(message)) : `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}
