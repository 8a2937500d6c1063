import { memo } from 'react';
import { Dropdown, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { BoardPerson } from '../../../electron/api';
import { useT } from '../../i18n';
import { timeOf } from './staffing-dates';

export type ChipAction = 'signIn' | 'signOut' | 'noShow' | 'clear' | 'unassign';

interface Props {
  person: BoardPerson;
  actions: ChipAction[];
  onAction: (assignmentId: string, a: ChipAction) => void;
}

/** Who is on a shift, with 到岗/离岗 marks; its menu records attendance or takes the person off. */
export const PersonChip = memo(function PersonChip({ person, actions, onAction }: Props) {
  const t = useT();
  const state = person.noShow ? 'noshow' : person.signedOutAt !== null ? 'out' : person.signedInAt !== null ? 'in' : 'planned';
  const title = [
    person.signedInAt !== null ? t('staffing.signedIn', { at: timeOf(person.signedInAt) }) : null,
    person.signedOutAt !== null ? t('staffing.signedOut', { at: timeOf(person.signedOutAt) }) : null,
    person.noShow ? t('staffing.noShow') : null,
    person.overrideReason ? t('staffing.overridden', { reason: person.overrideReason }) : null,
  ]
    .filter(Boolean)
    .join('；');
  const items = actions.map((a) => ({ key: a, label: t(a === 'unassign' ? 'staffing.unassign' : `staffing.attend.${a}`), danger: a === 'unassign' }));
  const chip = (
    <Tag className={`gd-staff-chip gd-staff-chip-${state}`} data-testid="staff-chip" data-state={state} data-assignment={person.assignmentId}>
      {person.overridden.length ? <WarningOutlined /> : null} {person.name}
      {state === 'in' ? ' ✓' : state === 'noshow' ? ' ✗' : ''}
    </Tag>
  );
  const withTip = title ? <Tooltip title={title}>{chip}</Tooltip> : chip;
  if (!items.length) return withTip;
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onAction(person.assignmentId, key as ChipAction) }}>
      <span role="button" tabIndex={0} className="gd-staff-chip-wrap">
        {withTip}
      </span>
    </Dropdown>
  );
});
