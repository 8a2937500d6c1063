import { useCallback } from 'react';
import { App, Button } from 'antd';
import type { StatusChangeResult } from '../../../electron/api';
import { useT } from '../../i18n';
import { useUndoBatch } from './use-undo-batch';

/** 「已变更 N 栋楼的状态」 after a change, with a button that undoes it. */
export function useStatusDoneNotice(): (result: StatusChangeResult) => void {
  const t = useT();
  const { message } = App.useApp();
  const undo = useUndoBatch();
  const { mutateAsync } = undo;
  return useCallback(
    (result: StatusChangeResult) => {
      void message.success({
        key: 'status-done',
        duration: 8,
        content: (
          <span data-testid="bulk-done">
            {t(result.unchanged > 0 ? 'map.bulk.doneUnchanged' : 'map.bulk.done', { changed: result.changed, unchanged: result.unchanged })}
            <Button
              size="small"
              type="link"
              data-testid="bulk-done-undo"
              onClick={() => {
                message.destroy('status-done');
                void mutateAsync({ batchId: result.batchId }).catch(() => undefined);
              }}
            >
              {t('map.undo.short')}
            </Button>
          </span>
        ),
      });
    },
    [message, mutateAsync, t],
  );
}
