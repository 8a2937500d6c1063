import { memo, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Button, ConfigProvider, theme as antdTheme } from 'antd';
import { LogoutOutlined, SettingOutlined } from '@ant-design/icons';
import type { Briefing, BriefingPanel } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ChartsPanel } from './ChartsPanel';
import { CommunitiesPanel } from './CommunitiesPanel';
import { KeyFigures } from './KeyFigures';
import { MapPanel } from './MapPanel';
import { SettingsModal } from './SettingsModal';
import { TrendsPanel } from './TrendsPanel';
import { useRotation } from './use-rotation';
import { useStaleness } from './use-staleness';
import './briefing.css';

/** Drawn again only when their figures change (the staleness check ticks every second). */
const PANELS: Record<BriefingPanel, ComponentType<{ data: Briefing }>> = {
  map: memo(MapPanel),
  communities: memo(CommunitiesPanel),
  charts: memo(ChartsPanel),
  trends: memo(TrendsPanel),
};
const Figures = memo(KeyFigures);

/** How often the display asks for its figures when nothing is pushed: a third of the stale time, at most every 30 s. */
const pollMs = (staleAfterSeconds: number) => Math.min(30, Math.max(3, Math.floor(staleAfterSeconds / 3))) * 1000;

function Clock() {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return <span className="gd-brief-clock">{formatDateTime(now)}</span>;
}

export interface BriefingScreenProps {
  /** Offer the settings (administrators and leaders in the operator's window; never on a read-only display). */
  canConfigure: boolean;
  /** Small buttons of the operator's window (snapshots, pairing); none on a read-only display. */
  tools?: ReactNode;
  /** Leave the display (none on a wall PC: there is nowhere else to go). */
  onExit?: () => void;
  /** Shown after the title (a paired wall's name). */
  subtitle?: string;
}

/**
 * 大屏: the leaders' wall display. Key figures always on screen, the panels taking turns below
 * them; live through the pushed changes, and saying so when its figures may be out of date.
 * Nothing on it asks for input; the small buttons in the corner leave it or set it up.
 */
export function BriefingScreen({ canConfigure, tools, onExit, subtitle }: BriefingScreenProps) {
  const t = useT();
  const settingsQuery = useApiQuery('briefing.settings', {});
  const settings = settingsQuery.data;
  const staleAfter = settings?.staleAfterSeconds ?? 60;
  const briefing = useApiQuery('briefing.get', {}, { refetchInterval: pollMs(staleAfter), refetchIntervalInBackground: true, retry: false });
  const stale = useStaleness(briefing.dataUpdatedAt, staleAfter);
  const panels = settings?.panels ?? [];
  const index = useRotation(panels, settings?.rotate ?? false, settings?.intervalSeconds ?? 20);
  const [editing, setEditing] = useState(false);
  // The panel on show is drawn first; the others join once that has painted (then stay mounted).
  const [allMounted, setAllMounted] = useState(false);
  const ready = !!briefing.data && !!settings;
  useEffect(() => {
    if (!ready || allMounted) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setAllMounted(true), 50)));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, allMounted]);
  const data = briefing.data;

  let staleText: string | null = null;
  if (stale) staleText = data ? t('briefing.stale.detail', { at: formatDateTime(briefing.dataUpdatedAt) }) : t('briefing.stale.never');

  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm }}>
      <div className={`gd-brief${stale ? ' gd-brief-is-stale' : ''}`} data-testid="page-briefing" data-stale={stale}>
        <header className="gd-brief-head">
          <div className="gd-brief-title">
            <h1>{data ? `${data.street} · ${t('briefing.title')}` : t('briefing.title')}</h1>
            {data?.scope === 'grids' ? <span className="gd-brief-scope">{t('briefing.scope.grids')}</span> : null}
            {subtitle ? <span className="gd-brief-scope">{subtitle}</span> : null}
          </div>
          <div className="gd-brief-status">
            <span className={`gd-brief-live ${stale ? 'gd-brief-live-off' : ''}`} data-testid="briefing-live">
              {stale ? t('briefing.stale') : t('briefing.live')}
            </span>
            {data ? (
              <span className="gd-brief-updated" data-testid="briefing-updated">
                {t('briefing.updatedAt', { at: formatDateTime(briefing.dataUpdatedAt) })}
              </span>
            ) : null}
            <Clock />
            {data ? tools : null}
            {canConfigure && settings ? (
              <Button type="text" icon={<SettingOutlined />} aria-label={t('briefing.settings')} onClick={() => setEditing(true)} data-testid="briefing-settings-open" />
            ) : null}
            {onExit ? <Button type="text" icon={<LogoutOutlined />} aria-label={t('briefing.exit')} onClick={onExit} data-testid="briefing-exit" /> : null}
          </div>
        </header>
        {staleText ? (
          <div className="gd-brief-stale-banner" role="alert" data-testid="briefing-stale">
            {staleText}
          </div>
        ) : null}
        {!data && briefing.isPending ? <LoadingState text={t('briefing.loading')} testId="briefing-loading" /> : null}
        {!data && briefing.isError ? <ErrorState error={briefing.error} onRetry={() => void briefing.refetch()} testId="briefing-error" /> : null}
        {data && settings ? (
          <>
            <Figures data={data} />
            <main className="gd-brief-stage">
              <div className="gd-brief-stage-head">
                <h2 data-testid="briefing-panel-title">{t(`briefing.panel.${panels[index]!}`)}</h2>
                {panels.length > 1 ? (
                  <ol className="gd-brief-dots" aria-label={t('briefing.panel.of', { n: index + 1, total: panels.length })}>
                    {panels.map((p, i) => (
                      <li key={p} className={i === index ? 'gd-brief-dot-on' : undefined}>
                        {t(`briefing.panel.${p}`)}
                      </li>
                    ))}
                  </ol>
                ) : null}
              </div>
              <div className="gd-brief-panels">
                {panels.map((p, i) => {
                  const Panel = PANELS[p];
                  return (
                    <section key={p} className={`gd-brief-panel${i === index ? ' gd-brief-panel-on' : ''}`} data-testid={`briefing-panel-${p}`} data-active={i === index} aria-hidden={i !== index}>
                      {i === index || allMounted ? <Panel data={data} /> : null}
                    </section>
                  );
                })}
              </div>
            </main>
          </>
        ) : null}
        {editing && settings && canConfigure ? <SettingsModal settings={settings} onClose={() => setEditing(false)} /> : null}
      </div>
    </ConfigProvider>
  );
}
