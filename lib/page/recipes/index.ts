// Every venue's recipe (each in its own file, tested on that venue's fixture page).
import type { VenueId } from '@/lib/model';
import type { Recipe } from '../types';
import { coinswitchRecipe } from './coinswitch';
import { pacetraderRecipe } from './pacetrader';
import { pocketfulRecipe } from './pocketful';
import { tradernetRecipe } from './tradernet';
import { zebpayFuturesRecipe } from './zebpay-futures';

export const recipes: Recipe[] = [pocketfulRecipe, pacetraderRecipe, zebpayFuturesRecipe, tradernetRecipe, coinswitchRecipe];

export function recipeFor(venue: VenueId): Recipe | undefined {
  return recipes.find((r) => r.venues.includes(venue));
}

