import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StoredFile } from '../files/store';
import { tableSheet, writeXlsxExport } from '../files/xlsx-export';
import { KIND_WORDS } from './words';

export const TEMPLATE_HEADERS = ['姓名', '性别', '出生日期', '联系电话', '身份证号', '志愿者类型', '单位', '社区', '楼栋', '特长'];

/** The sign-up sheet to hand out: the importer's headers, one example row, and what each column takes. */
export async function volunteerTemplate(ctx: ServiceContext, now: number): Promise<StoredFile> {
  authorize(ctx.actor, 'volunteers.edit');
  const example = ['张三', '男', '1990年1月2日', '13812345678', '', '群众志愿者', '', '', '3号楼2单元', '驾驶、电工'];
  return writeXlsxExport(ctx, {
    fileName: '志愿者报名表模板.xlsx',
    now,
    sheets: [
      tableSheet<string[]>({
        name: '报名表',
        columns: TEMPLATE_HEADERS.map((header, i) => ({ header, width: i === 4 ? 22 : 14, value: (r) => r[i] })),
        count: 1,
        chunks: () => [[example]],
        phase: '写入模板',
      }),
    ],
    notes: [
      ['必填', '姓名、联系电话；性别可由身份证号推出'],
      ['身份证号', '请先把这一列设为“文本”，否则 Excel 会把 18 位号码改坏'],
      ['出生日期', '1990年1月2日、1990.1.2、1990/01/02 或 19900102'],
      ['志愿者类型', Object.values(KIND_WORDS).join('、')],
      ['单位', '在职党员报到、下沉干部必填'],
      ['特长', '多个用顿号分开，须在特长列表里'],
    ],
  });
}
