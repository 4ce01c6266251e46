import { pacetraderRecipe } from '@/lib/page/recipes/pacetrader';
import { pocketfulRecipe } from '@/lib/page/recipes/pocketful';
import { startPage } from '@/lib/page/run';

// Pocketful and PaceTrader: one web terminal (Tradelab OMS), two hosts.
export default defineContentScript({
  matches: ['https://pacetrader.pacefin.in/*', 'https://trade.pocketful.in/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage(location.hostname === 'trade.pocketful.in' ? 'pocketful' : 'pacetrader', ctx, [pocketfulRecipe, pacetraderRecipe]);
  },
});
