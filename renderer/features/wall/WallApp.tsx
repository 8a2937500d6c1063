import { lazy, Suspense, useEffect, useRef } from 'react';
import { ConfigProvider, theme as antdTheme } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { prefetchBriefing } from '../briefing/prefetch';
import { useApiEvent, useDataChangedInvalidation } from '../../api/events';
import { useT } from '../../i18n';
import { LoadingState } from '../../ui/LoadingState';
import { PairingScreen } from './PairingScreen';
import { fetchWallStatus } from './wall-status';
import './wall.css';

const BriefingScreen = lazy(() => import('../briefing/BriefingScreen').then((m) => ({ default: m.BriefingScreen })));

/** Asked again this often: a revoked display goes back to pairing, a database opened after a restart starts showing. */
const STATUS_MS = 10_000;

/**
 * A paired wall PC (browser mode's `--wall` address): the pairing screen until a code is
 * entered, then the 大屏, read-only, with nothing to click. A revoked display is told at once (its
 * event stream is cut) and shows the pairing screen again.
 */
export function WallApp() {
  const t = useT();
  const status = useQuery({ queryKey: ['wall.status'], queryFn: fetchWallStatus, refetchInterval: STATUS_MS, retry: true, retryDelay: 2000 });
  useDataChangedInvalidation();
  useApiEvent('events.dropped', () => void status.refetch());
  // The page's one event stream stops for good when it is refused: start afresh once shown again.
  const shown = status.data ? status.data.open && status.data.paired : null;
  const wasShown = useRef<boolean | null>(null);
  useEffect(() => {
    if (shown === null) return;
    if (shown && wasShown.current === false) window.location.reload();
    wasShown.current = shown;
  }, [shown]);

  const client = useQueryClient();
  useEffect(() => {
    if (shown) prefetchBriefing(client);
  }, [shown, client]);

  let body;
  if (!status.data) body = <LoadingState text={status.isError ? t('wall.unreachable') : t('wall.checking')} testId="wall-loading" />;
  else if (!status.data.open)
    body = (
      <div className="gd-wall-pair" data-testid="wall-not-open">
        <p>{t('wall.notOpen')}</p>
      </div>
    );
  else if (!status.data.paired) body = <PairingScreen onPaired={() => window.location.reload()} />;
  else
    body = (
      <Suspense fallback={<LoadingState text={t('app.loading')} testId="page-loading" />}>
        <BriefingScreen canConfigure={false} subtitle={status.data.name ?? undefined} />
      </Suspense>
    );
  return <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm }}>{body}</ConfigProvider>;
}
