import { useState } from 'react';
import { Input, Modal, type ButtonProps } from 'antd';
import type { RuleCheck } from '../../../electron/api';
import { useT } from '../../i18n';

interface Props {
  name: string;
  checks: RuleCheck[];
  onCancel: () => void;
  onConfirm: (reason: string) => void;
  busy: boolean;
}

/** The rules an assignment would break; it is made only with a written reason. */
export function OverrideDialog({ name, checks, onCancel, onConfirm, busy }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      open
      title={t('staffing.override.title')}
      okText={t('staffing.override.ok')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'staff-override-ok' } as ButtonProps}
      onCancel={onCancel}
      onOk={() => {
        if (!reason.trim()) setMissing(true);
        else onConfirm(reason.trim());
      }}
    >
      <p>{t('staffing.override.intro', { name })}</p>
      <ul data-testid="staff-rule-warnings">
        {checks.map((c) => (
          <li key={c.rule} data-rule={c.rule}>
            <strong>{t(`staffing.rule.${c.rule}`)}</strong>：{c.message}
          </li>
        ))}
      </ul>
      <Input.TextArea
        rows={3}
        maxLength={200}
        placeholder={t('staffing.override.reason')}
        value={reason}
        status={missing ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setMissing(false);
        }}
        data-testid="staff-override-reason"
      />
      {missing ? <div className="gd-staff-error">{t('staffing.override.required')}</div> : null}
    </Modal>
  );
}
