import { useEffect, useRef, useState } from 'react';
import { App, Button, Progress } from 'antd';
import { CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import type { JobInfo } from '../../../electron/api';
import { call } from '../../api/client';
import { downloadFile } from '../../api/files';
import { useT } from '../../i18n';
import { errorText } from '../../../messages';
import { describeError } from '../../ui/error-text';
import { useSessionUser } from '../auth/session';
import { claimedJobs, isRunning, jobLabel, useJobs } from './use-jobs';
import './jobs.css';

/** A job shows a progress bar once it has run this long; shorter ones only give their notice. */
export const SHOW_AFTER_MS = 300;

function percent(job: JobInfo): number {
  return job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0;
}

/**
 * The running jobs of the signed-in account, bottom right of every page: what, how far, and a
 * cancel button. A job that finishes gives a notice with its result (and its file to save).
 */
export function JobsTray() {
  const t = useT();
  const user = useSessionUser();
  const { notification, message } = App.useApp();
  const jobs = useJobs(user?.id);
  const [, tick] = useState(0);
  const seen = useRef(new Map<string, JobInfo['state']>());

  const running = jobs.filter(isRunning);
  useEffect(() => {
    if (running.length === 0) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), SHOW_AFTER_MS);
    return () => clearInterval(timer);
  }, [running.length]);

  useEffect(() => {
    for (const job of jobs) {
      const before = seen.current.get(job.id);
      seen.current.set(job.id, job.state);
      // Only a change seen in this window gives a notice (not the history loaded at sign-in).
      if (before === undefined || !isRunning({ ...job, state: before }) || isRunning(job)) continue;
      const save = job.file
        ? () =>
            void downloadFile(job.file!.fileId, job.file!.name).catch((err: unknown) => void message.error(describeError(err, t).message))
        : null;
      const key = `job-${job.id}`;
      if (job.state === 'done' && claimedJobs.delete(job.id)) continue;
      if (job.state === 'done') {
        notification.success({
          key,
          title: t('jobs.done', { label: jobLabel(job, t) }),
          description: <span data-testid="job-summary">{job.summary}</span>,
          duration: job.file ? 0 : 6,
          actions: save ? (
            <Button type="primary" size="small" icon={<DownloadOutlined />} data-testid="job-download" onClick={() => { save(); notification.destroy(key); }}>
              {t('jobs.download')}
            </Button>
          ) : undefined,
        });
      } else if (job.state === 'cancelled') {
        notification.info({ key, title: t('jobs.cancelled', { label: jobLabel(job, t) }), description: t('jobs.cancelledNote'), duration: 5 });
      } else {
        notification.error({ key, title: t('jobs.failed', { label: jobLabel(job, t) }), description: job.error ? errorText(job.error, t.locale) : '', duration: 0 });
      }
    }
  }, [jobs, notification, message, t]);

  const now = Date.now();
  const shown = running.filter((j) => now - j.createdAt >= SHOW_AFTER_MS);
  if (shown.length === 0) return null;
  return (
    <div className="gd-jobs" role="status" aria-live="polite" data-testid="jobs-tray">
      {shown.map((job) => (
        <div key={job.id} className="gd-job" data-testid="job" data-kind={job.kind}>
          <div className="gd-job-head">
            <span className="gd-job-label">{jobLabel(job, t)}</span>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              data-testid="job-cancel"
              aria-label={t('jobs.cancel')}
              title={t('jobs.cancel')}
              onClick={() => void call('jobs.cancel', { id: job.id }).catch((err: unknown) => void message.error(describeError(err, t).message))}
            >
              {t('jobs.cancel')}
            </Button>
          </div>
          <Progress percent={percent(job)} size="small" status="active" />
          <div className="gd-job-phase">
            {job.state === 'queued' ? t('jobs.queued') : job.total > 0 ? t('jobs.phase', { phase: job.phase, done: job.done.toLocaleString(), total: job.total.toLocaleString() }) : job.phase}
          </div>
        </div>
      ))}
    </div>
  );
}
