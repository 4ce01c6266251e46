// The one door from the UI to the background. Every reply comes back as a Reply: a rejected promise
// (worker gone, no listener) or an empty answer becomes { ok: false, error } in plain words, so a
// screen never has to guess what an exception meant.
import { browser } from 'wxt/browser';
import type { PageMessage, ReplyOf } from '@/lib/messages';

/** A failure, as any message type's reply (every Reply has this form). */
const failed = <R>(error: string) => ({ ok: false, error }) as unknown as R;

/** The reply's type follows from the message's: the background's handler for it is held to the same. */
export async function send<M extends PageMessage>(message: M): Promise<ReplyOf<M['type']>> {
  type R = ReplyOf<M['type']>;
  try {
    // The one place a reply arrives untyped: from the runtime. Its shape is checked below.
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (!reply || typeof reply !== 'object' || typeof (reply as { ok?: unknown }).ok !== 'boolean') {
      return failed<R>('QuickCancel’s background did not answer. Close this window and try again.');
    }
    return reply as R;
  } catch (error) {
    return failed<R>(`QuickCancel’s background could not be reached (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Opens the options page; kept here so components can be tested with this module mocked. */
export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
