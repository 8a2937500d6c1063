import { useState } from 'react';
import { App, Button } from 'antd';
import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Briefing } from '../../../electron/api';
import { downloadFile, uploadFile } from '../../api/files';
import { queryKey, useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useJobFinished } from '../jobs/use-jobs';
import { briefingSnapshotFile } from './snapshot-png';

/**
 * 导出 PDF / 导出 PNG: today's 大屏 for the 日报. The PDF is written by the service (a job; saved
 * when done); the PNG is drawn here from the figures on screen, handed to the file store and saved
 * from there, the same way in the desktop app and in a browser.
 */
export function SnapshotButtons() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [drawing, setDrawing] = useState(false);
  const watchPdf = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    const file = job.file;
    void downloadFile(file.fileId, file.name).then(
      () => void message.success(t('briefing.snapshot.pdfDone', { file: file.name })),
      (error: unknown) => void message.error(describeError(error, t).message),
    );
  });
  const pdf = useApiMutation('briefing.exportPdf', { onSuccess: watchPdf, onError: (error) => void message.error(describeError(error, t).message) });

  const png = async () => {
    const data = client.getQueryData<Briefing>(queryKey('briefing.get', {}));
    if (!data) return;
    setDrawing(true);
    try {
      const file = await briefingSnapshotFile(data, t, Date.now());
      const stored = await uploadFile(file);
      await downloadFile(stored.fileId, stored.name);
      void message.success(t('briefing.snapshot.pngDone'));
    } catch (error) {
      void message.error(describeError(error, t).message);
    } finally {
      setDrawing(false);
    }
  };

  return (
    <>
      <Button type="text" icon={<FilePdfOutlined />} loading={pdf.isPending} onClick={() => pdf.mutate({})} data-testid="briefing-export-pdf">
        {t('briefing.snapshot.pdf')}
      </Button>
      <Button type="text" icon={<FileImageOutlined />} loading={drawing} onClick={() => void png()} data-testid="briefing-export-png">
        {t('briefing.snapshot.png')}
      </Button>
    </>
  );
}
