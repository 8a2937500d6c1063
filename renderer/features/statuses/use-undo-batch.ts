import { useRef } from 'react';
import { App } from 'antd';
import { useApiMutation } from '../../api/queries';
import { describeError } from '../../ui/error-text';
import { useT } from '../../i18n';
import { ownChanges } from './own-changes';
import { useStatusRefresh } from './use-status-refresh';

/** Undoes a bulk change and says what came of it. */
export function useUndoBatch() {
  const t = useT();
  const { message } = App.useApp();
  const refresh = useStatusRefresh();
  const end = useRef<(batchId?: string) => void>(() => undefined);
  return useApiMutation('buildings.undoBatch', {
    onMutate: () => {
      message.destroy('status-done');
      end.current = ownChanges.begin();
    },
    onSuccess: (r) => {
      end.current(r.batchId);
      void message.success({
        content: r.skipped > 0 ? t('map.undo.doneSkipped', { changed: r.changed, skipped: r.skipped }) : t('map.undo.done', { changed: r.changed }),
        key: 'status-undo',
      });
    },
    onError: (e) => {
      end.current();
      refresh();
      void message.error({ content: describeError(e, t).message, key: 'status-undo' });
    },
  });
}
