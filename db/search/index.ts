import { authorize, can, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { SearchResults } from '../../electron/api/search';
import { searchAreas } from './areas';
import { searchBuildings } from './buildings';
import { searchResidents } from './residents';
import { searchText, streetPrefix } from './text';

/**
 * `search.all`: the header's search box. Grid workers find only what lies in their grids;
 * accounts that may not see residents (no 「查看人员」) get no resident results.
 */
export function searchAll(ctx: ServiceContext, input: { text: string; limit: number }): SearchResults {
  authorize(ctx.actor, 'buildings.read');
  const { sqlite } = ctx;
  const q = searchText(input.text);
  const scope = gridScope(ctx.actor);
  return {
    text: q.text,
    communities: searchAreas(sqlite, 'communities', q, scope, input.limit),
    grids: searchAreas(sqlite, 'grids', q, scope, input.limit),
    compounds: searchAreas(sqlite, 'compounds', q, scope, input.limit),
    buildings: searchBuildings(sqlite, q, streetPrefix(sqlite), scope, input.limit),
    residents: can(ctx.actor, 'people.read') ? searchResidents(sqlite, q, scope, input.limit) : null,
  };
}
