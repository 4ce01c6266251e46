// The cancel timers' owner: where they are stored and in which format. The background writes them;
// the popup and the rows of the broker's page read them for their countdowns. Not secret (venue, order id, time). Kept free of WXT's
// storage module, like lib/rules-store.ts; the version is kept the way WXT keeps it (`<key>$`).
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TIMERS_KEY } from './timers-key';
import { VENUE_IDS } from './venues/registry';

export { TIMERS_KEY };
const TIMERS_META_KEY = `${TIMERS_KEY}$`;
/** 1: an array of CancelTimer; the only format so far. */
export const TIMERS_VERSION = 1;

const timerSchema = z.object({
  id: z.string().min(1),
  venue: z.enum(VENUE_IDS),
  orderId: z.string().min(1),
  /** When the order is cancelled unless it has closed by then. */
  fireAtMs: z.number().finite(),
  setAtMs: z.number().finite(),
});
export type CancelTimer = z.infer<typeof timerSchema>;

/** The stored timers; a malformed one is dropped rather than fired at the wrong order. */
export function storedTimers(value: unknown): CancelTimer[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t) => {
    const parsed = timerSchema.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function readTimers(): Promise<CancelTimer[]> {
  const got = await browser.storage.local.get(TIMERS_KEY);
  return storedTimers(got[TIMERS_KEY]);
}

export async function writeTimers(timers: CancelTimer[]): Promise<void> {
  await browser.storage.local.set({ [TIMERS_KEY]: timers, [TIMERS_META_KEY]: { v: TIMERS_VERSION } });
}

/** Calls back after every change the background stores. Returns the unsubscribe. */
export function onTimersChanged(changed: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && TIMERS_KEY in changes) changed();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
