import { Form, Input, Radio, Select } from 'antd';
import type { JobInfo } from '../../../electron/api';
import { useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { communityOptions, gridOptionsOf } from '../buildings/area-options';
import { useApiMutation } from '../../api/queries';

type ScopeType = 'street' | 'communities' | 'grids';

interface Values {
  name?: string;
  type: ScopeType;
  ids?: string[];
}

const FIELDS = ['name'] as const;

/** 发起新一轮: a name and what it covers (the whole street, some communities or some grids). */
export function StartRoundModal({ open, onClose, onStarted }: { open: boolean; onClose(): void; onStarted(job: JobInfo): void }) {
  const t = useT();
  const layers = useMapLayers();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const type = Form.useWatch('type', form) ?? 'street';
  const start = useApiMutation('screening.start');

  const save = () =>
    submit(async (values) => {
      const name = values.name?.trim() ? { name: values.name.trim() } : {};
      const scope = values.type === 'street' ? { type: 'street' as const } : { type: values.type, ids: values.ids ?? [] };
      const job = await start.mutateAsync({ ...name, scope });
      form.resetFields();
      onStarted(job);
    });

  return (
    <FormModal
      testId="round-start"
      open={open}
      title={t('screening.start.title')}
      okText={t('screening.start.ok')}
      onOk={save}
      onClose={onClose}
      pending={start.isPending}
      error={error}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ type: 'street' }}>
        <Form.Item name="name" label={t('screening.start.name')} extra={t('screening.start.nameHint')} rules={[{ max: 40, message: t('screening.start.nameLong') }]}>
          <Input maxLength={40} data-testid="round-start-name" />
        </Form.Item>
        <Form.Item name="type" label={t('screening.start.scope')}>
          <Radio.Group
            optionType="button"
            data-testid="round-start-scope"
            onChange={() => form.setFieldValue('ids', [])}
            options={[
              { value: 'street', label: t('screening.scope.street') },
              { value: 'communities', label: t('screening.scope.communities') },
              { value: 'grids', label: t('screening.scope.grids') },
            ]}
          />
        </Form.Item>
        {type !== 'street' ? (
          <Form.Item
            name="ids"
            label={type === 'communities' ? t('screening.scope.pickCommunities') : t('screening.scope.pickGrids')}
            rules={[
              {
                required: true,
                type: 'array',
                min: 1,
                message: type === 'communities' ? t('screening.scope.communitiesRequired') : t('screening.scope.gridsRequired'),
              },
            ]}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="round-start-ids"
              placeholder={t('screening.scope.pick')}
              options={type === 'communities' ? communityOptions(layers.data) : gridOptionsOf(layers.data, undefined)}
            />
          </Form.Item>
        ) : null}
      </Form>
    </FormModal>
  );
}
