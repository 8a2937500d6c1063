import { Empty, Tag } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { DutyHolder } from '../../../electron/api';
import { useT } from '../../i18n';
import './building-heads.css';

/** The people responsible for the building, from building head up to zone head. */
export function BuildingHeads({ heads }: { heads: DutyHolder[] }) {
  const t = useT();
  if (heads.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('building.heads.none')} data-testid="building-heads-empty" />;
  }
  return (
    <ul className="gd-heads" data-testid="building-heads">
      {heads.map((head, i) => (
        <li key={`${head.role}-${i}`} className="gd-head" data-testid={`head-${head.role}`}>
          <span className="gd-head-role">{t(`role.${head.role}`)}</span>
          <span className="gd-head-name">
            {head.name}
            {head.partyMember ? (
              <Tag color="red" variant="filled" className="gd-party-tag">
                {t('building.party')}
              </Tag>
            ) : null}
          </span>
          <span className="gd-head-phone">
            <PhoneOutlined aria-hidden="true" /> {head.phone}
          </span>
        </li>
      ))}
    </ul>
  );
}
