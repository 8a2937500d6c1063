import type { z } from 'zod';
import { ServiceError } from '../errors';
import { parseRow } from '../imports/parse-row';
import type { FieldProblem, Importer, RowMatch } from '../imports/types';
import { definitionByKey } from './definitions';
import { checkStatusChange, writeStatus, type SaveStatusInput } from './save';

const YES = new Set(['是', '停用', '已停用', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '启用', '正常', 'n', 'no', 'false', '0']);

/**
 * The status list (状态设置) from a spreadsheet: one row per status, keyed by its code. A row is
 * checked with `schema` — the `statuses.save` input schema, so a cell is held to exactly the rules
 * of the form — and written through `checkStatusChange` / `writeStatus`, the rules of `saveStatus`.
 * An empty 英文名称 or 停用 cell keeps what the status has (a new one: no English name is refused,
 * 停用 is 否).
 */
export function statusImporter(schema: z.ZodType<SaveStatusInput>): Importer<SaveStatusInput> {
  return {
    kind: 'statuses',
    title: '状态列表',
    permission: 'statuses.configure',
    domains: ['statuses', 'buildings'],
    fields: [
      { key: 'key', label: '代码', required: true, unique: true, aliases: ['状态代码', '编码', 'code', 'key'], hint: '小写字母开头，如 watch' },
      { key: 'label', label: '名称', required: true, unique: true, aliases: ['状态名称', '名字', 'name', 'label'] },
      { key: 'labelEn', label: '英文名称', required: false, aliases: ['英文名', '英文', 'english', 'label_en'], hint: '新增的状态必填；已有的状态留空则保留原英文名称' },
      { key: 'color', label: '颜色', required: true, aliases: ['颜色代码', '色值', 'colour', 'color'], hint: '#RRGGBB' },
      { key: 'rank', label: '等级', required: true, aliases: ['级别', '严重程度', 'rank', 'level'], hint: '0 为基准（正常），1–100 越大越严格' },
      { key: 'retired', label: '停用', required: false, aliases: ['是否停用', '状态', '启用状态', 'retired'], hint: '是 / 否' },
    ],

    check(ctx, cells) {
      const existing = cells.key ? definitionByKey(ctx, cells.key) : null;
      const problems: FieldProblem[] = [];
      let retired = existing?.retired ?? false;
      if (cells.retired) {
        const said = cells.retired.toLowerCase();
        if (YES.has(said)) retired = true;
        else if (NO.has(said)) retired = false;
        else problems.push({ field: 'retired', reason: `须填「是」或「否」（填写的是「${cells.retired}」）` });
      }
      const color = cells.color && /^[0-9a-f]{6}$/i.test(cells.color) ? `#${cells.color}` : cells.color;
      const rank = cells.rank ? Number(cells.rank) : undefined;
      const parsed = parseRow(
        schema,
        { key: cells.key, label: cells.label, labelEn: cells.labelEn || existing?.labelEn || '', color, rank, retired },
        cells,
      );
      if (problems.length > 0) return { ok: false, problems: [...(parsed.ok ? [] : parsed.problems), ...problems] };
      return parsed;
    },

    match(ctx, value): RowMatch {
      let existing;
      try {
        existing = checkStatusChange(ctx, value);
      } catch (err) {
        if (err instanceof ServiceError) return { outcome: 'conflict', problems: [{ field: err.field ?? null, reason: err.message }] };
        throw err;
      }
      if (!existing) return { outcome: 'create' };
      const same =
        existing.label === value.label &&
        existing.labelEn === value.labelEn &&
        existing.color === value.color.toLowerCase() &&
        existing.rank === value.rank &&
        existing.retired === value.retired;
      return { outcome: same ? 'unchanged' : 'update' };
    },

    write(ctx, value) {
      writeStatus(ctx, value, checkStatusChange(ctx, value));
    },
  };
}
