import { Form, Input } from 'antd';
import type { HandoverNote } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import type { CellRef } from './cell-id';
import { HandoverText } from './HandoverText';

interface Values {
  happened: string;
  watch?: string;
}

const FIELDS = ['happened', 'watch'] as const;

/** 交接班: the note a shift leaves for the next, with the one it was handed shown above. */
export function HandoverModal({ cell, title, handed, onClose }: { cell: CellRef; title: string; handed: HandoverNote | null; onClose: () => void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const write = useApiMutation('staffing.writeHandover');
  return (
    <FormModal
      testId="staff-handover"
      open
      title={t('staffing.handover.title', { what: title })}
      okText={t('staffing.handover.save')}
      pending={write.isPending}
      error={error}
      onClose={onClose}
      onOk={() =>
        submit(async (v) => {
          await write.mutateAsync({ ...cell, happened: v.happened, watch: v.watch ?? '' });
          onClose();
        })
      }
    >
      {handed ? (
        <div className="gd-staff-handover-handed">
          <div className="gd-muted">{t('staffing.handover.handed')}</div>
          <HandoverText note={handed} />
        </div>
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item name="happened" label={t('staffing.handover.happened')} rules={[{ required: true, whitespace: true, message: t('staffing.handover.happenedRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="staff-handover-happened" />
        </Form.Item>
        <Form.Item name="watch" label={t('staffing.handover.watch')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="staff-handover-watch" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
