// Reads a control's button through its closed shadow root, as only the browser's debugging
// protocol can (the page cannot): its state, label and tooltip. Chromium: CDP's DOM domain pierces
// closed roots; Firefox: WebDriver BiDi serialises them with includeShadowTree 'all'.
import type { CDPSession, Locator, Page } from 'playwright-core';

export interface ControlInfo {
  state: string | null;
  text: string;
  title: string | null;
  label: string | null;
}

interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function findButton(node: CdpNode | undefined): CdpNode | undefined {
  if (!node) return undefined;
  if (node.nodeName === 'BUTTON') return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findButton(child);
    if (found) return found;
  }
  return undefined;
}

/** The element at `selector` described through CDP with its whole subtree, closed shadow roots too. */
async function describedNode(page: Page, selector: string): Promise<CdpNode | null> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
  if (!result.objectId) return null;
  const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: -1, pierce: true })) as { node: CdpNode };
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return node;
}

/** The control at `selector` (its host, in the page's DOM), or null when there is none. */
export async function controlInfo(page: Page, selector: string): Promise<ControlInfo | null> {
  const node = await describedNode(page, selector);
  if (!node) return null;
  const button = findButton({ ...node, children: [], shadowRoots: node.shadowRoots });
  if (!button) return null;
  const attrs = new Map<string, string>();
  for (let i = 0; i + 1 < (button.attributes ?? []).length; i += 2) attrs.set(button.attributes![i]!, button.attributes![i + 1]!);
  return {
    state: attrs.get('data-state') ?? null,
    text: (button.children ?? []).map((c) => c.nodeValue ?? '').join(''),
    title: attrs.get('title') ?? null,
    label: attrs.get('aria-label') ?? null,
  };
}

/** The state the control at `selector` shows, or null. */
export const controlState = async (page: Page, selector: string) => (await controlInfo(page, selector))?.state ?? null;

/** BiDi's serialisation of a node (Firefox). */
interface BidiNode {
  type: string;
  value?: { nodeType: number; localName?: string; nodeValue?: string; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

function findBidiButton(node: BidiNode | null | undefined): BidiNode['value'] | undefined {
  const v = node?.value;
  if (!v) return undefined;
  if (v.localName === 'button') return v;
  for (const child of [v.shadowRoot, ...(v.children ?? [])]) {
    const found = findBidiButton(child);
    if (found) return found;
  }
  return undefined;
}

export function controlInfoFromBidi(node: BidiNode): ControlInfo | null {
  const button = findBidiButton({ type: 'node', value: { ...node.value!, children: [] } });
  if (!button) return null;
  const a = button.attributes ?? {};
  return {
    state: a['data-state'] ?? null,
    text: (button.children ?? []).map((c) => c.value?.nodeValue ?? '').join(''),
    title: a.title ?? null,
    label: a['aria-label'] ?? null,
  };
}

let marks = 0;
/** The state the control a Playwright locator finds shows (its parent is marked for a moment to find it again). */
export async function locatorState(locator: Locator): Promise<string | null> {
  const mark = `data-qc-probe-${++marks}`;
  const found = await locator
    .first()
    .evaluate((el, m) => (el.parentElement?.setAttribute(m, ''), Boolean(el.parentElement)), mark, { timeout: 2000 })
    .catch(() => false);
  if (!found) return null;
  const page = locator.page();
  const state = await controlState(page, `[${mark}] > [data-quickcancel]`);
  await page.evaluate((m) => document.querySelector(`[${m}]`)?.removeAttribute(m), mark);
  return state;
}

/** All the text in an element's closed shadow tree (style sheets left out), read through CDP. */
export async function shadowTextCdp(page: Page, selector: string): Promise<string | null> {
  const node = await describedNode(page, selector);
  if (!node) return null;
  const text = (n: CdpNode): string =>
    n.nodeName === 'STYLE' ? '' : n.nodeName === '#text' ? (n.nodeValue ?? '') : [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(text).join(' ');
  return (node.shadowRoots ?? []).map(text).join(' ').replace(/\s+/g, ' ').trim();
}

/** The same from BiDi's serialisation of the element (Firefox). */
export function shadowTextFromBidi(node: BidiNode): string {
  const text = (n: BidiNode | null | undefined): string => {
    const v = n?.value;
    if (!v || v.localName === 'style') return '';
    if (v.nodeType === 3) return v.nodeValue ?? '';
    return [v.shadowRoot, ...(v.children ?? [])].map(text).join(' ');
  };
  return text(node.value?.shadowRoot).replace(/\s+/g, ' ').trim();
}
