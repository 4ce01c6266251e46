// A few DOM helpers for component tests (no testing library in this project): mount a Preact tree,
// wait for it to settle, and act like a user (type, click, change).
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { JournalEntry } from '../../../lib/model';

let roots: HTMLElement[] = [];

export function mount(tree: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  void act(() => render(tree, root)); // a synchronous act flushes before it returns
  return root;
}

export function unmountAll(): void {
  for (const root of roots) {
    void act(() => render(null, root));
    root.remove();
  }
  roots = [];
}

/** Lets pending promises and effects run, then re-renders. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

export async function waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== null && value !== false) return value;
      throw new Error('condition not met');
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await settle();
    }
  }
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

export function byText(root: ParentNode, selector: string, text: string | RegExp): HTMLElement {
  const match = [...root.querySelectorAll<HTMLElement>(selector)].find((el) =>
    typeof text === 'string' ? el.textContent?.trim() === text : text.test(el.textContent ?? ''),
  );
  if (!match) throw new Error(`no ${selector} with text ${text}`);
  return match;
}

export async function type(input: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

export async function choose(select: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => el.click());
  await settle();
}

export async function submit(form: HTMLElement): Promise<void> {
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

let n = 0;
export function entry(patch: Partial<JournalEntry> = {}): JournalEntry {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    venue: 'pocketful',
    orderId: `2026112200${String(n).padStart(2, '0')}`,
    source: 'page',
    status: 'cancelled',
    message: 'Cancelled',
    startedAtMs: Date.now() - n * 1000,
    latencyMs: 42,
    attempts: 1,
    updatedAtMs: Date.now(),
    ...patch,
  };
}

/** The mocked send(): answers by message type; records every message. */
export function replies(table: Record<string, unknown | ((message: any) => unknown)>) {
  return vi.fn(async (message: { type: string }): Promise<any> => {
    const answer = table[message.type];
    if (answer === undefined) return { ok: false, error: `no reply for ${message.type} in this test` };
    return typeof answer === 'function' ? (answer as (m: unknown) => unknown)(message) : answer;
  });
}

export const sent = (mock: ReturnType<typeof vi.fn>, type?: string) =>
  mock.mock.calls.map((c) => c[0] as { type: string }).filter((m) => !type || m.type === type);
