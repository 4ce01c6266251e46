// Rows of a big batch (a first pass on a big book, a whole list re-rendered) wait here until they
// come near the view, so a first pass reads what is on screen and not 5,000 rows at once.

export class InViewQueue {
  /** Each waiting row → the element watched for it (a row with `display: contents` has no box; its first cell does). */
  private readonly watched = new Map<Element, Element>();
  private readonly rowOf = new WeakMap<Element, Element>();
  private io: IntersectionObserver | undefined;

  constructor(private readonly onSeen: (rows: Element[]) => void) {}

  get size(): number {
    return this.watched.size;
  }

  has(row: Element): boolean {
    return this.watched.has(row);
  }

  rows(): Iterable<Element> {
    return this.watched.keys();
  }

  add(row: Element): void {
    this.io ??= new IntersectionObserver((entries) => this.seen(entries), { rootMargin: '200px' });
    const target = row.firstElementChild ?? row;
    this.watched.set(row, target);
    this.rowOf.set(target, row);
    this.io.observe(target);
  }

  remove(row: Element): void {
    const target = this.watched.get(row);
    if (!target) return;
    this.watched.delete(row);
    this.io!.unobserve(target);
  }

  clear(): void {
    this.io?.disconnect();
    this.watched.clear();
  }

  private seen(entries: IntersectionObserverEntry[]) {
    const rows: Element[] = [];
    for (const entry of entries) {
      const row = entry.isIntersecting ? this.rowOf.get(entry.target) : undefined;
      if (row && this.watched.get(row) === entry.target) rows.push(row);
    }
    this.onSeen(rows);
  }
}
