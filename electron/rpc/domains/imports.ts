import { directJob } from '../../../db/imports/direct-job';
import { discardImport, getImport, listImports, previewImport } from '../../../db/imports/service';
import { importKinds, type importMethods } from '../../api/imports';
import type { HandlerMap } from '../handler-types';
import { importerOf, importJobs } from './import-kinds';

export const importHandlers: HandlerMap<keyof typeof importMethods> = {
  'imports.stage': (ctx, input) => importJobs.stage(ctx, input, directJob(ctx)),
  'imports.get': (ctx, input) => getImport(ctx, importerOf, input),
  'imports.setMapping': (ctx, input) => importJobs.setMapping(ctx, input, directJob(ctx)),
  'imports.preview': (ctx, input) => previewImport(ctx, importerOf, input),
  'imports.apply': (ctx, input) => importJobs.apply(ctx, input, directJob(ctx)),
  'imports.report': (ctx, input) => importJobs.report(ctx, input, directJob(ctx)),
  'imports.list': (ctx) => listImports(ctx, importerOf, importKinds),
  'imports.discard': (ctx, input) => discardImport(ctx, importerOf, input),
};
