import { useState } from 'react';
import { Button, Tag, type TableColumnsType } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import type { BuildingIncident } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { FixIncidentModal } from './FixIncidentModal';
import { IncidentFormModal } from './IncidentFormModal';
import { RecordsCard } from './RecordsCard';

/** Incidents of the building (open ones first): add, mark fixed with a note. */
export function IncidentsSection({ buildingId, incidents, canEdit }: { buildingId: string; incidents: BuildingIncident[]; canEdit: boolean }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [fixing, setFixing] = useState<BuildingIncident | null>(null);
  const open = incidents.filter((i) => i.fixedAt === null).length;
  const columns: TableColumnsType<BuildingIncident> = [
    {
      title: t('buildings.incident.titleField'),
      dataIndex: 'title',
      render: (title: string, i) => (
        <div>
          <div className="gd-bp-incident-title">{title}</div>
          {i.detail ? <div className="gd-muted">{i.detail}</div> : null}
        </div>
      ),
    },
    {
      title: t('buildings.incident.reportedAt'),
      dataIndex: 'reportedAt',
      width: 140,
      render: (at: number, i) => (
        <div>
          <div>{formatDateTime(at)}</div>
          <div className="gd-muted">{i.reportedBy}</div>
        </div>
      ),
    },
    {
      title: t('buildings.incident.handler'),
      dataIndex: 'handler',
      width: 90,
      render: (who: string | null) => who ?? <span className="gd-muted">{t('buildings.need.unassigned')}</span>,
    },
    {
      title: t('buildings.incident.state'),
      key: 'state',
      width: 190,
      render: (_: unknown, i) =>
        i.fixedAt === null ? (
          <Tag color="red" data-testid={`incident-open-${i.id}`}>
            {t('buildings.incident.open')}
          </Tag>
        ) : (
          <div data-testid={`incident-fixed-${i.id}`}>
            <Tag color="green">{t('buildings.incident.fixedAt', { date: formatDateTime(i.fixedAt) })}</Tag>
            {i.fixNote ? <div className="gd-muted">{i.fixNote}</div> : null}
          </div>
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('buildings.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, i: BuildingIncident) =>
              i.fixedAt === null ? (
                <Button size="small" type="link" icon={<ToolOutlined />} onClick={() => setFixing(i)} data-testid={`incident-fix-${i.id}`}>
                  {t('buildings.incident.fix')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <RecordsCard<BuildingIncident>
      testId="building-incidents"
      rowTestId="incident"
      title={t('buildings.incident.title', { n: open })}
      addLabel={canEdit ? t('buildings.incident.add') : null}
      onAdd={() => setAdding(true)}
      empty={t('buildings.incident.none')}
      rows={incidents}
      columns={columns}
    >
      {canEdit ? (
        <>
          <IncidentFormModal buildingId={buildingId} open={adding} onClose={() => setAdding(false)} />
          <FixIncidentModal incident={fixing} onClose={() => setFixing(null)} />
        </>
      ) : null}
    </RecordsCard>
  );
}
