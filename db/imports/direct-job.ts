import { ServiceError } from '../errors';
import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/types';

/**
 * A job control for running an import job body directly in the calling process (the CLI, and the
 * RPC handlers until import jobs run on the job system): progress goes to `onProgress`, nothing
 * cancels. The only place import job bodies are run outside the job system.
 */
export function directJob(ctx: ServiceContext, onProgress?: (phase: string, done: number, total: number) => void): JobControl {
  if (!ctx.dataDir) throw new ServiceError('INTERNAL', '服务没有数据目录，无法读写导入文件');
  return {
    dataDir: ctx.dataDir,
    progress: (phase, done, total) => onProgress?.(phase, done, total),
    throwIfCancelled: () => undefined,
  };
}
