import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { REQUEST_NAME_MAX, REQUEST_TEXT_MAX, REQUEST_TITLE_MAX, type RequestDetail, type RequestKind, type RequestLevel, type RequestSource } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { textCount, textLimitRule } from '../../ui/text-limit';
import { useFormSubmit } from '../../ui/use-form-submit';
import { BuildingPicker } from './BuildingPicker';
import { useRequestOptions } from './request-words';

interface Values {
  buildingId: string;
  kind: RequestKind;
  title: string;
  description?: string;
  source: RequestSource;
  requester?: string;
  level: RequestLevel;
  handler?: string;
  receivedAt?: Dayjs | null;
}

const FIELDS = ['buildingId', 'kind', 'title', 'description', 'source', 'requester', 'level', 'handler', 'receivedAt'] as const;

/**
 * 登记诉求: at a building (given when opened from its page), what, from where, who asked; received
 * now unless an earlier time is typed. A future time is refused with a message, never cleared.
 */
export function RequestFormModal({ buildingId, open, onClose, onCreated }: { buildingId?: string; open: boolean; onClose(): void; onCreated?(r: RequestDetail): void }) {
  const t = useT();
  const options = useRequestOptions();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const create = useApiMutation('requests.create');

  const save = () =>
    submit(async (v) => {
      const made = await create.mutateAsync({
        buildingId: buildingId ?? v.buildingId,
        kind: v.kind,
        title: v.title.trim(),
        source: v.source,
        level: v.level,
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        ...(v.requester?.trim() ? { requester: v.requester.trim() } : {}),
        ...(v.handler?.trim() ? { handler: v.handler.trim() } : {}),
        ...(v.receivedAt ? { receivedAt: v.receivedAt.valueOf() } : {}),
      });
      form.resetFields();
      onCreated?.(made);
      onClose();
    });

  const nameRules = [textLimitRule(REQUEST_NAME_MAX, t('requests.form.max', { max: REQUEST_NAME_MAX }))];
  return (
    <FormModal testId="request" open={open} title={t('requests.create')} okText={t('requests.save')} onOk={save} onClose={onClose} pending={create.isPending} error={error}>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ level: 'community' }}>
        {buildingId ? null : (
          <Form.Item name="buildingId" label={t('requests.field.building')} rules={[{ required: true, message: t('requests.form.buildingRequired') }]}>
            <BuildingPicker />
          </Form.Item>
        )}
        <div className="gd-req-form-row">
          <Form.Item name="kind" label={t('requests.field.kind')} rules={[{ required: true, message: t('requests.form.kindRequired') }]}>
            <Select options={options('kind')} data-testid="request-kind" />
          </Form.Item>
          <Form.Item name="source" label={t('requests.field.source')} rules={[{ required: true, message: t('requests.form.sourceRequired') }]}>
            <Select options={options('source')} data-testid="request-source" />
          </Form.Item>
          <Form.Item name="level" label={t('requests.field.level')}>
            <Select options={options('level')} data-testid="request-level" />
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('requests.field.title')}
          rules={[
            { required: true, whitespace: true, message: t('requests.form.titleRequired') },
            { min: 2, message: t('requests.form.titleShort') },
            textLimitRule(REQUEST_TITLE_MAX, t('requests.form.max', { max: REQUEST_TITLE_MAX })),
          ]}
        >
          <Input count={textCount(REQUEST_TITLE_MAX)} placeholder={t('requests.form.titlePlaceholder')} data-testid="request-title" />
        </Form.Item>
        <Form.Item name="description" label={t('requests.field.description')} rules={[textLimitRule(REQUEST_TEXT_MAX, t('requests.form.max', { max: REQUEST_TEXT_MAX }))]}>
          <Input.TextArea rows={3} count={textCount(REQUEST_TEXT_MAX)} data-testid="request-description" />
        </Form.Item>
        <div className="gd-req-form-row">
          <Form.Item name="requester" label={t('requests.field.requester')} rules={nameRules}>
            <Input count={textCount(REQUEST_NAME_MAX)} placeholder={t('requests.form.requesterPlaceholder')} data-testid="request-requester" />
          </Form.Item>
          <Form.Item name="handler" label={t('requests.field.handler')} rules={nameRules}>
            <Input count={textCount(REQUEST_NAME_MAX)} placeholder={t('requests.form.handlerPlaceholder')} data-testid="request-handler" />
          </Form.Item>
        </div>
        <Form.Item
          name="receivedAt"
          label={t('requests.field.receivedAt')}
          extra={t('requests.form.receivedAtHint')}
          rules={[
            {
              validator: (_, value: Dayjs | null | undefined) =>
                value && value.isAfter(dayjs()) ? Promise.reject(new Error(t('requests.form.receivedAtFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY/MM/DD HH:mm"
            needConfirm={false}
            onBlur={(e) => {
              // A typed time the picker cannot take (in the future) is kept and refused with a message, not silently cleared.
              const text = (e.target as HTMLInputElement).value.trim();
              const typed = dayjs(text, 'YYYY/MM/DD HH:mm', true);
              if (text === '') form.setFieldValue('receivedAt', null);
              else if (typed.isValid()) form.setFieldValue('receivedAt', typed);
              void form.validateFields(['receivedAt']).catch(() => undefined);
            }}
            data-testid="request-received-at"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
