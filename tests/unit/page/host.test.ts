// The control's host: a built-in element a page can neither pre-register nor restyle for long.
import { describe, expect, it } from 'vitest';
import { HOST_ATTR, makeHost } from '../../../lib/page/runtime/host';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the control host', () => {
  it('is a span with a closed root and its own !important inline style, and nothing else in the page’s DOM', () => {
    const { host, shadow } = makeHost();
    expect(host.tagName).toBe('SPAN');
    expect(host.shadowRoot).toBeNull();
    expect(shadow.mode).toBe('closed');
    expect([...host.attributes].map((a) => a.name).sort()).toEqual([HOST_ATTR, 'style']);
    for (const name of ['opacity', 'filter', 'transform', 'position', 'pointer-events', 'width', 'height']) {
      expect(host.style.getPropertyPriority(name), name).toBe('important');
    }
    expect(host.style.getPropertyValue('opacity')).toBe('1');
  });

  it('puts its style back, and drops any attribute a page script adds', async () => {
    const { host } = makeHost();
    document.body.append(host);
    const before = host.getAttribute('style');
    host.style.setProperty('opacity', '0.01', 'important');
    host.setAttribute('class', 'bait');
    host.setAttribute('hidden', '');
    host.setAttribute('tabindex', '0');
    await flush();
    expect(host.getAttribute('style')).toBe(before);
    expect([...host.attributes].map((a) => a.name).sort()).toEqual([HOST_ATTR, 'style']);
    host.remove();
  });
});
