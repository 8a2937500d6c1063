import { authorize } from '../../../db/auth/permissions';
import type { ServiceContext } from '../../../db/context';
import { requireRun } from '../../../db/imports/runs';
import { discardImport, getImport, listImports, previewImport } from '../../../db/imports/service';
import { importKinds, type importMethods } from '../../api/imports';
import type { HandlerMap } from '../handler-types';
import { startThreadJob } from '../jobs';
import { importerOf } from './import-kinds';

/** Refusals that need no job: an unknown kind, a missing permission, an unknown run. */
const allowedKind = (ctx: ServiceContext, kind: string) => authorize(ctx.actor, importerOf(kind).permission);
const allowedRun = (ctx: ServiceContext, id: string) => void requireRun(ctx, id, importerOf);

export const importHandlers: HandlerMap<keyof typeof importMethods> = {
  'imports.stage': (ctx, input, env) => {
    allowedKind(ctx, input.kind);
    return startThreadJob(env.runtime, ctx, 'imports.stage', input, 'write');
  },
  'imports.get': (ctx, input) => getImport(ctx, importerOf, input),
  'imports.setMapping': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startThreadJob(env.runtime, ctx, 'imports.setMapping', input, 'write');
  },
  'imports.preview': (ctx, input) => previewImport(ctx, importerOf, input),
  'imports.apply': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startThreadJob(env.runtime, ctx, 'imports.apply', input, 'write');
  },
  'imports.report': (ctx, input, env) => {
    allowedRun(ctx, input.id);
    return startThreadJob(env.runtime, ctx, 'imports.report', input, 'read');
  },
  'imports.list': (ctx) => listImports(ctx, importerOf, importKinds),
  'imports.discard': (ctx, input) => discardImport(ctx, importerOf, input),
};
