import { Form, Input } from 'antd';
import type { ShiftTemplate } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { MinutesInput } from './MinutesInput';

interface Values {
  name: string;
  startMinute: number;
  minutes: number;
}

const FIELDS = ['name', 'startMinute', 'minutes'] as const;

/**
 * A shift of a post, new or changed: name, start and length. A shift may cross midnight (it
 * belongs to the day it starts); the service refuses a zero length or one over 24 h, shown under the field.
 */
export function TemplateFormModal({ postId, template, onClose }: { postId: string; template?: ShiftTemplate | undefined; onClose: () => void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const save = useApiMutation('staffing.saveTemplate');
  return (
    <FormModal
      testId="staff-template"
      open
      title={template ? t('staffing.template.edit') : t('staffing.template.new')}
      okText={t('staffing.post.save')}
      pending={save.isPending}
      error={error}
      onClose={onClose}
      onOk={() =>
        submit(async (v) => {
          await save.mutateAsync({ ...(template ? { id: template.id } : {}), postId, name: v.name?.trim() ?? '', startMinute: v.startMinute, minutes: v.minutes });
          onClose();
        })
      }
    >
      <Form form={form} layout="vertical" initialValues={template ? { name: template.name, startMinute: template.startMinute, minutes: template.minutes } : { name: '', startMinute: 8 * 60, minutes: 4 * 60 }}>
        <Form.Item name="name" label={t('staffing.template.name')}>
          <Input maxLength={10} data-testid="staff-template-name" />
        </Form.Item>
        <Form.Item name="startMinute" label={t('staffing.template.start')}>
          <MinutesInput maxHours={23} testId="staff-template-start" />
        </Form.Item>
        <Form.Item name="minutes" label={t('staffing.template.length')} extra={t('staffing.template.lengthHelp')}>
          <MinutesInput maxHours={99} testId="staff-template-length" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
