import { authorize } from '../../../db/auth/permissions';
import type { ServiceContext } from '../../../db/context';
import { requireRun } from '../../../db/imports/runs';
import { discardImport, getImport, listImports, previewImport } from '../../../db/imports/service';
import type { JobOutcome } from '../../../db/jobs/manager';
import { JobCancelled, type JobBody, type JobControl } from '../../../db/jobs/types';
import { importKinds, type importMethods } from '../../api/imports';
import type { CallEnv, HandlerMap } from '../handler-types';
import { importerOf, importJobs } from './import-kinds';

/**
 * Starts an import step as a job of the job system (queue, progress events, cancel, the jobs list),
 * run on the service thread with the caller's connection. Cancel is seen between chunks that wait
 * (reading the file); the checking and writing loops are synchronous, so they finish or fail whole.
 */
function startImportJob<I, R>(
  env: CallEnv,
  ctx: ServiceContext,
  kind: string,
  label: string,
  lane: 'read' | 'write',
  body: JobBody<I, R>,
  input: I,
  outcome: (result: R) => JobOutcome,
) {
  return env.runtime.jobs.start({
    kind,
    label,
    owner: ctx.actor,
    lane,
    run: async (control) => {
      const job: JobControl = {
        dataDir: ctx.dataDir,
        databaseKey: null,
        progress: control.progress,
        throwIfCancelled: () => {
          if (control.signal.aborted) throw new JobCancelled();
        },
      };
      return outcome(await body(ctx, input, job));
    },
  });
}

/** Refusals that need no job: an unknown kind, a missing permission, an unknown run. */
const allowedKind = (ctx: ServiceContext, kind: string) => authorize(ctx.actor, importerOf(kind).permission);
const allowedRun = (ctx: ServiceContext, id: string) => void requireRun(ctx, id, importerOf);

const counted = (run: { title: string; counts: Record<string, number> }) => ({
  summary: `${run.title}：新增 ${run.counts.create}，更新 ${run.counts.update}，无变化 ${run.counts.unchanged}，冲突 ${run.counts.conflict}，未通过 ${run.counts.reject}`,
  result: run,
});

export const importHandlers: HandlerMap<keyof typeof importMethods> = {
  'imports.stage': (ctx, input, env) => {
    allowedKind(ctx, input.kind);
    return startImportJob(env, ctx, 'imports.stage', '读取和检查表格', 'write', importJobs.stage, input, counted);
  },
  'imports.get': (ctx, input) => getImport(ctx, importerOf, input),
  'imports.setMapping': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startImportJob(env, ctx, 'imports.setMapping', '按新的列对应检查表格', 'write', importJobs.setMapping, input, counted);
  },
  'imports.preview': (ctx, input) => previewImport(ctx, importerOf, input),
  'imports.apply': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startImportJob(env, ctx, 'imports.apply', '导入表格', 'write', importJobs.apply, input, (run) => ({
      summary: `${run.title}已导入：新增 ${run.counts.create}，更新 ${run.counts.update}`,
      result: run,
    }));
  },
  'imports.report': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startImportJob(env, ctx, 'imports.report', '生成未通过的行的报告', 'read', importJobs.report, input, (report) => ({
      summary: `未通过的行：${report.rows} 行`,
      file: { fileId: report.fileId, name: report.name, size: report.size },
      result: report,
    }));
  },
  'imports.list': (ctx) => listImports(ctx, importerOf, importKinds),
  'imports.discard': (ctx, input) => discardImport(ctx, importerOf, input),
};
