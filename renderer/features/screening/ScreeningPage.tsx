import { useState } from 'react';
import { App, Button, Empty } from 'antd';
import type { ScreeningRound } from '../../../electron/api';
import { useJobFinished } from '../jobs/use-jobs';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { hashHref, replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useCan } from '../auth/session';
import { RoundDetail } from './RoundDetail';
import { RoundsTable } from './RoundsTable';
import { StartRoundModal } from './StartRoundModal';
import { roundToOpen } from './round-to-open';
import './screening.css';

/** 入户摸排: the rounds, one round's progress by grid, and its queue of households to visit. */
export function ScreeningPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const { query } = useHashLocation();
  const rounds = useApiQuery('screening.rounds', {});
  const [starting, setStarting] = useState(false);

  const list = [...(rounds.data ?? [])].sort((a, b) => b.number - a.number);
  const selected = roundToOpen(list, query.get('round'));
  const select = (id: string) => replaceHash('screening', [], { round: id });
  const watchStart = useJobFinished((job) => {
    if (job.state !== 'done') return;
    select((job.result as ScreeningRound).id);
    void message.success(job.summary ?? '');
  });

  return (
    <div className="gd-page" data-testid="screening-page">
      <div className="gd-scr-head">
        <div>
          <h1 className="gd-scr-title">{t('screening.title')}</h1>
          <div className="gd-muted">{t('screening.subtitle')}</div>
        </div>
        <div className="gd-scr-head-actions">
          {selected ? (
            <Button icon={<EnvironmentOutlined />} href={hashHref('map', [], { layer: 'screening', round: selected.id })} data-testid="screening-map">
              {t('screening.onMap')}
            </Button>
          ) : null}
          {can('screening.run') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="round-start">
              {t('screening.start')}
            </Button>
          ) : null}
        </div>
      </div>
      {rounds.isPending ? <LoadingState text={t('screening.loading')} testId="rounds-loading" /> : null}
      {rounds.isError ? <ErrorState compact error={rounds.error} onRetry={() => void rounds.refetch()} testId="rounds-error" /> : null}
      {rounds.data ? (
        <>
          <RoundsTable rounds={list} selected={selected?.id ?? null} canRun={can('screening.run')} onSelect={select} />
          {selected ? (
            <RoundDetail key={selected.id} round={selected} canVisit={can('screening.visit')} />
          ) : (
            <Empty className="gd-scr-empty" description={t('screening.noRounds')} />
          )}
        </>
      ) : null}
      <StartRoundModal
        open={starting}
        onClose={() => setStarting(false)}
        onStarted={(job) => {
          setStarting(false);
          watchStart(job);
        }}
      />
    </div>
  );
}
