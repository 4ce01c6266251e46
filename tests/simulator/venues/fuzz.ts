// The simulator's fuzz mode. Where a venue's document gives no wording for an answer (most
// refusals: "not found", "already cancelled", "being processed"), the document-faithful mode says
// one plausible sentence; the fuzz mode draws from several, and lays each JSON object's fields out
// in a drawn order, so that no parser can come to depend on one invented sentence or on key order.
// A seeded generator makes every failure reproducible: the seed is printed when the mode starts.
//
// Switch: QC_SIM_FUZZ=<seed> in the environment (any integer; "random" picks one), or setSimFuzz()
// from a test. Off by default: the documents' own shapes and words, and nothing drawn.
import { mulberry32 } from '../random';

let next: (() => number) | undefined;
let seed: number | undefined;

/** Turns the fuzz mode on with this seed, or off with undefined. Returns the seed in use. */
export function setSimFuzz(value: number | undefined): number | undefined {
  seed = value;
  next = value === undefined ? undefined : mulberry32(value);
  return seed;
}

/** The seed of the fuzz mode, or undefined in the document-faithful mode. */
export const simFuzzSeed = (): number | undefined => seed;

const fromEnv = typeof process !== 'undefined' ? process.env.QC_SIM_FUZZ : undefined;
if (fromEnv) {
  const chosen = fromEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number.parseInt(fromEnv, 10);
  if (Number.isFinite(chosen)) {
    setSimFuzz(chosen);
    console.info(`[simulator] fuzz mode, seed ${chosen} (rerun with QC_SIM_FUZZ=${chosen})`);
  }
}

/** One of the wordings: the first (the faithful mode's) unless the fuzz mode draws another. */
export function wording(options: readonly [string, ...string[]]): string {
  if (!next) return options[0];
  return options[Math.floor(next() * options.length)]!;
}

/** The value with every object's fields in a drawn order (fuzz mode); unchanged otherwise. */
export function fieldOrder<T>(value: T): T {
  if (!next || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => fieldOrder(v)) as T;
  const entries = Object.entries(value as Record<string, unknown>);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, fieldOrder(v)])) as T;
}
