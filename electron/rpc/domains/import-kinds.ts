import { ServiceError } from '../../../db/errors';
import { applyImport } from '../../../db/imports/apply';
import { importReport, type ImportReport } from '../../../db/imports/report';
import type { ImportRunData } from '../../../db/imports/runs';
import { setImportMapping, stageImport, type SetMappingInput, type StageInput } from '../../../db/imports/stage';
import type { Importer } from '../../../db/imports/types';
import type { JobBody } from '../../../db/jobs/types';
import { statusImporter } from '../../../db/statuses/importer';
import { importKinds, type ImportKind } from '../../api/imports';
import { statusMethods } from '../../api/status';

/**
 * The importers by kind. Each checks its rows with the contract's input schema of the method that
 * saves one record by hand, so a cell is held to the same rules as the form.
 */
const importers: Record<ImportKind, Importer<unknown>> = {
  statuses: statusImporter(statusMethods['statuses.save'].input) as Importer<unknown>,
};

export function importerOf(kind: string): Importer<unknown> {
  if (!(importKinds as readonly string[]).includes(kind)) throw new ServiceError('INVALID_INPUT', `不支持导入「${kind}」`, 'kind');
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
