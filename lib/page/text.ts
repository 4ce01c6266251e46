/** A cell's visible text: nested markup flattened, non-breaking and repeated spaces collapsed. */
export function cellText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

const OPEN = /\b(open|new|pending|placed|confirmed|modconfirmed|modify[ _]confirmed|trigger[ _]pending|partially[ _](filled|executed)|amo[ _]req[ _]received|amo[ _]modify[ _]confirmed|working|active)\b/i;
const TERMINAL = /\b(filled|executed|complete|completed|cancell?ed|rejected|expired|discarded)\b/i;

/** Open-like words win over terminal ones ("partially filled" is open); no status means cancellable. */
export function isCancellableStatus(status: string | undefined): boolean {
  if (!status) return true;
  if (OPEN.test(status)) return true;
  return !TERMINAL.test(status);
}
