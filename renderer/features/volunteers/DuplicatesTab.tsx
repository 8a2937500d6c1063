import { useState } from 'react';
import { Alert, Button, List, Space, Tag } from 'antd';
import type { VolunteerDuplicate } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { MergeDialog } from './MergeDialog';

/** 疑似重复: pairs of records the import and the registry would take for one person, each offered for merge. */
export function DuplicatesTab() {
  const t = useT();
  const list = useApiQuery('volunteers.duplicates', {});
  const [open, setOpen] = useState<VolunteerDuplicate | null>(null);
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div data-testid="duplicates-tab">
      <Alert type="info" showIcon message={t('volunteers.dup.intro')} style={{ marginBottom: 12 }} />
      <List
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('volunteers.dup.none') }}
        renderItem={(pair) => (
          <List.Item
            data-testid="duplicate-pair"
            actions={[
              <Button key="merge" onClick={() => setOpen(pair)} data-testid="duplicate-merge">
                {t('volunteers.dup.merge')}
              </Button>,
            ]}
          >
            <Space wrap>
              <Tag color="orange">{t(`volunteers.dup.how.${pair.how}`)}</Tag>
              {pair.sides.map((s) => (
                <span key={s.personId}>
                  <strong>{s.name}</strong> {s.phone} {s.communityName ?? ''} {s.profileId ? '' : t('volunteers.dup.notVolunteer')}
                </span>
              ))}
            </Space>
          </List.Item>
        )}
      />
      {open && <MergeDialog pair={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
