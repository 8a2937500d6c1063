import { writeFileSync } from 'node:fs';
import type { ServiceContext } from '../../../db/context';
import { exportBundle, type ExportRequest, type ImportResult } from '../../../db/bundles/exchange';
import { BUNDLE_JOB_LABELS, type ImportJobInput } from '../../../db/bundles/jobs';
import { runInThread } from '../../../db/jobs/thread';
import { defaultWorkerEntry } from '../../host/worker-entry';
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
} from '../../../db/bundles/service';
import { commitFile, openStoredFile, reserveFile } from '../../../db/files/store';
import { JobCancelled } from '../../../db/jobs/types';
import type { bundleMethods } from '../../api/bundles';
import type { HandlerMap } from '../handler-types';
import type { GridRuntime } from '../runtime';

/**
 * The export runs as a job on the service thread, which holds the office key: it yields between
 * pages, so calls go on being answered, and stops on cancel. The import's one merge transaction
 * would hold that thread for seconds: it runs in a job thread, given the key in its input.
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
  const { identity } = partyOf(ctx);
  const stored = openStoredFile(ctx.dataDir, input.fileId, ctx.actor);
  const worker = rt.options.worker ?? defaultWorkerEntry();
  const body: ImportJobInput = { path: stored.path, fileName: stored.name, allowReplay: input.allowReplay, signing: identity.signing };
  return rt.jobs.start({
    kind: 'bundles.import',
    label: BUNDLE_JOB_LABELS['bundles.import'],
    owner: ctx.actor,
    lane: 'write',
    run: async (control) => {
      const data = { kind: 'bundles.import', input: body, dataDir: ctx.dataDir, key: rt.vault.jobKey(), actor: ctx.actor, nodeId: ctx.nodeId };
      const outcome = await runInThread(worker, data, control, (event, payload) => rt.emit(event, payload));
      const { newest, ...result } = outcome.result as ImportResult;
      // Later local edits must be stamped after what came in.
      if (newest) ctx.clock.receive(newest);
      return { ...outcome, result };
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
