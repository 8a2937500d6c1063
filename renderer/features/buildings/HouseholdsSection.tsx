import { Empty, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { HouseholdRow, ResidentRow } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { groupOf } from './group-labels';

function shortDate(ms: number): string {
  return formatDate(ms).slice(5);
}

function ResidentTags({ resident }: { resident: ResidentRow }) {
  const t = useT();
  return (
    <>
      {resident.tags.map((tag, i) => {
        const g = groupOf(tag.tag);
        const range =
          tag.startsOn !== null || tag.endsOn !== null
            ? `${tag.startsOn !== null ? shortDate(tag.startsOn) : ''}–${tag.endsOn !== null ? shortDate(tag.endsOn) : ''}`
            : '';
        const full = [tag.startsOn !== null ? formatDate(tag.startsOn) : '', tag.endsOn !== null ? formatDate(tag.endsOn) : ''].join(' – ');
        return (
          <Tooltip key={`${tag.tag}-${i}`} title={range ? full : undefined}>
            <Tag color={g.color} className="gd-bp-tag" data-testid={`resident-tag-${tag.tag}`}>
              {t(g.label)}
              {range ? <span className="gd-bp-tag-date">{range}</span> : null}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}

function Residents({ residents }: { residents: ResidentRow[] }) {
  const t = useT();
  return (
    <ul className="gd-bp-residents">
      {residents.map((r) => (
        <li key={r.id} data-testid={`resident-${r.id}`}>
          <span className="gd-bp-resident-name">{r.name}</span>
          <span className="gd-muted">
            {t(`buildings.relation.${r.relation}`)} · {t(`buildings.gender.${r.gender}`)} · {r.birthYear}
          </span>
          {r.phone ? <span className="gd-bp-masked">{r.phone}</span> : null}
          {r.idNumber ? <span className="gd-bp-masked">{r.idNumber}</span> : null}
          <ResidentTags resident={r} />
        </li>
      ))}
    </ul>
  );
}

/** Households and residents of the building by unit; phones and ID numbers stay masked. */
export function HouseholdsSection({ id }: { id: string }) {
  const t = useT();
  const households = useApiQuery('buildings.households', { id });
  if (households.isPending) return <LoadingState text={t('buildings.households.loading')} />;
  if (households.isError) {
    return <ErrorState compact error={households.error} onRetry={() => void households.refetch()} testId="households-error" />;
  }
  if (households.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('buildings.households.none')} />;

  const units = new Map<number | null, HouseholdRow[]>();
  for (const h of households.data) units.set(h.unitNumber, [...(units.get(h.unitNumber) ?? []), h]);
  const columns: TableColumnsType<HouseholdRow> = [
    { title: t('buildings.households.room'), dataIndex: 'room', width: 80 },
    {
      title: t('buildings.households.registration'),
      dataIndex: 'registration',
      width: 70,
      render: (reg: HouseholdRow['registration']) => (
        <Tag color={reg === 'floating' ? 'geekblue' : undefined}>{t(`buildings.registration.${reg}`)}</Tag>
      ),
    },
    { title: t('buildings.households.members'), key: 'residents', render: (_: unknown, h) => <Residents residents={h.residents} /> },
  ];
  return (
    <Tabs
      size="small"
      data-testid="building-households"
      items={[...units.entries()]
        .sort(([a], [b]) => (a ?? 0) - (b ?? 0))
        .map(([unit, rows]) => ({
          key: String(unit),
          label:
            (unit === null ? t('buildings.households.noUnit') : t('buildings.households.unit', { n: unit })) +
            ` (${formatNumber(rows.length)})`,
          children: (
            <Table<HouseholdRow>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
              onRow={(h) => {
                const attrs: Record<string, string> = { 'data-testid': `household-${h.id}` };
                return attrs;
              }}
            />
          ),
        }))}
    />
  );
}
