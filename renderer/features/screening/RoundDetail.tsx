import { useState } from 'react';
import { Tag } from 'antd';
import type { ScreeningRound } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { GridProgressTable } from './GridProgressTable';
import { RoundTotals } from './RoundTotals';
import { VisitQueue } from './VisitQueue';

/** One round: its figures, progress by grid, and the queue of households. */
export function RoundDetail({ round, canVisit }: { round: ScreeningRound; canVisit: boolean }) {
  const t = useT();
  const progress = useApiQuery('screening.progress', { roundId: round.id });
  const [gridId, setGridId] = useState<string | undefined>();

  if (progress.isPending) return <LoadingState text={t('screening.progress.loading')} testId="round-loading" />;
  if (progress.isError) return <ErrorState compact error={progress.error} onRetry={() => void progress.refetch()} testId="round-error" />;
  const { total, byGrid } = progress.data;

  return (
    <section className="gd-scr-detail" data-testid="round-detail" data-round-number={round.number}>
      <div className="gd-scr-detail-head">
        <h2>
          {t('screening.roundNo', { n: round.number })} · {round.name}
        </h2>
        {round.closedAt === null ? <Tag color="processing">{t('screening.inProgress')}</Tag> : <Tag>{t('screening.closed')}</Tag>}
        <span className="gd-muted">{round.scope.label}</span>
      </div>
      <RoundTotals total={total} />
      <div className="gd-scr-columns">
        <div className="gd-scr-card gd-scr-grids">
          <h2>{t('screening.grid.title')}</h2>
          <GridProgressTable rows={byGrid} selected={gridId} onSelect={setGridId} />
        </div>
        <div className="gd-scr-card">
          <VisitQueue
            key={round.id}
            roundId={round.id}
            open={round.closedAt === null}
            canVisit={canVisit}
            grids={byGrid}
            gridId={gridId}
            onGrid={setGridId}
          />
        </div>
      </div>
    </section>
  );
}
