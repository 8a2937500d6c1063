import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { gridLabelSql, terms } from '../../../messages';

export type Selection =
  | { kind: 'buildings'; ids: string[] }
  | { kind: 'grid'; id: string }
  | { kind: 'compound'; id: string }
  | { kind: 'community'; id: string };

/** A building as a change needs it: where it is and what it has now. */
export interface SelectedBuilding {
  id: string;
  grid_id: string;
  status: string;
  status_until: number | null;
  hlc: string;
}

export interface ResolvedSelection {
  buildings: SelectedBuilding[];
  /** What was selected, in words, e.g. 「网格 永安西里社区 · 第3网格（42 栋）」. */
  label: string;
}

const COLUMNS = 'b.id, b.grid_id, b.status, b.status_until, b.hlc';

const AREAS = {
  grid: {
    term: terms.grid,
    name: `SELECT ${gridLabelSql('m.name', 'g.name')} FROM grids g JOIN communities m ON m.id = g.community_id WHERE g.id = ? AND g.deleted = 0`,
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.grid_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
  compound: {
    term: terms.compound,
    name: 'SELECT name FROM compounds WHERE id = ? AND deleted = 0',
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.compound_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
  community: {
    term: terms.community,
    name: 'SELECT name FROM communities WHERE id = ? AND deleted = 0',
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.community_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
} as const;

const NOTHING = () => new ServiceError('INVALID_INPUT', 'selection.empty', {}, 'selection');

/** The buildings a selection stands for; unknown ids are NOT_FOUND (up to 5 named), an empty one INVALID_INPUT. */
export function resolveSelection(ctx: ServiceContext, selection: Selection): ResolvedSelection {
  if (selection.kind === 'buildings') {
    const ids = [...new Set(selection.ids)];
    if (ids.length === 0) throw NOTHING();
    const rows = ctx.sqlite
      .prepare<unknown[], SelectedBuilding>(`SELECT ${COLUMNS} FROM buildings b WHERE b.id IN (SELECT value FROM json_each(?)) AND b.deleted = 0 ORDER BY b.id`)
      .all(JSON.stringify(ids));
    if (rows.length < ids.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      const named = missing.slice(0, 5).join('、') + (missing.length > 5 ? ` 等 ${missing.length} 个` : '');
      throw new ServiceError('NOT_FOUND', 'selection.missingBuildings', { names: named }, 'selection.ids');
    }
    return { buildings: rows, label: `选择 ${rows.length} 栋` };
  }
  const area = AREAS[selection.kind];
  const name = ctx.sqlite.prepare<unknown[], string>(area.name).pluck().get(selection.id);
  if (name === undefined) throw new ServiceError('NOT_FOUND', 'selection.areaNotFound', { what: area.term, id: selection.id }, 'selection.id');
  const rows = ctx.sqlite.prepare<unknown[], SelectedBuilding>(area.buildings).all(selection.id);
  if (rows.length === 0) throw new ServiceError('INVALID_INPUT', 'selection.areaEmpty', { what: area.term, name }, 'selection');
  return { buildings: rows, label: `${area.term['zh-CN']} ${name}（${rows.length} 栋）` };
}
