// The room a control leaves. A control is taller than a line of table text, so a row that loses
// its control (its order closed) would shrink, and the rows under the trader's pointer would jump
// — seconds after the page itself showed the order closed, when the venue's list says so, and for
// every order cancelled since, at once. The control leaves an empty box of its own size instead,
// and a row the page draws anew for that order gets one too: the broker's table keeps its shape
// until the page itself drops the row.
import { HOST_BOX } from './host';

/** The marker of a room (never a control's: tests and the injector tell them apart). */
const ROOM_ATTR = 'data-quickcancel-room';
const ROOM_SELECTOR = `[${ROOM_ATTR}]`;

/** The injector's record of its own nodes: adding or taking out a room is no news to its observer. */
export interface OwnNodes {
  hosts: WeakSet<Node>;
  retired: WeakSet<Node>;
}

export class Rooms {
  /** Orders whose control left a row the page kept. */
  private readonly keys = new Set<string>();

  constructor(private readonly own: OwnNodes) {}

  /** The control of this order leaves its row for good (the order closed): its room takes its place. */
  leave(host: Element, key: string): void {
    if (!host.parentNode) return;
    this.keys.add(key);
    host.replaceWith(this.make());
  }

  /**
   * A row that shows this order, closed, with no control: the room, if the order had a control
   * (`hadControl`: in a row the page just replaced, say) or its control left one.
   */
  keep(slot: Element, key: string, hadControl: boolean): void {
    if (hadControl) this.keys.add(key);
    if (this.keys.has(key) && !slot.querySelector(ROOM_SELECTOR)) slot.append(this.make());
  }

  /** A control is put in this row: it takes the room's place. */
  clear(row: Element): void {
    for (const room of row.querySelectorAll(ROOM_SELECTOR)) this.remove(room);
  }

  /** QuickCancel leaves the page (these are the rows it read): no room stays behind. */
  clearAll(rows: Iterable<Element>): void {
    for (const row of rows) this.clear(row);
    this.keys.clear();
  }

  private make(): Element {
    const room = document.createElement('span');
    room.setAttribute(ROOM_ATTR, '');
    room.setAttribute('aria-hidden', 'true');
    room.setAttribute('style', HOST_BOX);
    this.own.hosts.add(room);
    return room;
  }

  private remove(room: Element) {
    this.own.retired.add(room);
    room.remove();
  }
}
