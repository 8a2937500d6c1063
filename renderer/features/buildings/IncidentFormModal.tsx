import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useApiMutation } from '../../api/queries';

interface Values {
  title: string;
  detail?: string;
  handler?: string;
  reportedAt?: Dayjs | null;
}

const FIELDS = ['title', 'detail', 'handler', 'reportedAt'] as const;

/** 登记事件: what happened (屋顶防水层被掀开), when, and who handles it. */
export function IncidentFormModal({ buildingId, open, onClose }: { buildingId: string; open: boolean; onClose(): void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const add = useApiMutation('buildings.addIncident');

  const save = () =>
    submit(async (values) => {
      await add.mutateAsync({
        buildingId,
        title: values.title.trim(),
        ...(values.detail?.trim() ? { detail: values.detail.trim() } : {}),
        ...(values.handler?.trim() ? { handler: values.handler.trim() } : {}),
        ...(values.reportedAt ? { reportedAt: values.reportedAt.valueOf() } : {}),
      });
      form.resetFields();
      onClose();
    });

  return (
    <FormModal
      testId="incident"
      open={open}
      title={t('buildings.incident.addTitle')}
      okText={t('buildings.save')}
      onOk={save}
      onClose={onClose}
      pending={add.isPending}
      error={error}
    >
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="title"
          label={t('buildings.incident.titleField')}
          rules={[
            { required: true, whitespace: true, message: t('buildings.incident.titleRequired') },
            { min: 2, message: t('buildings.incident.titleShort') },
            { max: 60, message: t('buildings.incident.titleLong') },
          ]}
        >
          <Input maxLength={60} placeholder={t('buildings.incident.titlePlaceholder')} data-testid="incident-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('buildings.incident.detail')} rules={[{ max: 500, message: t('buildings.incident.detailLong') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="incident-detail" />
        </Form.Item>
        <Form.Item name="handler" label={t('buildings.incident.handler')} rules={[{ max: 40, message: t('buildings.field.max40') }]}>
          <Input maxLength={40} placeholder={t('buildings.incident.handlerPlaceholder')} data-testid="incident-handler" />
        </Form.Item>
        <Form.Item
          name="reportedAt"
          label={t('buildings.incident.reportedAt')}
          extra={t('buildings.incident.reportedAtHint')}
          rules={[
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && value.isAfter(dayjs()) ? Promise.reject(new Error(t('buildings.incident.reportedAtFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY/MM/DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="incident-reported-at" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
