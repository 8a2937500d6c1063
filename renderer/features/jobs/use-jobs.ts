import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { JobInfo } from '../../../electron/api';
import { call } from '../../api/client';
import { useApiEvent } from '../../api/events';
import { useApiQuery } from '../../api/queries';
import type { MessageKey, Translate } from '../../i18n';

export const JOBS_KEY = ['jobs.list', {}] as const;

export const isRunning = (job: JobInfo) => job.state === 'queued' || job.state === 'running';

/** The signed-in account's recent jobs, kept current from `jobs.changed` without refetching. */
export function useJobs(userId: string | undefined) {
  const client = useQueryClient();
  const list = useApiQuery('jobs.list', {}, { enabled: !!userId, staleTime: Infinity });
  useApiEvent('jobs.changed', (job) => {
    if (job.ownerId !== userId) return;
    client.setQueryData<JobInfo[]>(JOBS_KEY, (jobs = []) => [job, ...jobs.filter((j) => j.id !== job.id)].sort((a, b) => b.createdAt - a.createdAt));
  });
  return list.data ?? [];
}

/** Jobs whose page shows their successful result itself; the tray gives no second notice for them. */
export const claimedJobs = new Set<string>();

/**
 * Returns `watch(job)`: after it, `onFinished` is called once when that job has finished (done,
 * failed or cancelled). A watched job that succeeds is announced by the page, not the tray.
 */
export function useJobFinished(onFinished: (job: JobInfo) => void): (job: JobInfo) => void {
  const watched = useRef(new Set<string>());
  const latest = useRef(onFinished);
  useEffect(() => {
    latest.current = onFinished;
  });
  const check = useCallback((job: JobInfo) => {
    if (!watched.current.has(job.id) || isRunning(job)) return;
    watched.current.delete(job.id);
    latest.current(job);
  }, []);
  useApiEvent('jobs.changed', check);
  return useCallback(
    (job: JobInfo) => {
      watched.current.add(job.id);
      claimedJobs.add(job.id);
      if (!isRunning(job)) return check(job);
      // A job may have finished before this window heard of it: ask once.
      void call('jobs.get', { id: job.id }).then(check, () => undefined);
    },
    [check],
  );
}

/** The job's name in the interface's language (the service's Chinese label for kinds it does not know). */
export function jobLabel(job: Pick<JobInfo, 'kind' | 'label'>, t: Translate): string {
  const key = `jobs.kind.${job.kind}` as MessageKey;
  const text = t(key);
  return text === undefined || text === key ? job.label : text;
}
