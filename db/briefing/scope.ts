export { IN_SCOPE, scopeParam } from '../overview/scope';

/** Keeps a query to the compounds `c` of the scope (`@scope` as in the overview). */
export const COMPOUND_IN_SCOPE = `(@scope IS NULL OR c.grid_id IN (SELECT value FROM json_each(@scope)))`;
