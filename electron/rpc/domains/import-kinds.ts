import { ServiceError } from '../../../db/errors';
import { applyImport } from '../../../db/imports/apply';
import { importReport, type ImportReport } from '../../../db/imports/report';
import type { ImportRunData } from '../../../db/imports/runs';
import { setImportMapping, stageImport, type SetMappingInput, type StageInput } from '../../../db/imports/stage';
import type { Importer } from '../../../db/imports/types';
import type { ServiceContext } from '../../../db/context';
import type { JobOutcome } from '../../../db/jobs/manager';
import type { JobBody, JobControl } from '../../../db/jobs/types';
import { statusImporter } from '../../../db/statuses/importer';
import { residentImporter } from '../../../db/territory/resident-importer';
import { volunteerImporter } from '../../../db/volunteers/importer';
import { volunteerSaveSchema } from '../../api/volunteers';
import { importKinds, type ImportKind } from '../../api/imports';
import { statusMethods } from '../../api/status';

/**
 * The importers by kind. Each checks its rows with the contract's input schema of the method that
 * saves one record by hand, so a cell is held to the same rules as the form.
 */
const importers: Record<ImportKind, Importer<unknown>> = {
  statuses: statusImporter(statusMethods['statuses.save'].input) as Importer<unknown>,
  residents: residentImporter as Importer<unknown>,
  volunteers: volunteerImporter(volunteerSaveSchema) as Importer<unknown>,
};

export function importerOf(kind: string): Importer<unknown> {
  if (!(importKinds as readonly string[]).includes(kind)) throw new ServiceError('INVALID_INPUT', 'import.kindUnknown', { kind }, 'kind');
  return importers[kind as ImportKind];
}

/** The long steps of an import, as job bodies bound to the importers. */
export const importJobs: {
  stage: JobBody<StageInput, ImportRunData>;
  setMapping: JobBody<SetMappingInput, ImportRunData>;
  apply: JobBody<{ id: string }, ImportRunData>;
  report: JobBody<{ id: string }, ImportReport>;
} = {
  stage: (ctx, input, job) => stageImport(ctx, importerOf, input, job),
  setMapping: (ctx, input, job) => setImportMapping(ctx, importerOf, input, job),
  apply: (ctx, input, job) => applyImport(ctx, importerOf, input, job),
  report: (ctx, input, job) => importReport(ctx, importerOf, input, job),
};

const counted = (run: ImportRunData): JobOutcome => ({
  summary: `${run.title}：新增 ${run.counts.create}，更新 ${run.counts.update}，无变化 ${run.counts.unchanged}，冲突 ${run.counts.conflict}，未通过 ${run.counts.reject}`,
  result: run,
});

/** The import steps as job-thread bodies: each on its own connection, off the service thread. */
export const importThreadJobs = {
  'imports.stage': async (ctx: ServiceContext, input: StageInput, job: JobControl) => counted(await importJobs.stage(ctx, input, job)),
  'imports.setMapping': async (ctx: ServiceContext, input: SetMappingInput, job: JobControl) => counted(await importJobs.setMapping(ctx, input, job)),
  'imports.apply': async (ctx: ServiceContext, input: { id: string }, job: JobControl): Promise<JobOutcome> => {
    const run = await importJobs.apply(ctx, input, job);
    return { summary: `${run.title}已导入：新增 ${run.counts.create}，更新 ${run.counts.update}`, result: run };
  },
  'imports.report': async (ctx: ServiceContext, input: { id: string }, job: JobControl): Promise<JobOutcome> => {
    const report = await importJobs.report(ctx, input, job);
    return { summary: `未通过的行：${report.rows} 行`, file: { fileId: report.fileId, name: report.name, size: report.size }, result: report };
  },
};

/** What each import step is called in the jobs list. */
export const IMPORT_JOB_LABELS: Record<keyof typeof importThreadJobs, string> = {
  'imports.stage': '读取和检查表格',
  'imports.setMapping': '按新的列对应检查表格',
  'imports.apply': '导入表格',
  'imports.report': '生成未通过的行的报告',
};
