import { Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import type { RequestDetail } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useCan } from '../auth/session';
import { buildingOnMapHref } from '../map/map-href';
import { RequestActions } from './RequestActions';
import { OverdueTag } from './OverdueTag';
import { STATE_COLORS, useRequestWords } from './request-words';

const ACTIONS: Record<RequestDetail['history'][number]['action'], MessageKey> = {
  create: 'requests.history.create',
  accept: 'requests.history.accept',
  assign: 'requests.history.assign',
  resolve: 'requests.history.resolve',
  revisit: 'requests.history.revisit',
  escalate: 'requests.history.escalate',
};

function Body({ request }: { request: RequestDetail }) {
  const t = useT();
  const word = useRequestWords();
  const canHandle = useCan()('requests.handle');
  const dash = (v: string | null | number) => (v === null || v === '' ? '—' : v);
  return (
    <div className="gd-req-drawer" data-testid="request-drawer-body" data-state={request.state} data-overdue={request.overdue}>
      <Typography.Title level={5} className="gd-req-drawer-title">
        <Tag color={STATE_COLORS[request.state]} data-testid="request-state">
          {word('state', request.state)}
        </Tag>
        <OverdueTag row={request} />
        {request.title}
      </Typography.Title>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('requests.field.building')}>
          <a href={buildingOnMapHref(request.buildingId)} data-testid="request-building-link">
            {request.address}
          </a>
          {request.room ? ` · ${request.room}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('requests.field.grid')}>{request.gridName}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.kind')}>{word('kind', request.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.source')}>{word('source', request.source)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.level')}>{word('level', request.level)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.requester')}>{dash(request.requester)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.handler')}>{dash(request.handler)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.receivedAt')}>{formatDateTime(request.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('requests.field.dueAt')}>{request.dueAt === null ? '—' : formatDateTime(request.dueAt)}</Descriptions.Item>
        {request.description ? <Descriptions.Item label={t('requests.field.description')}>{request.description}</Descriptions.Item> : null}
        {request.resolution ? <Descriptions.Item label={t('requests.field.resolution')}>{request.resolution}</Descriptions.Item> : null}
        {request.satisfaction ? <Descriptions.Item label={t('requests.field.satisfaction')}>{word('satisfaction', request.satisfaction)}</Descriptions.Item> : null}
      </Descriptions>
      {canHandle ? <RequestActions request={request} /> : null}
      <h4 className="gd-req-history-title">{t('requests.history')}</h4>
      <Timeline
        data-testid="request-history"
        items={request.history.map((e) => ({
          color: e.action === 'escalate' ? 'red' : e.action === 'create' ? 'blue' : 'green',
          children: (
            <div data-testid="request-event" data-action={e.action}>
              <div>
                <strong>{t(ACTIONS[e.action])}</strong> · {e.actor} · {formatDateTime(e.at)}
              </div>
              {e.note ? <div className="gd-muted">{e.note}</div> : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** One request: what, where, who, its limit, the steps open now, and its history. */
export function RequestDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const t = useT();
  const detail = useApiQuery('requests.get', { id: id ?? '' }, { enabled: id !== null });
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('requests.drawer')} size={560} destroyOnHidden data-testid="request-drawer">
      {detail.data && detail.data.id === id ? (
        <Body request={detail.data} />
      ) : detail.isError ? (
        <ErrorState compact error={detail.error} onRetry={() => void detail.refetch()} testId="request-error" />
      ) : (
        <LoadingState text={t('requests.loading')} />
      )}
    </Drawer>
  );
}
