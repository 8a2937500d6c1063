import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { SafeCompound } from '../../electron/api/status';

interface Row {
  id: string;
  compound_id: string;
  compound_name: string;
  grid_name: string;
  granted_at: number;
  criteria: string;
  note: string | null;
  granted_by: string;
  lat: number | null;
  lng: number | null;
  grid_lat: number;
  grid_lng: number;
}

const SELECT = `
  SELECT s.id, s.compound_id, c.name AS compound_name, g.name AS grid_name, s.granted_at, s.criteria, s.note, s.granted_by,
         (SELECT avg(b.centroid_lat) FROM buildings b WHERE b.compound_id = c.id AND b.deleted = 0) AS lat,
         (SELECT avg(b.centroid_lng) FROM buildings b WHERE b.compound_id = c.id AND b.deleted = 0) AS lng,
         g.label_lat AS grid_lat, g.label_lng AS grid_lng
    FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id JOIN grids g ON g.id = c.grid_id
   WHERE s.deleted = 0 AND s.revoked_at IS NULL AND c.deleted = 0`;

function parseCriteria(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function safeCompoundOf(r: Row): SafeCompound {
  return {
    id: r.id,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    gridName: r.grid_name,
    grantedAt: r.granted_at,
    criteria: parseCriteria(r.criteria),
    note: r.note,
    grantedBy: r.granted_by,
    flagAt: r.lat !== null && r.lng !== null ? [r.lat, r.lng] : [r.grid_lat, r.grid_lng],
  };
}

export function readSafeCompound(ctx: ServiceContext, id: string): SafeCompound | null {
  const row = ctx.sqlite.prepare<unknown[], Row>(`${SELECT} AND s.id = ?`).get(id);
  return row ? safeCompoundOf(row) : null;
}

/** `compounds.safeList`: the compounds holding the 放心楼院 designation now, latest granted first; the flag stands at their buildings' centre. */
export function listSafeCompounds(ctx: ServiceContext): SafeCompound[] {
  authorize(ctx.actor, 'buildings.read');
  const scope = gridScope(ctx.actor);
  const rows = ctx.sqlite
    .prepare<unknown[], Row>(`${SELECT} AND (@scope IS NULL OR c.grid_id IN (SELECT value FROM json_each(@scope))) ORDER BY s.granted_at DESC, s.id`)
    .all({ scope: scope ? JSON.stringify(scope) : null });
  return rows.map(safeCompoundOf);
}
