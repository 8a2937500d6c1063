import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Result, Select, Steps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportKind, ImportReportFile, ImportRun } from '../../../electron/api';
import { downloadFile, pickAndUploadFile } from '../../api/files';
import { queryKey, useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useJobResult } from './use-import-job';
import './imports.css';

interface Props {
  kind: ImportKind;
  /** What is imported, in the user's words: 「状态列表」. */
  title: string;
  onClose(): void;
  /** After a successful apply (refresh what the page shows). */
  onApplied(): void;
}

const ACCEPT = ['.xlsx', '.csv'];

/**
 * The import wizard every importer shares: choose a file → map its columns → preview what applying
 * would do → apply → download the rows left out. The staged import lives in the service, so closing
 * the dialog (or the app) and coming back continues where it was.
 */
export function ImportWizard({ kind, title, onClose, onApplied }: Props) {
  const t = useT();
  const client = useQueryClient();
  const open = useApiQuery('imports.list', {});
  const [runId, setRunId] = useState<string | null>(null);
  const [remap, setRemap] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [resumed, setResumed] = useState<string | null>(null);
  const run = useApiQuery('imports.get', { id: runId ?? '' }, { enabled: runId !== null });
  const current = runId ? (run.data ?? null) : null;
  const stage = useApiMutation('imports.stage');
  const setMapping = useApiMutation('imports.setMapping');
  const apply = useApiMutation('imports.apply');
  const report = useApiMutation('imports.report');
  const discard = useApiMutation('imports.discard');
  const finish = useJobResult();
  const [working, setWorking] = useState(false);

  // Continue an import left staged (the dialog or the app was closed before applying).
  const resumable = open.data?.find((r) => r.kind === kind && (r.status === 'ready' || r.status === 'needs_mapping')) ?? null;
  useEffect(() => {
    if (runId === null && resumed === null && resumable) {
      setRunId(resumable.id);
      setResumed(resumable.id);
    }
  }, [runId, resumed, resumable]);

  const show = async (next: ImportRun) => {
    // A fetch of the run started before this step ended (a change event invalidated it) would
    // answer with the run as it was, over this newer one: it is cancelled first.
    const key = queryKey('imports.get', { id: next.id });
    await client.cancelQueries({ queryKey: key, exact: true });
    client.setQueryData(key, next);
    void client.invalidateQueries({ queryKey: ['imports.preview'] });
    void client.invalidateQueries({ queryKey: ['imports.list'] });
    setRunId(next.id);
    setRemap(false);
    setError(null);
  };
  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    setWorking(true);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setWorking(false);
    }
  };

  const restart = () =>
    attempt(async () => {
      if (runId && current && current.status !== 'applied') await discard.mutateAsync({ id: runId });
      await client.invalidateQueries({ queryKey: ['imports.list'] });
      setRunId(null);
      setRemap(false);
    });
  const choose = (sheet?: string) =>
    attempt(async () => {
      let fileId = current?.fileId;
      if (!sheet) {
        setUploading(true);
        const picked = await pickAndUploadFile({ accept: ACCEPT }).finally(() => setUploading(false));
        if (!picked) return;
        fileId = picked.fileId;
      }
      const previous = runId;
      await show(await finish<ImportRun>('imports.stage', await stage.mutateAsync({ kind, fileId: fileId!, ...(sheet ? { sheet } : {}) })));
      if (previous) await discard.mutateAsync({ id: previous });
    });

  const downloadReport = async () => {
    const file = await finish<ImportReportFile>('imports.report', await report.mutateAsync({ id: runId! }));
    await downloadFile(file.fileId, file.name);
  };

  const step = !current ? 0 : current.status === 'applied' ? 3 : remap || current.status === 'needs_mapping' ? 1 : 2;
  const busy = uploading || working;

  let body;
  if (runId && run.isError) body = <ErrorState compact error={run.error} onRetry={() => void restart()} testId="import-run-error" />;
  else if (runId && !current) body = <LoadingState text={t('app.loading')} testId="import-loading" />;
  else if (step === 0 || !current) {
    body = (
      <div className="gd-import-file" data-testid="import-file">
        <p>{t('imports.file.help')}</p>
        <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => void choose()} data-testid="import-pick">
          {busy ? t('imports.file.reading') : t('imports.file.pick')}
        </Button>
      </div>
    );
  } else if (step === 1) {
    body = (
      <MappingStep key={`${current.id}-${current.mappingSource}`} run={current} pending={working} onSubmit={(mapping) => void attempt(async () => await show(await finish<ImportRun>('imports.setMapping', await setMapping.mutateAsync({ id: current.id, mapping }))))} />
    );
  } else if (step === 2) {
    body = (
      <PreviewStep
        run={current}
        applying={working}
        reporting={working}
        onRemap={() => setRemap(true)}
        onReport={() => void attempt(downloadReport)}
        onApply={() =>
          void attempt(async () => {
            try {
              await show(await finish<ImportRun>('imports.apply', await apply.mutateAsync({ id: current.id })));
              onApplied();
            } finally {
              // A refused apply may have brought the preview up to date.
              await client.invalidateQueries({ queryKey: ['imports.get'] });
              await client.invalidateQueries({ queryKey: ['imports.preview'] });
            }
          })
        }
      />
    );
  } else {
    const c = current.counts;
    body = (
      <Result
        status="success"
        title={t('imports.done.title')}
        subTitle={<span data-testid="import-done">{t('imports.done.summary', { create: c.create, update: c.update, skipped: c.reject + c.conflict })}</span>}
        extra={[
          c.reject + c.conflict > 0 ? (
            <Button key="report" icon={<DownloadOutlined />} loading={working} onClick={() => void attempt(downloadReport)} data-testid="import-report">
              {t('imports.report')}
            </Button>
          ) : null,
          <Button key="close" type="primary" onClick={onClose} data-testid="import-close">
            {t('imports.close')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Modal open title={t('imports.title', { title })} width={960} footer={null} onCancel={onClose} destroyOnHidden>
      <div data-testid="import-wizard">
        <Steps
          size="small"
          className="gd-import-steps"
          current={step}
          items={[{ title: t('imports.step.file') }, { title: t('imports.step.map') }, { title: t('imports.step.preview') }, { title: t('imports.step.done') }]}
        />
        {current && step < 3 ? (
          <div className="gd-import-head">
            {resumed === current.id ? <Alert type="info" showIcon title={t('imports.resume', { name: current.fileName })} data-testid="import-resume" /> : <b>{current.fileName}</b>}
            {current.sheets.length > 1 ? (
              <Select
                className="gd-import-sheet"
                value={current.sheet}
                prefix={t('imports.file.sheet')}
                options={current.sheets.map((s) => ({ value: s, label: s }))}
                onChange={(s) => void choose(s ?? undefined)}
                data-testid="import-sheet"
              />
            ) : null}
            <Button onClick={() => void restart()} data-testid="import-restart">
              {t('imports.restart')}
            </Button>
          </div>
        ) : null}
        {error ? <ErrorState compact error={error} testId="import-error" /> : null}
        {body}
      </div>
    </Modal>
  );
}
