import { tradernetRecipe } from '@/lib/page/recipes/tradernet';
import { startPage } from '@/lib/page/run';

export default defineContentScript({
  matches: [
    'https://tradernet.com/*',
    'https://*.tradernet.com/*',
    'https://freedom24.com/*',
    'https://*.freedom24.com/*',
    'https://tradernet.global/*',
    'https://*.tradernet.global/*',
    'https://tradernet.kz/*',
    'https://*.tradernet.kz/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    startPage('tradernet', ctx, [tradernetRecipe]);
  },
});
