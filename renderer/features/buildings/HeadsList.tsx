import { Empty, Tag } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { DutyHolder } from '../../../electron/api';
import { useT } from '../../i18n';

/** Building head up to zone head, with masked phones. */
export function HeadsList({ heads }: { heads: DutyHolder[] }) {
  const t = useT();
  if (heads.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.heads.none')} />;
  return (
    <ul className="gd-bp-heads" data-testid="building-page-heads">
      {heads.map((head, i) => (
        <li key={`${head.role}-${i}`}>
          <span className="gd-bp-head-role">{t(`role.${head.role}`)}</span>
          <span className="gd-bp-head-name">
            {head.name}
            {head.partyMember ? (
              <Tag color="red" variant="filled" className="gd-bp-party">
                {t('building.party')}
              </Tag>
            ) : null}
          </span>
          <span className="gd-bp-head-phone">
            <PhoneOutlined aria-hidden="true" /> {head.phone}
          </span>
        </li>
      ))}
    </ul>
  );
}
