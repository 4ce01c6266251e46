// Pages that attack the controls (issue 13), for tests/e2e/both/hostile*.test.ts. What a page script
// can do at any time the tests do with evaluate(); these are the attacks that must be in place
// before the content script runs, or that need a host of their own:
//   /hostile/tag-first   the Pocketful order book, whose own script first registers custom elements
//                        under the names a control could take and grabs every shadow root and
//                        ElementInternals their constructors can get;
//   help.tradernet.com, blog.freedom24.com   a venue's non-trading subdomains (a help centre, a
//                        blog) showing an order table: no content script may run there.
import type { VenuePage } from './index';
import { pocketful } from './pace';
import { spaPage, type SpaPageOptions } from './spa';
import { tradernet } from './tradernet';

const GRAB = `<script>
window.__grabbed = [];
for (const name of ['qc-cancel', 'quick-cancel', 'qc-control', 'quickcancel-control']) {
  customElements.define(name, class extends HTMLElement {
    constructor() {
      super();
      try { const internals = this.attachInternals(); window.__grabbed.push({ name, internals, root: internals.shadowRoot }); } catch (e) { window.__grabbed.push({ name, error: String(e) }); }
    }
  });
}
</script>`;

const tagFirst: SpaPageOptions = { ...pocketful, title: 'Orders (registers names first)', body: `${GRAB}${pocketful.body}` };

export const hostilePages: VenuePage[] = [
  { venue: 'pocketful', hosts: ['trade.pocketful.in'], pathPrefix: '/hostile/tag-first', fixture: tagFirst, html: () => spaPage(tagFirst) },
  { venue: 'tradernet', hosts: ['help.tradernet.com', 'blog.freedom24.com'], pathPrefix: '/', fixture: tradernet, html: () => spaPage(tradernet) },
];
