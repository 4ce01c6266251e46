// History export, built here from the journal entries the page already reads: no round trip, and
// nothing in it that the journal does not hold (the journal never holds secrets).
import type { JournalEntry } from '@/lib/model';
import { fillCell } from '@/lib/outcome-text';

export const CSV_COLUMNS = [
  'startedAt', 'venue', 'orderId', 'status', 'filled', 'message', 'symbol', 'side', 'quantity', 'price',
  'latencyMs', 'attempts', 'source', 'id',
] as const;

/**
 * A cell a spreadsheet would run as a formula: = + - @ (or their full-width forms, which some
 * spreadsheets fold) first, even after leading whitespace or line breaks, which they skip.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** RFC 4180 quoting; a would-be formula is defused with a leading apostrophe. */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries: JournalEntry[]): string {
  const rows = entries.map((e) =>
    CSV_COLUMNS.map((c) => csvCell(c === 'startedAt' ? new Date(e.startedAtMs).toISOString() : c === 'filled' ? fillCell(e) : e[c])).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

export function toJson(entries: JournalEntry[]): string {
  return JSON.stringify(entries, null, 2);
}

export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
