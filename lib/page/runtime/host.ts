// The control's host: a built-in element (a page can define no custom element of that name first,
// so no constructor of the page's runs on it and attachInternals() cannot hand it the closed
// root), styled by its own inline `!important` rules, which beat any page stylesheet. A page
// script can still rewrite the style attribute: an observer puts it back at once, and the click
// check compares the computed style too, for the moment in between.

/** The marker tests and the injector find controls by; it says nothing of the control's state. */
export const HOST_ATTR = 'data-quickcancel';
export const HOST_SELECTOR = `[${HOST_ATTR}]`;
export const HOST_WIDTH = 88;
export const HOST_HEIGHT = 22;

/** The room the host takes in a row (and the room a control leaves behind: room.ts). */
export const HOST_BOX = `display:inline-block;vertical-align:middle;box-sizing:border-box;width:${HOST_WIDTH}px;height:${HOST_HEIGHT}px;margin:0 4px;padding:0;border:0;`;

// Every property a page could use to hide, fade, shrink, stretch, move or cover the host.
const HOST_STYLE = `${HOST_BOX}position:static;float:none;min-width:${HOST_WIDTH}px;min-height:${HOST_HEIGHT}px;max-width:${HOST_WIDTH}px;max-height:${HOST_HEIGHT}px;opacity:1;visibility:visible;filter:none;backdrop-filter:none;mix-blend-mode:normal;transform:none;translate:none;scale:none;rotate:none;zoom:1;clip-path:none;mask:none;pointer-events:auto;z-index:auto;contain:strict;content-visibility:visible;overflow:hidden;cursor:pointer;`;

/** The computed values a page could change to hide the host, and what they must be. */
const HOST_COMPUTED = 'opacity:1;visibility:visible;filter:none;transform:none;clip-path:none;position:static;pointer-events:auto;mix-blend-mode:normal'
  .split(';')
  .map((pair) => pair.split(':') as [string, string]);

// The style attribute as this browser serialises it: compared whole, and written only when it
// differs, so that the observer's own write is no news to it.
let expected: string | undefined;
function styleText(): string {
  if (expected === undefined) {
    const probe = document.createElement('span');
    probe.style.cssText = HOST_STYLE.replace(/;/g, '!important;');
    expected = probe.style.cssText;
  }
  return expected;
}

function assertStyle(host: HTMLElement) {
  for (const attr of [...host.attributes]) if (attr.name !== 'style' && attr.name !== HOST_ATTR) host.removeAttribute(attr.name);
  const text = styleText();
  if (host.style.cssText !== text) host.style.cssText = text;
}

// One observer for every host: a page script that writes the style attribute (or adds hidden,
// inert, popover, tabindex…) gets it undone before the next frame.
let guard: MutationObserver | undefined;
const guarding = new WeakSet<Element>();

export function makeHost(): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('span');
  host.setAttribute(HOST_ATTR, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  assertStyle(host);
  if (typeof MutationObserver === 'function') {
    guard ??= new MutationObserver((records) => {
      for (const r of records) if (guarding.has(r.target as Element)) assertStyle(r.target as HTMLElement);
    });
    guarding.add(host);
    guard.observe(host, { attributes: true });
  }
  return { host, shadow };
}

/** Why the host does not look as it was made to (a page rewrote it just now), after restoring it. */
export function hostTampered(host: HTMLElement): boolean {
  const computed = getComputedStyle(host);
  for (const [name, value] of HOST_COMPUTED) {
    if (computed.getPropertyValue(name) !== value) {
      assertStyle(host);
      return true;
    }
  }
  return false;
}
