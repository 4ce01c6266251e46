// Every venue's recipe (each in its venue's folder, tested on that venue's fixture page).
import { pageOf } from '../../venues/pages';
import type { VenueId } from '@/lib/model';
import type { Recipe } from '../types';


export function recipeFor(venue: VenueId): Recipe | undefined {
  return pageOf[venue]?.recipe;
}
