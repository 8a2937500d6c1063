import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/types';

/**
 * A job control for running an import job body straight through in the calling process (the
 * command line, which has no job system): progress goes to `onProgress`, nothing cancels.
 */
export function directJob(ctx: ServiceContext, onProgress?: (phase: string, done: number, total: number) => void): JobControl {
  return {
    dataDir: ctx.dataDir,
    databaseKey: null,
    progress: (phase, done, total) => onProgress?.(phase, done, total),
    throwIfCancelled: () => undefined,
  };
}
