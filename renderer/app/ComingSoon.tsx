import { Button, Empty } from 'antd';
import { useT } from '../i18n';
import type { RouteDef } from './routes';
import { navigate } from './use-hash-route';

/** A tidy placeholder for the pages that are not built yet. */
export function ComingSoon({ route }: { route: RouteDef }) {
  const t = useT();
  const page = t(route.label);
  return (
    <div className="gd-soon" data-testid={`page-${route.key}`}>
      <Empty
        data-testid="coming-soon"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div>
            <div className="gd-soon-title">{t('soon.title')}</div>
            <div className="gd-soon-text">{t('soon.description', { page })}</div>
          </div>
        }
      >
        <Button type="primary" onClick={() => navigate('map')}>
          {t('soon.backToMap')}
        </Button>
      </Empty>
    </div>
  );
}
