// Where the cancel timers are stored (lib/timers-store.ts owns their format). Apart from it, so the
// content script, which shows a timer's countdown on its row, reads the key without the store's zod.
export const TIMERS_KEY = 'cancelTimers';
