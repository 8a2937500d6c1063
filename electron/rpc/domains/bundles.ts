import { writeFileSync } from 'node:fs';
import type { ServiceContext } from '../../../db/context';
import { exportBundle, importBundle, type ExportRequest } from '../../../db/bundles/exchange';
import {
  addBundlePartner,
  bundleConflicts,
  bundleHistory,
  bundleIdentity,
  bundlePartners,
  partyOf,
  previewUploadedBundle,
  resolveBundleConflict,
  revokeBundlePartner,
  uploadedBundle,
} from '../../../db/bundles/service';
import { commitFile, openStoredFile, reserveFile } from '../../../db/files/store';
import { JobCancelled } from '../../../db/jobs/types';
import type { bundleMethods } from '../../api/bundles';
import type { HandlerMap } from '../handler-types';
import type { GridRuntime } from '../runtime';

/**
 * Export and import run as jobs on the service thread, which holds the office key (a job thread
 * holds none): the export yields between pages, so calls go on being answered, and stops on cancel.
 */
function startExport(rt: GridRuntime, ctx: ServiceContext, input: ExportRequest) {
  const party = partyOf(ctx);
  return rt.jobs.start({
    kind: 'bundles.export',
    label: '导出数据包',
    owner: ctx.actor,
    lane: 'write',
    run: async (control) => {
      const built = await exportBundle(party, {
        ...input,
        progress: (done, total) => control.progress('读取记录', done, total),
        cancelled: () => control.signal.aborted,
      });
      control.progress('写入文件', 1, 1);
      const target = reserveFile(ctx.dataDir);
      writeFileSync(target.path, built.bytes, { mode: 0o600 });
      const file = commitFile(ctx.dataDir, target.id, { name: built.fileName, kind: 'export', ownerId: ctx.actor.id });
      const result = { fileId: file.id, name: file.name, size: file.size, rows: built.rows, sequence: built.manifest.sequence };
      return { summary: `已导出数据包第 ${result.sequence} 号，${result.rows} 行`, file: { fileId: file.id, name: file.name, size: file.size }, result };
    },
  });
}

function startImport(rt: GridRuntime, ctx: ServiceContext, input: { fileId: string; allowReplay: boolean }) {
  const party = partyOf(ctx);
  const stored = openStoredFile(ctx.dataDir, input.fileId, ctx.actor);
  return rt.jobs.start({
    kind: 'bundles.import',
    label: '导入数据包',
    owner: ctx.actor,
    lane: 'write',
    run: async (control) => {
      control.progress('核对签名并解密', 0, 1);
      const bytes = await uploadedBundle(ctx, input.fileId);
      control.progress('合并记录', 0, 1);
      const result = await importBundle(party, bytes, { allowReplay: input.allowReplay, fileName: stored.name });
      ctx.emit('data.changed', { domains: ['*'] });
      const t = result.totals;
      return { summary: `已导入：新增 ${t.create}，更新 ${t.update}，无变化 ${t.unchanged}，冲突 ${t.conflict}`, result };
    },
  });
}

/**
 * The dry run as a job too (decryption, the plan and the trial write of a large bundle take
 * seconds): progress after each step, and a cancel honoured between them. It writes nothing.
 */
function startPreview(rt: GridRuntime, ctx: ServiceContext, input: { fileId: string }) {
  const stored = openStoredFile(ctx.dataDir, input.fileId, ctx.actor);
  return rt.jobs.start({
    kind: 'bundles.preview',
    label: '核对数据包（试导入）',
    owner: ctx.actor,
    lane: 'read',
    run: async (control) => {
      const phases = ['核对签名并解密', '比对记录', '试写入'];
      control.progress(phases[0]!, 0, 3);
      const preview = await previewUploadedBundle(ctx, input, (done, total) => {
        if (control.signal.aborted) throw new JobCancelled();
        control.progress(phases[done] ?? '完成', done, total);
      });
      const t = preview.totals;
      return { summary: `${stored.name}：新增 ${t.create}，更新 ${t.update}，无变化 ${t.unchanged}，冲突 ${t.conflict}，拒收 ${preview.rejected.length}`, result: preview };
    },
  });
}

export const bundleHandlers: HandlerMap<keyof typeof bundleMethods> = {
  'bundles.identity': (ctx) => bundleIdentity(ctx),
  'bundles.partners': (ctx) => bundlePartners(ctx),
  'bundles.addPartner': (ctx, input) => addBundlePartner(ctx, input),
  'bundles.revokePartner': (ctx, input) => revokeBundlePartner(ctx, input),
  'bundles.export': (ctx, input, env) => startExport(env.runtime, ctx, input),
  'bundles.preview': (ctx, input, env) => startPreview(env.runtime, ctx, input),
  'bundles.import': (ctx, input, env) => startImport(env.runtime, ctx, input),
  'bundles.history': (ctx) => bundleHistory(ctx),
  'bundles.conflicts': (ctx) => bundleConflicts(ctx),
  'bundles.resolve': (ctx, input) => resolveBundleConflict(ctx, input),
};
