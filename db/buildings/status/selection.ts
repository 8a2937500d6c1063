import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';

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
  /** What was selected, in words, e.g. 「网格 永安西里社区第3网格（42 栋）」. */
  label: string;
}

const COLUMNS = 'b.id, b.grid_id, b.status, b.status_until, b.hlc';

const AREAS = {
  grid: {
    what: '网格',
    name: `SELECT m.name || g.name FROM grids g JOIN communities m ON m.id = g.community_id WHERE g.id = ? AND g.deleted = 0`,
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.grid_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
  compound: {
    what: '楼院',
    name: 'SELECT name FROM compounds WHERE id = ? AND deleted = 0',
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.compound_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
  community: {
    what: '社区',
    name: 'SELECT name FROM communities WHERE id = ? AND deleted = 0',
    buildings: `SELECT ${COLUMNS} FROM buildings b WHERE b.community_id = ? AND b.deleted = 0 ORDER BY b.id`,
  },
} as const;

const NOTHING = () => new ServiceError('INVALID_INPUT', '没有选中任何楼栋，请先在地图上圈选楼栋或选择网格、楼院、社区', 'selection');

/** The buildings a selection stands for; unknown ids are NOT_FOUND (up to 5 named), an empty one INVALID_INPUT. */
export function resolveSelection(ctx: ServiceContext, selection: Selection): ResolvedSelection {
  if (selection.kind === 'buildings') {
    const ids = [...new Set(selection.ids)];
    if (ids.length === 0) throw NOTHING();
    const rows = ctx.sqlite
      .prepare(`SELECT ${COLUMNS} FROM buildings b WHERE b.id IN (SELECT value FROM json_each(?)) AND b.deleted = 0 ORDER BY b.id`)
      .all(JSON.stringify(ids)) as SelectedBuilding[];
    if (rows.length < ids.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      const named = missing.slice(0, 5).join('、') + (missing.length > 5 ? ` 等 ${missing.length} 个` : '');
      throw new ServiceError('NOT_FOUND', `找不到以下楼栋（可能已被删除），请刷新地图后重新选择：${named}`, 'selection.ids');
    }
    return { buildings: rows, label: `选择 ${rows.length} 栋` };
  }
  const area = AREAS[selection.kind];
  const name = ctx.sqlite.prepare(area.name).pluck().get(selection.id) as string | undefined;
  if (name === undefined) throw new ServiceError('NOT_FOUND', `找不到所选的${area.what}（${selection.id}），可能已被删除，请刷新后再试`, 'selection.id');
  const rows = ctx.sqlite.prepare(area.buildings).all(selection.id) as SelectedBuilding[];
  if (rows.length === 0) throw new ServiceError('INVALID_INPUT', `没有选中任何楼栋：${area.what}「${name}」里没有楼栋`, 'selection');
  return { buildings: rows, label: `${area.what} ${name}（${rows.length} 栋）` };
}
