import { Form, Input, Radio } from 'antd';
import { needKinds, type NeedKind } from '../../../electron/api';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useApiMutation } from '../../api/queries';

interface Values {
  kind: NeedKind;
  detail: string;
  requestedBy: string;
  assignee?: string;
}

const FIELDS = ['kind', 'detail', 'requestedBy', 'assignee'] as const;

/** 登记需求: what is needed (代购/送药/其他), who asked, who delivers. */
export function NeedFormModal({ buildingId, open, onClose }: { buildingId: string; open: boolean; onClose(): void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const add = useApiMutation('buildings.addNeed');

  const save = () =>
    submit(async (values) => {
      await add.mutateAsync({
        buildingId,
        kind: values.kind,
        detail: values.detail.trim(),
        requestedBy: values.requestedBy.trim(),
        ...(values.assignee?.trim() ? { assignee: values.assignee.trim() } : {}),
      });
      form.resetFields();
      onClose();
    });

  return (
    <FormModal
      testId="need"
      open={open}
      title={t('buildings.need.addTitle')}
      okText={t('buildings.save')}
      onOk={save}
      onClose={onClose}
      pending={add.isPending}
      error={error}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'shopping' }} preserve={false}>
        <Form.Item name="kind" label={t('buildings.need.kind')} rules={[{ required: true, message: t('buildings.need.kindRequired') }]}>
          <Radio.Group
            data-testid="need-kind"
            optionType="button"
            options={needKinds.map((k) => ({ value: k, label: t(`buildings.needKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="detail"
          label={t('buildings.need.detail')}
          rules={[
            { required: true, whitespace: true, message: t('buildings.need.detailRequired') },
            { min: 2, message: t('buildings.need.detailShort') },
            { max: 200, message: t('buildings.need.detailLong') },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('buildings.need.detailPlaceholder')} data-testid="need-detail" />
        </Form.Item>
        <Form.Item
          name="requestedBy"
          label={t('buildings.need.requestedBy')}
          rules={[
            { required: true, whitespace: true, message: t('buildings.need.requestedByRequired') },
            { max: 40, message: t('buildings.field.max40') },
          ]}
        >
          <Input maxLength={40} placeholder={t('buildings.need.requestedByPlaceholder')} data-testid="need-requested-by" />
        </Form.Item>
        <Form.Item name="assignee" label={t('buildings.need.assignee')} rules={[{ max: 40, message: t('buildings.field.max40') }]}>
          <Input maxLength={40} placeholder={t('buildings.need.assigneePlaceholder')} data-testid="need-assignee" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
