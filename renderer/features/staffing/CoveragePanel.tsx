import { useState } from 'react';
import { Button, Segmented, Table, Tag } from 'antd';
import type { CoverageBuilding, CoverageGrid, CoverageHolder, CoverageZone } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { AppointModal, type AppointTarget } from './AppointModal';

type Show = 'gaps' | 'grids' | 'zones';

const names = (list: CoverageHolder[]) => list.map((h) => h.name).join('、');

/** The buildings of one grid with their heads (a grid's row opened). */
function GridBuildings({ gridId, onFill }: { gridId: string; onFill?: ((b: CoverageBuilding) => void) | undefined }) {
  const data = useApiQuery('staffing.coverage', { gridId });
  return <BuildingTable rows={data.data?.buildings ?? []} loading={data.isPending} onFill={onFill} />;
}

function BuildingTable({ rows, loading, onFill }: { rows: CoverageBuilding[]; loading: boolean; onFill?: ((b: CoverageBuilding) => void) | undefined }) {
  const t = useT();
  return (
    <Table<CoverageBuilding>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      onRow={(b) => ({ 'data-testid': 'coverage-building', 'data-building': b.name } as object)}
      columns={[
        { key: 'grid', title: t('staffing.coverage.grid'), dataIndex: 'gridName' },
        { key: 'compound', title: t('staffing.coverage.compound'), dataIndex: 'compoundName' },
        { key: 'name', title: t('staffing.coverage.building'), dataIndex: 'name' },
        {
          key: 'heads',
          title: t('staffing.coverage.role.building_head'),
          render: (_, b) =>
            b.heads.length ? (
              names(b.heads)
            ) : (
              <>
                <Tag color="red">{t('staffing.coverage.missing')}</Tag>
                {onFill ? (
                  <Button size="small" type="link" onClick={() => onFill(b)} data-testid="coverage-fill-head">
                    {t('staffing.coverage.fill')}
                  </Button>
                ) : null}
              </>
            ),
        },
      ]}
    />
  );
}

/** 三长 and grid workers: who holds each zone, grid and building, the grids without a 网格员 and the buildings without a head; filling them. */
export function CoveragePanel({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const [show, setShow] = useState<Show>('gaps');
  const [target, setTarget] = useState<AppointTarget | null>(null);
  const data = useApiQuery('staffing.coverage', {});
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  const totals = data.data?.totals;
  const fillWorker = canEdit ? (g: CoverageGrid) => setTarget({ role: 'grid_worker', scopeId: g.id, place: `${g.communityName}${g.name}` }) : undefined;
  const fillHead = canEdit
    ? (b: CoverageBuilding) => setTarget({ role: b.kind === 'alley' ? 'alley_head' : 'building_head', scopeId: b.id, place: `${b.compoundName}${b.name}` })
    : undefined;
  const grids = (data.data?.grids ?? []).filter((g) => show !== 'gaps' || g.gridWorkers.length === 0);
  return (
    <div data-testid="staff-coverage">
      <div className="gd-staff-gaps-head">
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'gaps', label: t('staffing.coverage.show.gaps') },
            { value: 'grids', label: t('staffing.coverage.show.grids') },
            { value: 'zones', label: t('staffing.coverage.show.zones') },
          ]}
          data-testid="coverage-show"
        />
        {totals ? (
          <span className="gd-muted" data-testid="coverage-totals">
            {t('staffing.coverage.totals', totals)}
          </span>
        ) : null}
      </div>
      {show === 'zones' ? (
        <Table<CoverageZone>
          size="small"
          rowKey="id"
          loading={data.isPending}
          dataSource={data.data?.zones ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { key: 'community', title: t('staffing.gaps.community'), dataIndex: 'communityName' },
            { key: 'zone', title: t('staffing.coverage.zone'), dataIndex: 'name' },
            { key: 'heads', title: t('staffing.coverage.role.zone_head'), render: (_, z) => names(z.zoneHeads) || <Tag color="red">{t('staffing.coverage.missing')}</Tag> },
          ]}
        />
      ) : (
        <>
          <h3>{show === 'gaps' ? t('staffing.coverage.gridsWithoutWorker', { n: grids.length }) : t('staffing.coverage.show.grids')}</h3>
          <Table<CoverageGrid>
            size="small"
            rowKey="id"
            loading={data.isPending}
            dataSource={grids}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            expandable={{ expandedRowRender: (g) => <GridBuildings gridId={g.id} onFill={fillHead} />, rowExpandable: (g) => g.buildings > 0 }}
            onRow={(g) => ({ 'data-testid': 'coverage-grid', 'data-grid': g.name } as object)}
            columns={[
              { key: 'community', title: t('staffing.gaps.community'), dataIndex: 'communityName' },
              { key: 'zone', title: t('staffing.coverage.zone'), dataIndex: 'zoneName' },
              { key: 'grid', title: t('staffing.coverage.grid'), dataIndex: 'name' },
              { key: 'head', title: t('staffing.coverage.role.grid_head'), render: (_, g) => names(g.gridHeads) || <Tag color="red">{t('staffing.coverage.missing')}</Tag> },
              {
                key: 'workers',
                title: t('staffing.coverage.role.grid_worker'),
                render: (_, g) =>
                  g.gridWorkers.length ? (
                    names(g.gridWorkers)
                  ) : (
                    <>
                      <Tag color="red">{t('staffing.coverage.missing')}</Tag>
                      {fillWorker ? (
                        <Button size="small" type="link" onClick={() => fillWorker(g)} data-testid="coverage-fill-worker">
                          {t('staffing.coverage.fill')}
                        </Button>
                      ) : null}
                    </>
                  ),
              },
              {
                key: 'buildings',
                title: t('staffing.coverage.buildings'),
                render: (_, g) => (
                  <>
                    {g.buildings}
                    {g.buildingsWithoutHead ? <span className="gd-staff-short"> {t('staffing.coverage.headless', { n: g.buildingsWithoutHead })}</span> : null}
                  </>
                ),
              },
            ]}
          />
          {show === 'gaps' ? (
            <>
              <h3>{t('staffing.coverage.buildingsWithoutHead', { n: data.data?.buildings.length ?? 0 })}</h3>
              <BuildingTable rows={data.data?.buildings ?? []} loading={data.isPending} onFill={fillHead} />
            </>
          ) : null}
        </>
      )}
      {target ? <AppointModal target={target} onClose={() => setTarget(null)} /> : null}
    </div>
  );
}
