import { useState } from 'react';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../electron/api';
import { call } from '../../api/client';
import { useT } from '../../i18n';
import { formatDateTimeSeconds, formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { testId } from '../../ui/test-id';
import { roleLabel } from '../auth/roles';
import { useCan } from '../auth/session';
import { actionLabel, isKnownAction } from './audit-labels';
import { AuditDetail } from './AuditDetail';
import { auditSummary } from '../audit/audit-summary';
import { useStatusStyles } from '../statuses/use-status-styles';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { AuditVerifyButton, AuditVerifyResult, useAuditVerify } from './AuditVerify';
import './admin.css';

const PAGE = 100;

/** Pages of the log, newest first; 加载更多 asks for the entries older than the last one shown. */
function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit.query', filter],
    queryFn: ({ pageParam }) => call('audit.query', { ...filter, limit: PAGE, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
}

/** 审计日志: who did what and when, with filters, keyset paging and the chain check. */
export function AuditPage() {
  const t = useT();
  const can = useCan();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const verify = useAuditVerify();
  const styles = useStatusStyles();
  const statusName = (key: string) => styles.look(key).label;
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.col.time'), dataIndex: 'at', width: 178, render: (at: number) => formatDateTimeSeconds(at) },
    { title: t('audit.col.actor'), dataIndex: 'actorName', width: 120 },
    {
      title: t('audit.col.role'),
      dataIndex: 'actorRole',
      width: 100,
      render: (role: string) => {
        const key = roleLabel(role);
        return key ? t(key) : <span className="gd-muted">{role || '—'}</span>;
      },
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) =>
        isKnownAction(action) ? (
          <Tag color={action === 'auth.login_failed' ? 'red' : action === 'person.reveal' ? 'orange' : 'blue'} title={action}>
            {actionLabel(action, t)}
          </Tag>
        ) : (
          <Typography.Text code>{action}</Typography.Text>
        ),
    },
    {
      title: t('audit.col.target'),
      dataIndex: 'target',
      width: 200,
      render: (target: string | null, e) =>
        target === null ? (
          <span className="gd-muted">—</span>
        ) : (
          <span className="gd-audit-target" title={target} data-testid={`audit-target-${e.seq}`}>
            {e.targetName ?? target}
          </span>
        ),
    },
    {
      title: t('audit.col.summary'),
      dataIndex: 'detail',
      render: (detail: unknown, e) => <AuditDetail summary={auditSummary(e, t, statusName)} detail={detail} seq={e.seq} />,
    },
  ];

  return (
    <div className="gd-admin-page" data-testid="audit-page">
      <div className="gd-admin-head">
        <div>
          <h1 className="gd-admin-title">{t('audit.title')}</h1>
          <div className="gd-admin-sub">{t('audit.subtitle')}</div>
        </div>
        {can('audit.read') ? <AuditVerifyButton onRun={() => void verify.refetch()} loading={verify.isFetching} /> : null}
      </div>
      <AuditVerifyResult verify={verify} />
      <AuditFilters onChange={setFilter} />
      {log.isError && entries.length === 0 ? (
        <ErrorState compact error={log.error} onRetry={() => void log.refetch()} testId="audit-error" />
      ) : (
        <>
          <Table<AuditEntry>
            className="gd-admin-table"
            data-testid="audit-table"
            rowKey="seq"
            size="small"
            loading={log.isPending}
            columns={columns}
            dataSource={entries}
            pagination={false}
            locale={{ emptyText: t('audit.empty') }}
            onRow={(e) => testId(`audit-row-${e.seq}`)}
          />
          <div className="gd-audit-more">
            <span className="gd-muted" data-testid="audit-shown">
              {t('audit.shown', { count: formatNumber(entries.length) })}
              {log.data && !log.hasNextPage && entries.length > 0 ? ` · ${t('audit.end')}` : ''}
            </span>
            {log.hasNextPage ? (
              <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-load-more">
                {t('audit.loadMore')}
              </Button>
            ) : null}
            {log.isError && entries.length > 0 ? <ErrorState compact error={log.error} testId="audit-more-error" /> : null}
          </div>
        </>
      )}
    </div>
  );
}
