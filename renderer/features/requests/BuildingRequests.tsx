import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RequestRow } from '../../../electron/api';
import { useT } from '../../i18n';
import { useCan } from '../auth/session';
import { RequestDrawer } from './RequestDrawer';
import { RequestFormModal } from './RequestFormModal';
import { RequestsTable } from './RequestsTable';
import { requestsHref } from './requests-href';
import './requests.css';

/** A building's requests on its page: open ones first (overdue first), the latest handled; recorded and handled here too. */
export function BuildingRequests({ buildingId, requests }: { buildingId: string; requests: RequestRow[] }) {
  const t = useT();
  const canHandle = useCan()('requests.handle');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="gd-bp-card" data-testid="building-requests">
      <div className="gd-bp-card-head">
        <h2>{t('requests.building.title')}</h2>
        <div className="gd-req-head-tools">
          <a href={requestsHref({ buildingId })} data-testid="building-requests-all">
            {t('requests.building.all')}
          </a>
          {canHandle ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="building-request-add">
              {t('requests.create')}
            </Button>
          ) : null}
        </div>
      </div>
      <RequestsTable compact rows={requests} total={requests.length} page={1} pageSize={Math.max(requests.length, 10)} loading={false} onPage={() => undefined} onOpen={setOpen} />
      <RequestDrawer id={open} onClose={() => setOpen(null)} />
      <RequestFormModal buildingId={buildingId} open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
