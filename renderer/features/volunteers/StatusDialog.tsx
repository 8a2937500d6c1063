import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { volunteerStatuses, type VolunteerStatus } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

/** 变更状态: the new status and, always, the reason (kept in the history and the audit). */
export function StatusDialog({ id, current, onClose }: { id: string; current: VolunteerStatus; onClose(): void }) {
  const t = useT();
  const [status, setStatus] = useState<VolunteerStatus>(volunteerStatuses.find((s) => s !== current)!);
  const [reason, setReason] = useState('');
  const change = useApiMutation('volunteers.setStatus', { onSuccess: onClose });
  const short = reason.trim().length < 2;
  return (
    <Modal open title={t('volunteers.changeStatus')} onCancel={onClose} onOk={() => change.mutate({ id, status, reason: reason.trim() })} okButtonProps={{ disabled: short, loading: change.isPending, 'data-testid': 'status-ok' } as never}>
      <Form layout="vertical">
        <Form.Item label={t('volunteers.newStatus')}>
          <Select value={status} onChange={setStatus} options={volunteerStatuses.filter((s) => s !== current).map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))} data-testid="status-select" />
        </Form.Item>
        <Form.Item label={t('volunteers.reason')} required help={short ? t('volunteers.reasonRequired') : undefined} validateStatus={change.error ? 'error' : undefined}>
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="status-reason" />
        </Form.Item>
        {change.error && <div className="gd-error-text">{describeError(change.error, t).message}</div>}
      </Form>
    </Modal>
  );
}
