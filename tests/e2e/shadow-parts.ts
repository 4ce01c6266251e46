// What is inside a QuickCancel control's closed shadow root (its buttons, and its row menu's items
// and text), with where each is drawn, as only the browser's debugging protocol can see it: the page
// cannot. Tests click these through the browser's own mouse, or — to prove that a page's synthetic
// click does nothing — call el.click() on one from the page's own world.
import type { CDPSession, Page } from 'playwright-core';

export interface ShadowPart {
  tag: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Run on each element found (this = the element), in the page's main world. */
const MEASURE = `function () { const r = this.getBoundingClientRect(); return JSON.stringify({ tag: this.localName, text: (this.textContent || '').trim(), x: r.x, y: r.y, width: r.width, height: r.height }); }`;
const CLICK = 'function () { this.click(); }';
const WANTED = new Set(['BUTTON', 'P', 'LI']);

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function collect(node: CdpNode, out: CdpNode[]) {
  if (WANTED.has(node.nodeName)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collect(child, out);
}

async function chromiumNodes(page: Page, selector: string): Promise<{ cdp: CDPSession; nodes: CdpNode[] }> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
  if (!result.objectId) return { cdp, nodes: [] };
  const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: -1, pierce: true })) as { node: CdpNode };
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  const nodes: CdpNode[] = [];
  for (const root of node.shadowRoots ?? []) collect(root, nodes);
  return { cdp, nodes };
}

async function onChromiumNode(cdp: CDPSession, node: CdpNode, fn: string): Promise<string | undefined> {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: fn, objectId: object.objectId!, returnByValue: true });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId! });
  return result.value as string | undefined;
}

export async function chromiumShadowParts(page: Page, selector: string): Promise<ShadowPart[]> {
  const { cdp, nodes } = await chromiumNodes(page, selector);
  const parts: ShadowPart[] = [];
  for (const node of nodes) parts.push(JSON.parse((await onChromiumNode(cdp, node, MEASURE))!) as ShadowPart);
  return parts;
}

export async function chromiumShadowClick(page: Page, selector: string, text: string): Promise<void> {
  const { cdp, nodes } = await chromiumNodes(page, selector);
  for (const node of nodes) {
    const part = JSON.parse((await onChromiumNode(cdp, node, MEASURE))!) as ShadowPart;
    if (part.text.startsWith(text)) return void (await onChromiumNode(cdp, node, CLICK));
  }
  throw new Error(`no "${text}" in the control at ${selector}`);
}

/** The BiDi side (Firefox): nodes serialised with their closed shadow trees, used again by sharedId. */
export interface BidiSession {
  send(method: string, params: object): Promise<{ result: any }>;
}

interface BidiNode {
  sharedId?: string;
  value?: { nodeType: number; localName?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

function collectBidi(node: BidiNode | null | undefined, out: string[]) {
  const v = node?.value;
  if (!v) return;
  if (v.localName && WANTED.has(v.localName.toUpperCase()) && node!.sharedId) out.push(node!.sharedId);
  for (const child of [v.shadowRoot, ...(v.children ?? [])]) collectBidi(child, out);
}

async function bidiNodes(session: BidiSession, context: string, selector: string): Promise<string[]> {
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: '(s) => document.querySelector(s)',
    arguments: [{ type: 'string', value: selector }],
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 12, includeShadowTree: 'all' },
  });
  const ids: string[] = [];
  if (result.result?.type === 'node') collectBidi(result.result.value?.shadowRoot, ids);
  return ids;
}

async function onBidiNode(session: BidiSession, context: string, sharedId: string, fn: string): Promise<string | undefined> {
  const { result } = await session.send('script.callFunction', {
    functionDeclaration: `(el) => (${fn}).call(el)`,
    arguments: [{ sharedId }],
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  return result.result?.value as string | undefined;
}

export async function bidiShadowParts(session: BidiSession, context: string, selector: string): Promise<ShadowPart[]> {
  const parts: ShadowPart[] = [];
  for (const id of await bidiNodes(session, context, selector)) parts.push(JSON.parse((await onBidiNode(session, context, id, MEASURE))!) as ShadowPart);
  return parts;
}

export async function bidiShadowClick(session: BidiSession, context: string, selector: string, text: string): Promise<void> {
  for (const id of await bidiNodes(session, context, selector)) {
    const part = JSON.parse((await onBidiNode(session, context, id, MEASURE))!) as ShadowPart;
    if (part.text.startsWith(text)) return void (await onBidiNode(session, context, id, CLICK));
  }
  throw new Error(`no "${text}" in the control at ${selector}`);
}
