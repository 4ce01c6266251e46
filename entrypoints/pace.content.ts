import { browser } from 'wxt/browser';
import { Injector } from '@/lib/page/inject';
import { observe } from '@/lib/page/observe';

export default defineContentScript({
  matches: ['https://trade.pocketful.in/*', 'https://pacetrader.pacefin.in/*'],
  runAt: 'document_idle',
  main(ctx) {
    const venue = location.hostname === 'trade.pocketful.in' ? 'pocketful' : 'pacetrader';
    const injector = new Injector(venue, { send: (m) => browser.runtime.sendMessage(m) });
    observe(() => injector.scan(), ctx.signal);
    ctx.onInvalidated(() => injector.destroy());
  },
});
