import { copyFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServiceContext } from '../../db/context';
import { commitFile, openStoredFile, reserveFile } from '../../db/files/store';
import { directJob } from '../../db/imports/direct-job';
import { reasonText } from '../../db/imports/report';
import { discardImport, previewImport } from '../../db/imports/service';
import { OUTCOME_LABELS, type ImportOutcome } from '../../db/imports/types';
import { importKinds } from '../api/imports';
import { importerOf, importJobs } from '../rpc/domains/import-kinds';
import { defaultDataDir } from '../data-dir';
import { unlockForCli } from './unlock';

export const IMPORT_USAGE = `  import <种类> 文件   从 Excel（.xlsx）或 CSV 导入；种类：${importKinds.join(' / ')}
         先预览：列出新增、更新、无变化、冲突、未通过的行数，以及每个未通过的行（行号、列、原因）
         --data-dir DIR  --user 用户名（默认 admin）  --sheet 工作表名（默认第一张）
         --apply          预览后写入（只写新增和更新的行，一次写完，失败则什么也不写）
         --report OUT.xlsx  把未通过和冲突的行写成 Excel 报告
         密码从环境变量 GRIDDESK_PASSWORD 或标准输入读取
         退出码：0 全部通过；2 有未通过或冲突的行（不加 --apply 时什么也没写）；1 出错`;

const PAGE = 200;

function* problemRows(ctx: ServiceContext, id: string, outcome: ImportOutcome) {
  for (let page = 1; ; page++) {
    const { rows } = previewImport(ctx, importerOf, { id, outcome, page, pageSize: PAGE });
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

/** `griddesk import statuses FILE …`: preview, optionally a report, optionally apply. */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      user: { type: 'string', default: 'admin' },
      sheet: { type: 'string' },
      apply: { type: 'boolean', default: false },
      report: { type: 'string' },
    },
    strict: true,
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !(importKinds as readonly string[]).includes(kind)) throw new Error(`请给出导入的种类：${importKinds.join(' / ')}，收到「${kind ?? ''}」`);
  if (!file || extra.length > 0) throw new Error('请给出一个要导入的文件，如：griddesk import statuses 状态.xlsx');
  if (!existsSync(file)) throw new Error(`找不到文件 ${file}`);
  const { vault, actor } = unlockForCli(values['data-dir'] ?? defaultDataDir(), values.user);
  try {
    const ctx = vault.requireOpen().context(actor);
    const job = directJob(ctx, (phase, done, total) => {
      if (total > 0 && done === total) process.stderr.write(`${phase}：${done} 行\n`);
    });
    const { id: fileId, path } = reserveFile(job.dataDir);
    copyFileSync(file, path);
    commitFile(job.dataDir, fileId, { name: basename(file), kind: 'upload', ownerId: actor.id });
    const run = await importJobs.stage(ctx, { kind, fileId, ...(values.sheet ? { sheet: values.sheet } : {}) }, job);
    if (run.status === 'needs_mapping') {
      for (const p of run.problems) console.error(p);
      console.error(`表头：${run.headers.join('、')}。请把列名改为上面所说的名称后再导入`);
      discardImport(ctx, importerOf, { id: run.id });
      return 1;
    }
    const c = run.counts;
    console.log(
      `${run.title}：共 ${c.total} 行 — ${(['create', 'update', 'unchanged', 'conflict', 'reject'] as const).map((o) => `${OUTCOME_LABELS[o]} ${c[o]}`).join('，')}`,
    );
    for (const outcome of ['reject', 'conflict'] as const) {
      for (const row of problemRows(ctx, run.id, outcome)) console.log(`第 ${row.rowNo} 行 ${OUTCOME_LABELS[outcome]}：${reasonText(row.problems)}`);
    }
    if (values.report) {
      const report = await importJobs.report(ctx, { id: run.id }, job);
      copyFileSync(openStoredFile(job.dataDir, report.fileId, actor).path, values.report);
      console.log(`已写出报告 ${values.report}（${report.rows} 行）`);
    }
    if (values.apply) {
      await importJobs.apply(ctx, { id: run.id }, job);
      console.log(`已导入：新增 ${c.create} 行，更新 ${c.update} 行`);
    } else {
      discardImport(ctx, importerOf, { id: run.id });
      console.log('这是预览，没有写入任何数据；加 --apply 写入');
    }
    return c.reject + c.conflict > 0 ? 2 : 0;
  } finally {
    vault.close();
  }
}
