import { Skeleton, Tag, Tooltip } from 'antd';
import { EnvironmentFilled } from '@ant-design/icons';
import { useSystemInfo } from '../api/queries';
import { describeError } from '../ui/error-text';
import { formatNumber } from '../i18n/format';
import { useT, type MessageKey } from '../i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { UserMenu } from '../features/auth/UserMenu';
import { useCan } from '../features/auth/session';
import { ReminderBell } from '../features/map/ReminderBell';
import { SearchBox } from '../features/search/SearchBox';
import type { SystemInfo } from '../../electron/api';

const COUNTS: { key: keyof SystemInfo['counts']; label: MessageKey }[] = [
  { key: 'communities', label: 'header.communities' },
  { key: 'grids', label: 'header.grids' },
  { key: 'buildings', label: 'header.buildings' },
  { key: 'residents', label: 'header.residents' },
];

/** Street office name, its size in figures, the language switch and the user menu. */
export function AppHeader() {
  const t = useT();
  const info = useSystemInfo();
  const canRead = useCan()('buildings.read');
  const street = info.data?.street;
  let title: React.ReactNode;
  if (info.isPending) title = <Skeleton.Input active size="small" />;
  else if (info.isError) {
    title = (
      <Tooltip title={describeError(info.error, t).message}>
        <span className="gd-header-error">{t('header.noStreet')}</span>
      </Tooltip>
    );
  } else title = street ? street.name : t('header.noStreet');

  return (
    <div className="gd-header" data-testid="app-header">
      <div className="gd-header-street">
        <EnvironmentFilled className="gd-header-pin" />
        <span className="gd-header-name" data-testid="street-name">
          {title}
        </span>
        {street ? (
          <span className="gd-header-region">
            {street.city} · {street.district}
          </span>
        ) : null}
      </div>
      <div className="gd-header-counts" data-testid="header-counts" data-counts-of={info.data?.countsOf}>
        {info.data?.countsOf === 'own' ? <span className="gd-count-own">{t('header.own')}</span> : null}
        {info.data
          ? COUNTS.map(({ key, label }) => (
              <div key={key} className="gd-count" data-testid={`count-${key}`}>
                <span className="gd-count-value">{formatNumber(info.data.counts[key])}</span>
                <span className="gd-count-label">{t(label)}</span>
              </div>
            ))
          : null}
      </div>
      <div className="gd-header-tools">
        {canRead ? <SearchBox /> : null}
        {info.data ? (
          <Tag variant="filled" className="gd-mode-tag">
            {t(info.data.mode === 'browser' ? 'header.mode.browser' : 'header.mode.electron')} v{info.data.version}
          </Tag>
        ) : null}
        {canRead ? <ReminderBell /> : null}
        <LanguageSwitch />
        <UserMenu />
      </div>
    </div>
  );
}
