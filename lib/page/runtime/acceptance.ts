// Whether a click on a control is one a person meant: the control was visibly drawn where the
// click landed (nothing faded, filtered, clipped, shrunk or drawn over it, not even a decoy with
// `pointer-events: none`, which hit testing looks through), and the pointer came to it rather than
// it to a resting pointer (double-clickjacking). A pointer's click is judged at its press
// (control.ts), and the expensive part is kept off both: where the browser has IntersectionObserver
// v2 (Chromium) it reports visibility asynchronously, and the press reads that verdict; elsewhere
// (Firefox), or before a verdict exists, the press looks itself. In Firefox it also looks every
// ~100 ms while the pointer rests on a control, so a decoy the page takes away the moment the user
// presses still counts, as it does for the browser's verdict.
// The browser judges each control when it is placed and again as the pointer comes onto it, so a
// person's press (a good 100 ms after the pointer arrives) finds a fresh verdict. What the verdict
// cannot see is a change in the last ~100 ms (the observer's delay): too short for a person to be
// shown a decoy and react to it.
import { HOST_HEIGHT, HOST_WIDTH, hostTampered } from './host';

export const REFUSAL = {
  hidden: 'Not sent: the control is hidden',
  faded: 'Not sent: the page fades or shrinks the control',
  covered: 'Not sent: something covers the control',
  /** IntersectionObserver v2's verdict (Chromium). */
  notVisible: 'Not sent: the browser says the control is not fully visible',
  /** Our own look under the control (Firefox, or before the browser's verdict). */
  drawnOver: 'Not sent: something is drawn over the control',
  sudden: 'Not sent: the control just appeared under the pointer; move onto it and click again',
} as const;

/** Set by unit tests only: happy-dom has neither trusted events nor layout. */
export const testHooks = { acceptUntrusted: false, ignoreLayout: false };

/** How long a control must have been under a resting pointer before a click on it counts. */
export const SETTLE_MS = 500;
const MIN_OPACITY = 0.75;
// Filters that can hide or wash out what is under them; hue and shadow changes leave it legible.
const HIDING_FILTER = /opacity|brightness|contrast|blur|url\(/;

const now = () => performance.now();
const spot = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)}`;

// --- the pointer's arrival ---------------------------------------------------------------------

interface Arrival {
  at: number;
  /** The pointer moved while over the control (not just the control under the pointer). */
  armed: boolean;
}
const keys = new WeakMap<Element, string>();
const arrivals = new WeakMap<Element, Arrival>();
/**
 * Where the pointer deliberately came onto each order's control: a row the page re-renders puts a
 * new (or the same) control in the same place, and the user resting on it keeps their aim.
 */
const aimed = new Map<string, string>();
let lastX = NaN;
let lastY = NaN;
let listening = false;

function hostIn(event: Event): Element | undefined {
  const target = event.target as Element | null;
  if (target && keys.has(target)) return target;
  for (const node of event.composedPath()) if (keys.has(node as Element)) return node as Element;
  return undefined;
}

function onPointer(event: PointerEvent) {
  if (!event.isTrusted) return;
  const moved = event.screenX !== lastX || event.screenY !== lastY;
  lastX = event.screenX;
  lastY = event.screenY;
  const host = hostIn(event);
  if (!host) return;
  const key = keys.get(host)!;
  if (event.type === 'pointerover') {
    const from = event.relatedTarget as Node | null;
    if (from && host.contains(from)) return;
    arrivals.set(host, { at: now(), armed: moved || aimed.get(key) === spot(host.getBoundingClientRect()) });
    lookWhileHovered(host);
  } else if (moved) {
    const arrival = arrivals.get(host);
    if (arrival && arrival.armed) return;
    arrivals.set(host, { at: arrival?.at ?? now(), armed: true });
  } else return;
  const here = spot(host.getBoundingClientRect());
  if (arrivals.get(host)!.armed) aimed.set(key, here);
  // The pointer is on its way to a click: if the rows moved since the browser last judged this
  // control, ask again now, so the verdict is there by the time a person presses (within a frame).
  if (event.type === 'pointerover' && verdicts.get(host)?.spot !== here) observe(host);
}

/** Where the pointer is on the screen, as the last trusted pointer event said. */
export const pointerAt = () => `${lastX},${lastY}`;

/** A control made (or re-made) for this order key; its arrivals are tracked from now on. */
export function track(host: Element, key: string): void {
  keys.set(host, key);
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    for (const type of ['pointerover', 'pointermove'] as const) window.addEventListener(type, onPointer, { capture: true, passive: true });
  }
}

/** The pointer reached the control on purpose, or the control has sat under it long enough. */
export function deliberate(host: Element): boolean {
  const arrival = arrivals.get(host);
  if (!arrival) return false;
  if (arrival.armed) return true;
  return now() - arrival.at >= SETTLE_MS;
}

// --- the browser's own visibility verdict (IntersectionObserver v2) ----------------------------

interface Verdict {
  visible: boolean;
  intersecting: boolean;
  time: number;
  spot: string;
}
const verdicts = new WeakMap<Element, Verdict>();
const placedAt = new WeakMap<Element, number>();
let io: IntersectionObserver | undefined;
export const hasTrackVisibility = () => typeof IntersectionObserverEntry === 'function' && 'isVisible' in IntersectionObserverEntry.prototype;

function record(entries: IntersectionObserverEntry[]) {
  for (const e of entries) {
    verdicts.set(e.target, { visible: (e as IntersectionObserverEntry & { isVisible: boolean }).isVisible, intersecting: e.isIntersecting, time: e.time, spot: spot(e.boundingClientRect) });
  }
}

/** A fresh verdict for this control: observing again is what makes the browser report it anew. */
function observe(host: Element) {
  if (!hasTrackVisibility()) return;
  io ??= new IntersectionObserver(record, { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit);
  io.unobserve(host);
  io.observe(host);
}

/**
 * The browser still sees this control whole: its latest verdict, which it keeps up to date as
 * the page changes (within the observer's delay), says so. Reads no style and no layout.
 */
export function stillSeen(host: Element): boolean {
  return !!latestVerdict(host)?.visible;
}

/** The browser's latest verdict on this control, if it speaks of the control on screen since it was put where it is. */
function latestVerdict(host: Element): Verdict | undefined {
  // Verdicts the browser has taken but not yet delivered count too.
  if (io) record(io.takeRecords());
  const verdict = verdicts.get(host);
  return verdict && verdict.intersecting && verdict.time >= (placedAt.get(host) ?? 0) ? verdict : undefined;
}

/** The control was put in its place now: what was seen of it before says nothing of it there. */
export function placed(host: Element): void {
  placedAt.set(host, now());
  observe(host);
}

export function forget(host: Element): void {
  io?.unobserve(host);
  verdicts.delete(host);
}

// --- our own look while the pointer rests on a control (Firefox: no IntersectionObserver v2) ----

/** What the last of those looks saw, and when. */
const looks = new WeakMap<Element, { covered: boolean; at: number }>();
let resting: Element | undefined;
/** A look that saw the control drawn over counts this long: a few looks, as a person aims and presses. */
const LOOK_COUNTS_MS = 300;

/**
 * While the pointer is on this control, looks under it again and again, 70–130 ms apart (a page
 * cannot tell when the next look comes): what the user saw just before pressing is what counts,
 * not only what the page shows at the press.
 */
function lookWhileHovered(host: Element) {
  if (hasTrackVisibility() || resting === host) return;
  resting = host;
  const look = (arriving: boolean) => {
    if (resting !== host) return;
    // As the pointer arrives, the browser has not marked the control hovered yet.
    if (!host.isConnected || (!arriving && !host.matches(':hover'))) {
      resting = undefined;
      return;
    }
    looks.set(host, { covered: drawnOver(host, pointsOf(host.getBoundingClientRect())), at: now() });
    setTimeout(() => look(false), 70 + Math.random() * 60);
  };
  look(true);
}

/** Where a look checks what is drawn: the pointer (if known), the centre and the corners. */
function pointsOf(r: DOMRect, x?: number, y?: number): Array<[number, number]> {
  const inset = 3;
  const points: Array<[number, number]> = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + inset, r.top + inset],
    [r.right - inset, r.top + inset],
    [r.left + inset, r.bottom - inset],
    [r.right - inset, r.bottom - inset],
  ];
  return x === undefined || y === undefined ? points : [[x, y], ...points];
}

// --- the look at click time --------------------------------------------------------------------

/** Where hit testing must be asked: the document, or the page's own shadow root the control sits in (the document's answer stops at its host). */
const treeOf = (host: Element) => host.getRootNode() as Document | ShadowRoot;

/** Whether this element itself draws something (a transparent empty layer over the page does not). */
function paints(el: Element): boolean {
  const cs = getComputedStyle(el);
  if (cs.visibility !== 'visible' || cs.opacity === '0') return false;
  // Anything but a plain box (an image, a canvas, a form control, SVG) draws.
  if (!(el instanceof HTMLDivElement || el instanceof HTMLSpanElement || el.constructor === HTMLElement)) return true;
  if (!/^(transparent|rgba\(.*, 0\))$/.test(cs.backgroundColor) || cs.backgroundImage !== 'none' || cs.boxShadow !== 'none') return true;
  if (cs.borderStyle !== 'none' && parseFloat(cs.borderWidth) > 0) return true;
  for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent!.trim()) return true;
  return false;
}

/**
 * Looks at what is drawn at these points with every element made hit-testable for a moment, so a
 * `pointer-events: none` layer shows up; the page's style is back before anything else runs.
 */
export function drawnOver(host: Element, points: Array<[number, number]>): boolean {
  const tree = treeOf(host);
  const lift = document.createElement('style');
  lift.textContent = '*{pointer-events:auto!important}';
  const inline = [document, tree].flatMap((t) => [...t.querySelectorAll<HTMLElement>('[style*="pointer-events" i]')]).map((el) => [el, el.getAttribute('style')] as const);
  for (const [el] of inline) el.style.setProperty('pointer-events', 'auto', 'important');
  const lifts = tree === document ? [lift] : [lift, lift.cloneNode(true) as Element];
  (document.head ?? document.documentElement).append(lift);
  if (lifts[1]) tree.append(lifts[1]);
  try {
    // A point where the control is not drawn at all (its cell clips a corner) says nothing.
    return points.some(([x, y]) => {
      let painted = false;
      for (const el of tree.elementsFromPoint(x, y)) {
        if (el === host) return painted;
        painted ||= paints(el);
      }
      return false;
    });
  } finally {
    for (const l of lifts) l.remove();
    for (const [el, style] of inline) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  }
}

/**
 * Why a click at (x, y) on this control must not act, or undefined when it may. `ownLook`: never
 * the browser's verdict (it calls the control hidden while the control's own menu is open).
 */
export function visibilityRefusal(host: HTMLElement, x: number, y: number, ownLook = false): string | undefined {
  if (!host.isConnected) return REFUSAL.hidden;
  if (hostTampered(host)) return REFUSAL.faded;
  const r = host.getBoundingClientRect();
  if (r.width < HOST_WIDTH * 0.75 || r.height < HOST_HEIGHT * 0.75 || r.width > HOST_WIDTH * 2 || r.height > HOST_HEIGHT * 2) return REFUSAL.faded;
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) return REFUSAL.hidden;
  if (typeof host.checkVisibility === 'function' && !host.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) {
    return REFUSAL.hidden;
  }
  let opacity = 1;
  for (let el: Element | null = host.parentElement; el; el = el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null)) {
    const cs = getComputedStyle(el);
    opacity *= parseFloat(cs.opacity);
    if (opacity < MIN_OPACITY || HIDING_FILTER.test(cs.filter) || cs.clipPath !== 'none' || (cs.maskImage || 'none') !== 'none' || cs.mixBlendMode !== 'normal') {
      return REFUSAL.faded;
    }
  }
  if (treeOf(host).elementFromPoint(x, y) !== host) return REFUSAL.covered;
  const verdict = ownLook ? undefined : latestVerdict(host);
  // And only when it was taken where the control is now.
  if (verdict && verdict.spot === spot(r)) {
    return verdict.visible ? undefined : REFUSAL.notVisible;
  }
  // Drawn over a moment ago, while the user looked at it: a decoy gone at the press still counts.
  const seen = ownLook ? undefined : looks.get(host);
  if (seen?.covered && now() - seen.at < LOOK_COUNTS_MS) return REFUSAL.drawnOver;
  return drawnOver(host, pointsOf(r, x, y)) ? REFUSAL.drawnOver : undefined;
}
