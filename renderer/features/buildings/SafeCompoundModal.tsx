import { textCount, textLimitRule } from '../../ui/text-limit';
import { App, Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BuildingDetail } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { SAFE_CRITERIA } from './safe-criteria';

interface Values {
  criteria: string[];
  grantedAt: Dayjs;
  note?: string;
}

const FIELDS = ['criteria', 'grantedAt', 'note'] as const;

/** Today: now; an earlier day: that day's start (never a moment in the future). */
function grantedInstant(day: Dayjs): number {
  return day.isSame(dayjs(), 'day') ? Date.now() : day.startOf('day').valueOf();
}

/** 授予放心楼院 to the compound of a building: the criteria it meets, the date granted, a note. */
export function SafeCompoundModal({ building, onClose }: { building: BuildingDetail; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const designate = useApiMutation('compounds.designateSafe');
  const name = building.compound.name;

  const onOk = () =>
    submit(async (values) => {
      const note = values.note?.trim();
      await designate.mutateAsync({
        compoundId: building.compound.id,
        grantedAt: grantedInstant(values.grantedAt),
        criteria: values.criteria,
        ...(note ? { note } : {}),
      });
      void message.success(t('safe.grant.done', { name }));
      onClose();
    });

  return (
    <FormModal
      testId="safe-grant"
      open
      title={t('safe.grant.title', { name })}
      okText={t('safe.grant.submit')}
      onOk={onOk}
      onClose={onClose}
      pending={designate.isPending}
      error={error}
    >
      <p className="gd-muted">{t('safe.grant.hint')}</p>
      <Form<Values>
        form={form}
        name="safe-grant"
        layout="vertical"
        requiredMark
        initialValues={{ criteria: [], grantedAt: dayjs() }}
        onFinish={onOk}
        disabled={designate.isPending}
      >
        <Form.Item
          label={t('safe.grant.criteria')}
          name="criteria"
          rules={[{ required: true, type: 'array', min: 1, message: t('safe.grant.criteriaRequired') }]}
        >
          <Checkbox.Group data-testid="safe-grant-criteria" className="gd-safe-criteria-group">
            {SAFE_CRITERIA.map((c) => (
              <Checkbox key={c.value} value={c.value} data-testid={`safe-criterion-${c.value}`}>
                {t(c.label)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          label={t('safe.grant.grantedAt')}
          name="grantedAt"
          rules={[
            { required: true, message: t('safe.grant.grantedAtRequired') },
            {
              validator: (_, v: Dayjs | null) =>
                v && v.isAfter(dayjs(), 'day') ? Promise.reject(new Error(t('safe.grant.grantedAtFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="safe-grant-date" />
        </Form.Item>
        <Form.Item label={t('safe.grant.note')} name="note" rules={[textLimitRule(200, t('safe.grant.noteLong'))]}>
          <Input.TextArea rows={2} count={textCount(200)} placeholder={t('safe.grant.notePlaceholder')} data-testid="safe-grant-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
