import { useCallback, useRef } from 'react';
import type { ApiError, JobInfo, MethodName } from '../../../electron/api';
import { ApiCallError } from '../../api/client';
import { useJobFinished } from '../jobs/use-jobs';

/**
 * Returns `finish(method, job)`: resolves with the job's result once it is done, or rejects with
 * its error (in Chinese, as a refused call would) once it failed or was cancelled.
 */
export function useJobResult(): <R>(method: MethodName, job: JobInfo) => Promise<R> {
  const waiting = useRef(new Map<string, (job: JobInfo) => void>());
  const watch = useJobFinished((job) => {
    waiting.current.get(job.id)?.(job);
    waiting.current.delete(job.id);
  });
  return useCallback(
    <R,>(method: MethodName, started: JobInfo) =>
      new Promise<R>((resolve, reject) => {
        waiting.current.set(started.id, (job) => {
          if (job.state === 'done') resolve(job.result as R);
          else reject(new ApiCallError(method, (job.error ?? { code: 'INTERNAL', message: '已取消，数据未改动' }) as ApiError));
        });
        watch(started);
      }),
    [watch],
  );
}
