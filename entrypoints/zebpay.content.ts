import { zebpayFuturesRecipe } from '@/lib/page/recipes/zebpay-futures';
import { startPage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://zebpay.com/*', 'https://*.zebpay.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage('zebpay-futures', ctx, [zebpayFuturesRecipe]);
  },
});
