import { App, Button, Space, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

/** The caller's undo stack: a button for the latest edit, and the ones before it in words. */
export function UndoBar() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const history = useApiQuery('territory.editHistory', {});
  const undo = useApiMutation('territory.undoEdit', {
    onSuccess: (done) => {
      void message.success(t('territory.edit.undoEdit.done', { edit: done.label }));
      void client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('territory.') });
    },
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const edits = history.data ?? [];
  if (edits.length === 0) return null;
  return (
    <Space direction="vertical" size={2} className="gd-territory-undo" data-testid="territory-undo-bar">
      <Button icon={<UndoOutlined />} loading={undo.isPending} onClick={() => undo.mutate({})} data-testid="territory-undo">
        {t('territory.edit.undoEdit', { edit: edits[0]!.label })}
      </Button>
      <Typography.Text type="secondary">{t('territory.edit.history')}</Typography.Text>
      <ol className="gd-territory-history" data-testid="territory-history">
        {edits.slice(0, 8).map((e) => (
          <li key={e.auditSeq}>{e.label}</li>
        ))}
      </ol>
    </Space>
  );
}
