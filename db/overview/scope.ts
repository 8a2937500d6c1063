/** `@scope` for the overview's queries: a grid worker's grids as JSON, or null for the whole street. */
export function scopeParam(scope: readonly string[] | null): string | null {
  return scope ? JSON.stringify(scope) : null;
}

/** Keeps a query to the buildings `b` of the scope. */
export const IN_SCOPE = `(@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))`;
