import type { ReactNode } from 'react';
import { Modal } from 'antd';
import { FormErrorAlert } from './FormErrorAlert';

interface Props {
  /** Names the test ids: `<testId>-form`, `<testId>-submit`, `<testId>-error`. */
  testId: string;
  open: boolean;
  title: ReactNode;
  okText: string;
  onOk(): void;
  onClose(): void;
  pending: boolean;
  /** A failure no field can show (from `useFormSubmit`). */
  error: unknown;
  children: ReactNode;
}

/** A dialog holding one form: save and cancel, busy while saving, what failed under the form. */
export function FormModal({ testId, open, title, okText, onOk, onClose, pending, error, children }: Props) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={onOk}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
    >
      <div data-testid={`${testId}-form`}>
        {children}
        <FormErrorAlert error={error} testId={`${testId}-error`} />
      </div>
    </Modal>
  );
}
