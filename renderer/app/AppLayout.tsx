import { lazy, Suspense, useEffect, useMemo, type ComponentType } from 'react';
import { Empty, Layout, Menu } from 'antd';
import { useT } from '../i18n';
import { MapPage } from '../features/map/MapPage';
import { useDataChangedInvalidation } from '../api/events';
import { openStartupGate } from '../api/startup-gate';
import { hasPermission, useSessionUser } from '../features/auth/session';
import { LoadingState } from '../ui/LoadingState';
import { JobsTray } from '../features/jobs/JobsTray';
import { DamageBanner } from '../features/backups/DamageBanner';
import { AppHeader } from './AppHeader';
import { useQueryClient } from '@tanstack/react-query';
import { prefetchBriefing } from '../features/briefing/prefetch';
import { ComingSoon } from './ComingSoon';
import { FORMER_ROUTES, ROUTES, findRoute, landingRoute, type RouteDef } from './routes';
import { navigate, replaceHash, useHashRoute } from './use-hash-route';

// Administration pages: only administrators open them, so they load on first use.
const AccountsPage = lazy(() => import('../features/admin/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../features/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const StatusesPage = lazy(() => import('../features/admin/StatusesPage').then((m) => ({ default: m.StatusesPage })));
const BackupsPage = lazy(() => import('../features/admin/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const TerritoryPage = lazy(() => import('../features/territory/TerritoryPage').then((m) => ({ default: m.TerritoryPage })));

const BuildingsPage = lazy(() => import('../features/buildings/BuildingsPage').then((m) => ({ default: m.BuildingsPage })));
const ScreeningPage = lazy(() => import('../features/screening/ScreeningPage').then((m) => ({ default: m.ScreeningPage })));
const ReportPage = lazy(() => import('../features/report/ReportPage').then((m) => ({ default: m.ReportPage })));
const RequestsPage = lazy(() => import('../features/requests/RequestsPage').then((m) => ({ default: m.RequestsPage })));
const BriefingPage = lazy(() => import('../features/briefing/BriefingPage').then((m) => ({ default: m.BriefingPage })));
const ExchangePage = lazy(() => import('../features/exchange/ExchangePage').then((m) => ({ default: m.ExchangePage })));
const StaffingPage = lazy(() => import('../features/staffing/StaffingPage').then((m) => ({ default: m.StaffingPage })));
const VolunteersPage = lazy(() => import('../features/volunteers/VolunteersPage').then((m) => ({ default: m.VolunteersPage })));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));

const PAGES: Record<string, ComponentType> = {
  overview: OverviewPage,
  report: ReportPage,
  map: MapPage,
  buildings: BuildingsPage,
  screening: ScreeningPage,
  requests: RequestsPage,
  staffing: StaffingPage,
  accounts: AccountsPage,
  statuses: StatusesPage,
  audit: AuditPage,
  backups: BackupsPage,
  exchange: ExchangePage,
  territory: TerritoryPage,
  volunteers: VolunteersPage,
};

function Page({ route }: { route: RouteDef }) {
  const t = useT();
  const Component = route.ready ? PAGES[route.key] : undefined;
  if (!Component) return <ComingSoon key={route.key} route={route} />;
  return (
    <Suspense fallback={<LoadingState text={t('app.loading')} testId="page-loading" />}>
      <Component />
    </Suspense>
  );
}

/** Left navigation (what the user may use), header with the street office, and the current page. */
export function AppLayout() {
  const t = useT();
  const user = useSessionUser();
  const allowed = useMemo(() => ROUTES.filter((r) => hasPermission(user, r.permission)), [user]);
  const asked = useHashRoute();
  const former = FORMER_ROUTES[asked];
  useEffect(() => {
    if (former) replaceHash(former.route, [], { tab: former.tab });
  }, [former]);
  const route = findRoute(former?.route ?? (asked || landingRoute(user.role)), allowed);
  useDataChangedInvalidation();
  const onMap = route?.key === 'map';
  useEffect(() => {
    if (!onMap) openStartupGate();
  }, [onMap]);
  const client = useQueryClient();
  const onBriefing = route?.key === 'briefing';
  useEffect(() => {
    if (onBriefing) prefetchBriefing(client);
  }, [onBriefing, client]);

  // The wall display fills the whole screen: no navigation, no header.
  if (route?.key === 'briefing') {
    return (
      <Suspense fallback={<LoadingState text={t('app.loading')} testId="page-loading" />}>
        <BriefingPage />
      </Suspense>
    );
  }

  return (
    <Layout className="gd-app" data-testid="app">
      <Layout.Sider width={188} className="gd-sider" theme="dark">
        <div className="gd-brand" data-testid="brand">
          <div className="gd-brand-mark" aria-hidden="true">
            格
          </div>
          <div>
            <div className="gd-brand-name">{t('app.name')}</div>
            <div className="gd-brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            theme="dark"
            mode="inline"
            data-testid="nav"
            selectedKeys={route ? [route.key] : []}
            onClick={({ key }) => navigate(key)}
            items={allowed.map((r) => ({
              key: r.key,
              icon: r.icon,
              label: <span data-testid={`nav-${r.key}`}>{t(r.label)}</span>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="gd-header-bar">
          <AppHeader />
        </Layout.Header>
        <DamageBanner />
        <Layout.Content className="gd-content">
          {route ? <Page route={route} /> : <Empty className="gd-state" data-testid="no-pages" />}
        </Layout.Content>
        <JobsTray />
      </Layout>
    </Layout>
  );
}
