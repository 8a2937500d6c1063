import { useT } from '../../i18n';
import { ConflictsCard } from './ConflictsCard';
import { ExportCard } from './ExportCard';
import { HistoryCard } from './HistoryCard';
import { IdentityCard } from './IdentityCard';
import { ImportCard } from './ImportCard';
import { PartnersCard } from './PartnersCard';
import '../admin/admin.css';
import './exchange.css';

/** 数据交换: the office's key card, the trust list, export and import of bundles, their history, the conflicts waiting. */
export function ExchangePage() {
  const t = useT();
  return (
    <div className="gd-admin-page" data-testid="exchange-page">
      <div className="gd-admin-head">
        <div>
          <h1 className="gd-admin-title">{t('exchange.title')}</h1>
          <div className="gd-admin-sub">{t('exchange.subtitle')}</div>
        </div>
      </div>
      <div className="gd-exchange-grid">
        <div>
          <IdentityCard />
          <div className="gd-exchange-section">
            <ExportCard />
          </div>
          <div className="gd-exchange-section">
            <ImportCard />
          </div>
        </div>
        <div>
          <ConflictsCard />
          <div className="gd-exchange-section">
            <PartnersCard />
          </div>
          <div className="gd-exchange-section">
            <HistoryCard />
          </div>
        </div>
      </div>
    </div>
  );
}
