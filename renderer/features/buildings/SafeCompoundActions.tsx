import { useState } from 'react';
import { Button } from 'antd';
import { FlagOutlined, StopOutlined } from '@ant-design/icons';
import type { BuildingDetail } from '../../../electron/api';
import { useT } from '../../i18n';
import { useCan } from '../auth/session';
import { RevokeSafeModal } from './RevokeSafeModal';
import { SafeCompoundModal } from './SafeCompoundModal';
import './safe-compound.css';

/** 授予 / 撤销放心楼院 for the building's compound; nothing for users without 'buildings.edit'. */
export function SafeCompoundActions({ building, size, disabled }: { building: BuildingDetail; size?: 'small' | 'middle'; disabled?: boolean }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState<'grant' | 'revoke' | null>(null);
  if (!can('buildings.edit')) return null;
  const designated = building.safeCompound !== null;
  return (
    <>
      {designated ? (
        <Button size={size} danger icon={<StopOutlined />} disabled={disabled} onClick={() => setOpen('revoke')} data-testid="safe-revoke-open">
          {t('safe.revoke.open')}
        </Button>
      ) : (
        <Button size={size} icon={<FlagOutlined />} disabled={disabled} onClick={() => setOpen('grant')} data-testid="safe-grant-open">
          {t('safe.grant.open')}
        </Button>
      )}
      {open === 'revoke' ? <RevokeSafeModal building={building} onClose={() => setOpen(null)} /> : null}
      {open === 'grant' ? <SafeCompoundModal building={building} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
