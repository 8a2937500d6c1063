import { Form, Modal, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import type { StatusChangeResult } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useT } from '../../i18n';
import { ownChanges } from './own-changes';
import { StatusBreakdown } from './StatusBreakdown';
import { STATUS_CHANGE_FIELDS, StatusChangeFields, type StatusChangeValues } from './StatusChangeFields';
import { targetSelection, type StatusTarget } from './status-target';
import './statuses.css';

interface Props {
  target: StatusTarget;
  /** The current status of a building (for the breakdown of the target). */
  statusOf(id: string): string | undefined;
  onClose(): void;
  onDone(result: StatusChangeResult, target: StatusTarget): void;
}

/** 变更状态 of one building or of a selection: new status, reason, effective from and until. */
export function StatusChangeModal({ target, statusOf, onClose, onDone }: Props) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<StatusChangeValues>(STATUS_CHANGE_FIELDS);
  const single = useApiMutation('buildings.setStatus');
  const bulk = useApiMutation('buildings.bulkSetStatus');
  const pending = single.isPending || bulk.isPending;

  const save = () =>
    submit(async (values) => {
      const change = {
        status: values.status,
        reason: values.reason.trim(),
        effectiveFrom: form.isFieldTouched('effectiveFrom') ? values.effectiveFrom.valueOf() : undefined,
        effectiveUntil: values.effectiveUntil ? values.effectiveUntil.valueOf() : null,
      };
      const end = ownChanges.begin();
      try {
        const result =
          target.kind === 'single'
            ? await single.mutateAsync({ id: target.id, ...change })
            : await bulk.mutateAsync({ selection: targetSelection(target), selectionLabel: target.label.slice(0, 80), ...change });
        end(result.batchId);
        onDone(result, target);
      } catch (e) {
        end();
        throw e;
      }
    });

  return (
    <Modal
      open
      title={t(target.kind === 'single' ? 'map.change.title' : 'map.bulk.title')}
      okText={t('map.bulk.confirm')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'bulk-confirm' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'bulk-cancel' } as ButtonProps}
    >
      <div className="gd-bulk" data-testid="bulk-modal">
        <StatusBreakdown target={target} statusOf={statusOf} />
        <FormErrorAlert error={error} className="gd-bulk-error" testId="bulk-error" />
        <Form<StatusChangeValues>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ effectiveFrom: dayjs(), effectiveUntil: null }}
          onFinish={save}
          disabled={pending}
        >
          <StatusChangeFields />
        </Form>
      </div>
    </Modal>
  );
}
