// Which class names and attribute values a taught rule may rely on. Build tools hash class names
// (`css-1x2y3z`, `sc-bdVaJa`, `_a1b2c3`, `Row_row__3xYz1`) and utility frameworks describe looks,
// not meaning (`px-2`, `hover:bg-gray-100`, `w-[120px]`): both change with the broker's next
// release. A rule is written only with names that say what an element is.

const FRAMEWORK_PREFIX = /^(css|sc|jsx|emotion|styled|svelte|tw|chakra|mui|makeStyles|jss|astro|v|data-v)-/i;
const CSS_MODULE = /__[A-Za-z0-9_-]{4,}$/;
/** Utilities named by a property prefix and a value: `px-2`, `text-right`, `bg-slate-50`. */
const TAILWIND = new RegExp(
  '^-?(p|px|py|pt|pb|pl|pr|ps|pe|m|mx|my|mt|mb|ml|mr|w|h|size|min-w|max-w|min-h|max-h|text|bg|border|rounded|flex|grid|gap|items|justify|font|leading|tracking|shadow|opacity|z|top|left|right|bottom|inset|space|divide|overflow|whitespace|cursor|inline|table|self|place|ring|transition|duration|ease|transform|translate|scale|rotate|sr|fill|stroke|outline|underline|shrink|grow|basis|aspect|object|align|break|tabular|line|pointer|decoration|from|to|via|animate|delay|blur|drop|list)-',
);
/** The few utilities whose value words are their own, so a semantic `order-row` or `row-item` is not taken for one. */
const TAILWIND_NAMED = /^((row|col)-(span|start|end|auto)|order-(\d+|first|last|none)|select-(none|text|all|auto)|content-(center|start|end|between|around|evenly|none|normal))\b/;
/** Utilities that are a single word. */
const TAILWIND_BARE = new Set('flex grid block inline hidden table contents truncate underline uppercase lowercase capitalize italic relative absolute fixed sticky static visible invisible container isolate antialiased shrink grow border rounded shadow outline ring transform transition'.split(' '));

/** True for a class (or id) name that looks generated, or that describes looks rather than meaning. */
export function isUnstableName(name: string): boolean {
  if (!name || name.length > 40) return true;
  if (/[:[\]/!.%#@(),=]/.test(name)) return true; // variants and arbitrary values: hover:…, w-[12px], w-1/2
  if (name.startsWith('_') || FRAMEWORK_PREFIX.test(name) || CSS_MODULE.test(name)) return true;
  if (TAILWIND.test(name) || TAILWIND_NAMED.test(name) || TAILWIND_BARE.has(name)) return true;
  // styled-components' second class: a short run of letters with capitals inside ("cRmLqk", "kqAZnD").
  if (name.length <= 8 && /^[a-zA-Z]+$/.test(name) && (name.slice(1).match(/[A-Z]/g)?.length ?? 0) >= 2) return true;
  // A word-part that mixes letters and digits is a hash ("1x2y3z", "bdVaJa9"); a plain number is an index.
  return name.split(/[-_]+/).some((part) => /\d/.test(part) && (/[a-z]/i.test(part) || part.length > 2));
}

/** Attributes that say what kind of element (or which column) something is, whatever order it shows. */
export const KIND_ATTRS = ['role', 'data-testid', 'data-test', 'data-qa', 'data-role', 'data-type', 'data-kind'] as const;
/** Attributes that name a column. */
export const COLUMN_ATTRS = ['data-col', 'data-column', 'data-field', 'col-id', 'aria-colindex', 'data-colindex', 'data-key', 'headers', 'name'] as const;

/** A value worth matching exactly: short, and not an id or a hash of the one row. */
export function isStableValue(value: string | null): value is string {
  return !!value && value.length <= 40 && !/["\\\n]/.test(value) && !isUnstableName(value.replace(/\s+/g, '-'));
}

/** The stable class names of an element, at most three. */
export function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => !isUnstableName(c) && /^[A-Za-z][\w-]*$/.test(c)).slice(0, 3);
}
