import { Layout, Menu } from 'antd';
import { useT } from '../i18n';
import { MapPage } from '../features/map/MapPage';
import { useDataChangedInvalidation } from '../api/events';
import { AppHeader } from './AppHeader';
import { ComingSoon } from './ComingSoon';
import { DEFAULT_ROUTE, ROUTES, findRoute } from './routes';
import { navigate, useHashRoute } from './use-hash-route';

/** Left navigation, header with the street office, and the current page. */
export function AppLayout() {
  const t = useT();
  const route = findRoute(useHashRoute() || DEFAULT_ROUTE);
  useDataChangedInvalidation();

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
            selectedKeys={[route.key]}
            onClick={({ key }) => navigate(key)}
            items={ROUTES.map((r) => ({
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
        <Layout.Content className="gd-content">
          {route.ready ? <MapPage /> : <ComingSoon key={route.key} route={route} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
