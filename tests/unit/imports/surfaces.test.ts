import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../db/auth/vault';
import { commitFile, reserveFile } from '../../../db/files/store';
import { FAST_KDF, makeRuntime, PASSWORD, signIn } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';
import { HEADER, xlsx } from './fixture';
import { ADMIN as ADMIN_ACTOR } from '../helpers/actors';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FILE = [HEADER, ['watch', '观察', 'Watch', '#1677ff', 5], ['pink', '粉色', 'Pink', '粉红', 7]];

function griddesk(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRIDDESK_PASSWORD: PASSWORD },
  });
}

function statusKeys(dataDir: string): string[] {
  const vault = new Vault(dataDir, { kdf: FAST_KDF });
  try {
    vault.login('admin', PASSWORD);
    return vault.requireOpen().opened.sqlite.prepare('SELECT key FROM status_definitions ORDER BY key').pluck().all() as string[];
  } finally {
    vault.close();
  }
}

describe('imports through the contract (encrypted runtime, real sessions)', () => {
  it('stages an upload, previews it, applies it once, reports the rejected rows, and keeps others out', async () => {
    const t = makeRuntime();
    try {
      const admin = await signIn(t.runtime, 'admin');
      const adminId = t.runtime.vault.requireOpen().opened.sqlite.prepare(`SELECT id FROM accounts WHERE username = 'admin'`).pluck().get() as string;
      const { id, path } = reserveFile(t.dataDir);
      writeFileSync(path, await xlsx(FILE));
      commitFile(t.dataDir, id, { name: '状态.xlsx', kind: 'upload', ownerId: adminId });

      const staff = await signIn(t.runtime, 'zhiban');
      expect(await staff.reply('imports.stage', { kind: 'statuses', fileId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // Only the integrity check that follows every sign-in: the refused import started no job.
      expect(t.runtime.jobs.list(ADMIN_ACTOR).filter((job) => job.kind !== 'database.check')).toEqual([]);
      expect(await admin.sendUntyped('imports.stage', { kind: 'households', fileId: id })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'kind' } });

      const staged = await admin.callJob('imports.stage', { kind: 'statuses', fileId: id });
      expect(staged).toMatchObject({ status: 'ready', counts: { total: 2, create: 1, reject: 1 } });
      const run = staged.id;
      expect(await admin.call('imports.preview', { id: run, outcome: 'reject' })).toMatchObject({
        total: 1,
        rows: [{ rowNo: 3, outcome: 'reject', problems: [{ column: '颜色', reason: '颜色须为 #rrggbb（填写的是「粉红」）' }] }],
      });
      expect(await staff.reply('imports.get', { id: run })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await admin.callJob('imports.apply', { id: run })).toMatchObject({ status: 'applied' });
      await expect(admin.callJob('imports.apply', { id: run })).rejects.toThrowError(/CONFLICT .*不能再次应用/);
      expect((await admin.call('statuses.list')).map((d) => d.key)).toContain('watch');
      const report = await admin.call('imports.report', { id: run });
      const job = await t.runtime.jobs.wait(report.id);
      expect(job).toMatchObject({ state: 'done', kind: 'imports.report', file: { name: '状态-未通过的行.xlsx' }, result: { rows: 1 } });
      expect(await admin.call('imports.list')).toMatchObject([{ id: run, status: 'applied' }]);
    } finally {
      t.runtime.close();
    }
  });
});

describe('griddesk import', () => {
  it('previews, writes a report, applies only with --apply, and exits 0 / 2 / 1', async () => {
    const t = makeRuntime();
    t.runtime.close();
    const dir = tempDir('griddesk-import-cli-');
    const file = join(dir, '状态.xlsx');
    writeFileSync(file, await xlsx(FILE));
    const before = statusKeys(t.dataDir);

    const preview = griddesk(['import', 'statuses', file, '--data-dir', t.dataDir, '--report', join(dir, '报告.xlsx')]);
    expect(preview.stderr).toBe('读取文件：3 行\n检查数据：2 行\n');
    expect(preview.stdout).toContain('状态列表：共 2 行 — 新增 1，更新 0，无变化 0，冲突 0，未通过 1');
    expect(preview.stdout).toContain('第 3 行 未通过：颜色：颜色须为 #rrggbb（填写的是「粉红」）');
    expect(preview.stdout).toContain('没有写入任何数据');
    expect(preview.status).toBe(2);
    expect(statusKeys(t.dataDir)).toEqual(before);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(join(dir, '报告.xlsx'));
    expect(report.worksheets[0]!.getRow(2).values).toEqual([undefined, 3, '未通过', '颜色：颜色须为 #rrggbb（填写的是「粉红」）', 'pink', '粉色', 'Pink', '粉红', '7']);

    const applied = griddesk(['import', 'statuses', file, '--data-dir', t.dataDir, '--apply']);
    expect(applied.stdout).toContain('已导入：新增 1 行，更新 0 行');
    expect(applied.status).toBe(2);
    expect(statusKeys(t.dataDir)).toEqual([...before, 'watch'].sort());

    const clean = join(dir, '干净.csv');
    writeFileSync(clean, '代码,名称,英文名称,颜色,等级\nquiet,静默,Quiet,#eeeeee,2\n');
    expect(griddesk(['import', 'statuses', clean, '--data-dir', t.dataDir]).status).toBe(0);

    const broken = join(dir, '坏.xlsx');
    writeFileSync(broken, 'PK\u0003\u0004 not really');
    const failed = griddesk(['import', 'statuses', broken, '--data-dir', t.dataDir]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('不是有效的 Excel（.xlsx）文件');
    expect(existsSync(join(dir, '报告.xlsx'))).toBe(true);
  });
});
