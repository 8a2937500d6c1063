import { Alert, Form, Input, Radio, Select } from 'antd';
import type { JobInfo } from '../../../electron/api';
import { useApiQuery, useMapLayers } from '../../api/queries';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { describeError } from '../../ui/error-text';
import { textCount, textLimitRule } from '../../ui/text-limit';
import { communityOptions, gridOptionsOf } from '../buildings/area-options';
import { useApiMutation } from '../../api/queries';

type ScopeType = 'street' | 'communities' | 'grids';

interface Values {
  name?: string;
  type: ScopeType;
  ids?: string[];
}

const FIELDS = ['name'] as const;

type Scope = { type: 'street' } | { type: 'communities' | 'grids'; ids: string[] };

function scopeOf(type: ScopeType, ids: string[] | undefined): Scope {
  return type === 'street' ? { type: 'street' } : { type, ids: ids ?? [] };
}

/**
 * 发起新一轮: a name and what it covers (the whole street, some communities or some grids). The
 * size of the chosen scope (households, buildings) is on the button that starts it, and rounds
 * still open are named above it.
 */
export function StartRoundModal({ open, onClose, onStarted }: { open: boolean; onClose(): void; onStarted(job: JobInfo): void }) {
  const t = useT();
  const layers = useMapLayers();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const type = Form.useWatch('type', form) ?? 'street';
  const ids = Form.useWatch('ids', form);
  const start = useApiMutation('screening.start');
  const scope = scopeOf(type, ids);
  const chosen = scope.type === 'street' || scope.ids.length > 0;
  const preview = useApiQuery('screening.preview', { scope }, { enabled: open && chosen });
  const size = chosen ? preview.data : undefined;

  const save = () =>
    submit(async (values) => {
      const name = values.name?.trim() ? { name: values.name.trim() } : {};
      const job = await start.mutateAsync({ ...name, scope: scopeOf(values.type, values.ids) });
      form.resetFields();
      onStarted(job);
    });

  return (
    <FormModal
      testId="round-start"
      open={open}
      title={t('screening.start.title')}
      okText={size ? t('screening.start.okSized', { n: formatNumber(size.households) }) : t('screening.start.ok')}
      onOk={save}
      onClose={onClose}
      pending={start.isPending}
      error={error}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ type: 'street' }}>
        <Form.Item name="name" label={t('screening.start.name')} extra={t('screening.start.nameHint')} rules={[textLimitRule(40, t('screening.start.nameLong'))]}>
          <Input count={textCount(40)} data-testid="round-start-name" />
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
      {size ? (
        <Alert
          type="info"
          showIcon
          className="gd-scr-start-size"
          data-testid="round-start-size"
          data-households={size.households}
          title={t('screening.start.size', { households: formatNumber(size.households), buildings: formatNumber(size.buildings) })}
        />
      ) : null}
      {preview.isError && chosen ? <Alert type="error" showIcon data-testid="round-start-size-error" title={describeError(preview.error, t).message} /> : null}
      {size && size.openRounds.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="gd-scr-start-open"
          data-testid="round-start-open"
          title={t('screening.start.open', { n: size.openRounds.length })}
          description={size.openRounds
            .map((r) => t('screening.start.openRound', { name: r.name, scope: r.scope.label, done: formatNumber(r.visited + r.refused), total: formatNumber(r.households) }))
            .join('；')}
        />
      ) : null}
    </FormModal>
  );
}
