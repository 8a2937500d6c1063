import { App, Form, Input, InputNumber, Select } from 'antd';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateDomains } from '../../api/events';
import { dayKey } from './months';

interface Values {
  personId: string;
  activity: string;
  date: string;
  hours: number;
  confirmedBy: string;
  teamId?: string;
  note?: string;
}

const FIELDS = ['personId', 'activity', 'date', 'hours', 'confirmedBy', 'teamId', 'note'] as const;

/** 登记时长: a manual entry of the ledger (who, what, which day, how long, confirmed by whom). */
export function AddHoursModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const people = useApiQuery('volunteerTeams.candidates', {}, { enabled: open });
  const teams = useApiQuery('volunteerTeams.list', {}, { enabled: open });
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const save = () =>
    submit(async (v) => {
      await call('serviceHours.add', { ...v, hours: Number(v.hours), teamId: v.teamId ?? null, ...(v.note ? { note: v.note } : {}) });
      await invalidateDomains(client, ['volunteerService']);
      void message.success(t('sh.added', { hours: v.hours }));
      form.resetFields();
      onClose();
    });
  return (
    <FormModal testId="add-hours" open={open} title={t('sh.add')} okText={t('common.save')} onOk={save} onClose={onClose} pending={false} error={error}>
      <Form form={form} layout="vertical" initialValues={{ date: dayKey(new Date()) }}>
        <Form.Item name="personId" label={t('sh.add.person')} rules={[{ required: true, message: t('sh.add.person') }]}>
          <Select
            data-testid="add-hours-person"
            showSearch
            optionFilterProp="label"
            loading={people.isLoading}
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="activity" label={t('sh.add.activity')} rules={[{ required: true, message: t('sh.add.activity') }]}>
          <Input data-testid="add-hours-activity" maxLength={40} />
        </Form.Item>
        <Form.Item name="date" label={t('sh.add.date')} rules={[{ required: true, message: t('sh.add.date') }]}>
          <Input data-testid="add-hours-date" type="date" />
        </Form.Item>
        <Form.Item name="hours" label={t('sh.add.hours')} rules={[{ required: true, message: t('sh.add.hours') }]}>
          <InputNumber data-testid="add-hours-hours" step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="confirmedBy" label={t('sh.add.confirmedBy')} rules={[{ required: true, message: t('sh.add.confirmedBy') }]}>
          <Input data-testid="add-hours-confirmed" maxLength={20} />
        </Form.Item>
        <Form.Item name="teamId" label={t('sh.add.team')}>
          <Select allowClear showSearch optionFilterProp="label" options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('sh.add.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
