import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BuildingDetail } from '../../../electron/api';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { showFieldError } from '../../ui/form-errors';
import { useBuildingStatusEdit } from './use-building-edit';
import { useStatusLook, useStatuses } from './use-statuses';

interface Values {
  status: string;
  reason: string;
  effectiveUntil?: Dayjs | null;
}

/** 变更状态 of one building: the new status, why, and until when (optional). */
export function ChangeStatusModal({ building, open, onClose }: { building: BuildingDetail; open: boolean; onClose(): void }) {
  const t = useT();
  const statuses = useStatuses();
  const look = useStatusLook();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const change = useBuildingStatusEdit();

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await change.mutateAsync({
        id: building.id,
        status: values.status,
        reason: values.reason.trim(),
        effectiveUntil: values.effectiveUntil ? values.effectiveUntil.valueOf() : null,
      });
      onClose();
    } catch (e) {
      if (!showFieldError(form, e, ['status', 'reason', 'effectiveUntil'])) setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('buildings.status.title')}
      okText={t('buildings.save')}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={change.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'status-submit' }}
    >
      <div data-testid="status-form">
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ status: building.status }}>
          <Form.Item name="status" label={t('buildings.status.new')} rules={[{ required: true, message: t('buildings.status.required') }]}>
            <Select
              data-testid="status-select"
              options={statuses.data
                .filter((s) => !s.retired)
                .map((s) => ({
                  value: s.key,
                  label: (
                    <span className="gd-bld-status-option">
                      <span className="gd-bld-dot" style={{ background: s.color }} />
                      {look(s.key).label}
                    </span>
                  ),
                }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('buildings.status.reason')}
            rules={[
              { required: true, whitespace: true, message: t('buildings.status.reasonRequired') },
              { min: 2, message: t('buildings.status.reasonRequired') },
              { max: 200, message: t('buildings.status.reasonLong') },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('buildings.status.reasonPlaceholder')} data-testid="status-reason" />
          </Form.Item>
          <Form.Item
            name="effectiveUntil"
            label={t('buildings.status.until')}
            extra={t('buildings.status.untilHint')}
            rules={[
              {
                validator: (_, value: Dayjs | null | undefined) =>
                  value && !value.isAfter(dayjs()) ? Promise.reject(new Error(t('buildings.status.untilPast'))) : Promise.resolve(),
              },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY/MM/DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="status-until" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={describeError(error, t).message} data-testid="status-error" /> : null}
      </div>
    </Modal>
  );
}
