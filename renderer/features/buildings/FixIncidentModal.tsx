import { Form, Input } from 'antd';
import type { BuildingIncident } from '../../../electron/api';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useApiMutation } from '../../api/queries';

interface Values {
  fixNote: string;
  handler?: string;
}

const FIELDS = ['fixNote', 'handler'] as const;

/** 标记已修复: with a note on what was done. */
export function FixIncidentModal({ incident, onClose }: { incident: BuildingIncident | null; onClose(): void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const update = useApiMutation('buildings.updateIncident');

  const save = () =>
    submit(async (values) => {
      if (!incident) return;
      await update.mutateAsync({
        id: incident.id,
        fixedAt: Date.now(),
        fixNote: values.fixNote.trim(),
        ...(values.handler?.trim() ? { handler: values.handler.trim() } : {}),
      });
      onClose();
    });

  return (
    <FormModal
      testId="incident-fix"
      open={incident !== null}
      title={incident ? t('buildings.incident.fixTitle', { title: incident.title }) : ''}
      okText={t('buildings.incident.fix')}
      onOk={save}
      onClose={onClose}
      pending={update.isPending}
      error={error}
    >
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
    </FormModal>
  );
}
