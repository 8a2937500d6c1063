import { Button, DatePicker, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { actionLabel } from './audit-labels';

/** What `audit.query` is asked with, besides paging. */
export interface AuditFilter {
  from?: number;
  to?: number;
  action?: string;
  target?: string;
}

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: string;
  target?: string;
}

const DAY = 24 * 60 * 60_000;

/** Form values → filter: whole days, `to` exclusive (the service's convention). */
function toFilter({ range, action, target }: Values): AuditFilter {
  const [start, end] = range ?? [null, null];
  const filter: AuditFilter = {};
  if (start) filter.from = start.startOf('day').valueOf();
  if (end) filter.to = end.startOf('day').valueOf() + DAY;
  if (action) filter.action = action;
  if (target?.trim()) filter.target = target.trim();
  return filter;
}

/** 时间 range, 操作 (the actions the log holds), 对象 (exact). */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const actions = useApiQuery('audit.actions', {});
  const options = (actions.data ?? []).map((a) => ({
    value: a,
    label: actionLabel(a, t) === a ? a : `${actionLabel(a, t)}（${a}）`,
  }));

  return (
    <Form<Values>
      form={form}
      name="audit-filter"
      layout="inline"
      className="gd-audit-filters"
      data-testid="audit-filters"
      onFinish={(values) => onChange(toFilter(values))}
    >
      <Form.Item label={t('audit.filter.time')} name="range" data-testid="audit-range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item label={t('audit.filter.action')} name="action">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.filter.actionAll')}
          loading={actions.isPending}
          options={options}
          style={{ width: 200 }}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item label={t('audit.filter.target')} name="target">
        <Input allowClear placeholder={t('audit.filter.targetPlaceholder')} style={{ width: 180 }} data-testid="audit-target" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t('audit.filter.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
          data-testid="audit-reset"
        >
          {t('audit.filter.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
