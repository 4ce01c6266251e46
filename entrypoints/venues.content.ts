import { startPage } from '@/lib/page/runtime/run';
import { pageForHost, venuePages } from '@/lib/venues/pages';

// One content script for every venue's trading pages (matches derived from each venue's page.ts);
// the host says which venue this page is.
export default defineContentScript({
  matches: venuePages.flatMap((p) => p.matches),
  runAt: 'document_idle',
  main(ctx) {
    const page = pageForHost(location.hostname);
    if (page) startPage(page, ctx);
  },
});
