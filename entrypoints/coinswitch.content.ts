import { coinswitchRecipe } from '@/lib/page/recipes/coinswitch';
import { startPage } from '@/lib/page/run';

export default defineContentScript({
  matches: ['https://coinswitch.co/pro/*', 'https://pro.coinswitch.co/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage('coinswitch', ctx, [coinswitchRecipe]);
  },
});
