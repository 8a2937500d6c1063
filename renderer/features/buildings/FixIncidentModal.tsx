import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { BuildingIncident } from '../../../electron/api';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { showFieldError } from '../../ui/form-errors';
import { useBuildingEdit } from './use-building-edit';

interface Values {
  fixNote: string;
  handler?: string;
}

/** 标记已修复: with a note on what was done. */
export function FixIncidentModal({ incident, onClose }: { incident: BuildingIncident | null; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const update = useBuildingEdit('buildings.updateIncident');

  const submit = async () => {
    if (!incident) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await update.mutateAsync({
        id: incident.id,
        fixedAt: Date.now(),
        fixNote: values.fixNote.trim(),
        ...(values.handler?.trim() ? { handler: values.handler.trim() } : {}),
      });
      onClose();
    } catch (e) {
      if (!showFieldError(form, e, ['fixNote', 'handler'])) setError(e);
    }
  };

  return (
    <Modal
      open={incident !== null}
      title={incident ? t('buildings.incident.fixTitle', { title: incident.title }) : ''}
      okText={t('buildings.incident.fix')}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={update.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'incident-fix-submit' }}
    >
      <div data-testid="incident-fix-form">
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ handler: incident?.handler ?? '' }}>
          <Form.Item
            name="fixNote"
            label={t('buildings.incident.fixNote')}
            rules={[
              { required: true, whitespace: true, message: t('buildings.incident.fixNoteRequired') },
              { min: 2, message: t('buildings.incident.fixNoteShort') },
              { max: 200, message: t('buildings.incident.fixNoteLong') },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('buildings.incident.fixNotePlaceholder')} data-testid="incident-fix-note" />
          </Form.Item>
          <Form.Item name="handler" label={t('buildings.incident.handler')} rules={[{ max: 40, message: t('buildings.field.max40') }]}>
            <Input maxLength={40} data-testid="incident-fix-handler" />
          </Form.Item>
        </Form>
        {error ? <Alert type="error" showIcon title={describeError(error, t).message} data-testid="incident-fix-error" /> : null}
      </div>
    </Modal>
  );
}
