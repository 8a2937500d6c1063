import { App, ColorPicker, Form, Input, InputNumber, Switch } from 'antd';
import type { StatusDefinition } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { textCount, textLimitRule } from '../../ui/text-limit';

interface Values {
  key: string;
  label: string;
  labelEn: string;
  color: string;
  rank: number;
  retired: boolean;
}

const FIELDS = ['key', 'label', 'labelEn', 'color', 'rank', 'retired'] as const;
const KEY_PATTERN = /^[a-z][a-z0-9_]{1,31}$/;
const PRESETS = ['#cf1322', '#fa541c', '#fa8c16', '#faad14', '#fadb14', '#a0d911', '#389e0d', '#13c2c2', '#1677ff', '#722ed1', '#eb2f96', '#8c8c8c'];

/** 新增状态 (no `status`) or 编辑 one: label, English label, colour, rank and retirement. */
export function StatusFormModal({ status, onClose }: { status: StatusDefinition | null; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const save = useApiMutation('statuses.save');
  const baseline = status?.rank === 0;

  const onOk = () =>
    submit(async (values) => {
      const saved = await save.mutateAsync({
        key: status ? status.key : values.key.trim(),
        create: status === null,
        label: values.label.trim(),
        labelEn: values.labelEn.trim(),
        color: values.color.toLowerCase(),
        rank: values.rank,
        retired: values.retired,
      });
      void message.success(t(status ? 'statuses.saved' : 'statuses.created', { label: saved.label }));
      onClose();
    });

  const initial: Values = status
    ? { ...status }
    : { key: '', label: '', labelEn: '', color: '#1677ff', rank: 15, retired: false };

  return (
    <FormModal
      testId="status-form"
      open
      title={status ? t('statuses.form.editTitle', { label: status.label }) : t('statuses.form.createTitle')}
      okText={t('common.save')}
      onOk={onOk}
      onClose={onClose}
      pending={save.isPending}
      error={error}
    >
      <Form<Values> form={form} name="status" layout="vertical" requiredMark={false} initialValues={initial} onFinish={onOk} disabled={save.isPending}>
        <Form.Item
          label={t('statuses.form.key')}
          name="key"
          extra={status ? undefined : t('statuses.form.keyHelp')}
          rules={
            status
              ? []
              : [
                  { required: true, whitespace: true, message: t('statuses.form.keyRequired') },
                  { pattern: KEY_PATTERN, message: t('statuses.form.keyPattern') },
                ]
          }
        >
          <Input autoComplete="off" disabled={!!status} data-testid="status-key" />
        </Form.Item>
        <Form.Item
          label={t('statuses.form.label')}
          name="label"
          rules={[
            { required: true, whitespace: true, message: t('statuses.form.labelRequired') },
            textLimitRule(12, t('statuses.form.labelLong')),
          ]}
        >
          <Input autoComplete="off" count={textCount(12)} data-testid="status-label" />
        </Form.Item>
        <Form.Item
          label={t('statuses.form.labelEn')}
          name="labelEn"
          rules={[
            { required: true, whitespace: true, message: t('statuses.form.labelEnRequired') },
            textLimitRule(32, t('statuses.form.labelEnLong')),
          ]}
        >
          <Input autoComplete="off" count={textCount(32)} data-testid="status-label-en" />
        </Form.Item>
        <Form.Item
          label={t('statuses.form.color')}
          name="color"
          getValueFromEvent={(color: { toHexString(): string }) => color.toHexString().slice(0, 7)}
          rules={[{ required: true, message: t('statuses.form.colorRequired') }]}
        >
          <ColorPicker
            format="hex"
            disabledAlpha
            disabledFormat
            showText
            data-testid="status-color"
            presets={[{ label: t('statuses.form.presets'), colors: PRESETS }]}
          />
        </Form.Item>
        <Form.Item
          label={t('statuses.form.rank')}
          name="rank"
          extra={baseline ? t('statuses.form.rankBaselineHelp') : t('statuses.form.rankHelp')}
          rules={[
            { required: true, message: t('statuses.form.rankRequired') },
            {
              validator: (_, v: number | null) =>
                !baseline && v === 0 ? Promise.reject(new Error(t('statuses.form.rankZero'))) : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={baseline ? 0 : 1} max={100} precision={0} disabled={baseline} data-testid="status-rank" />
        </Form.Item>
        <Form.Item
          label={t('statuses.form.retired')}
          name="retired"
          valuePropName="checked"
          extra={baseline ? t('statuses.form.retiredBaseline') : t('statuses.form.retiredHelp')}
        >
          <Switch disabled={baseline} data-testid="status-retired" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
