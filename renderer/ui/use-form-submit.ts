import { useCallback, useState } from 'react';
import { Form, type FormInstance } from 'antd';
import { showFieldError } from './form-errors';
import { useT } from '../i18n';

export interface FormSubmit<V> {
  form: FormInstance<V>;
  /** The last failure no field of the form could show (for an Alert), or null. */
  error: unknown;
  /** Checks the form, then sends; a service error goes under the field it names, or into `error`. */
  submit(send: (values: V) => Promise<unknown>): void;
}

/** The plumbing of a form in a dialog: validate, send, and show what the service refused where it belongs. */
export function useFormSubmit<V>(fields: readonly string[]): FormSubmit<V> {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const t = useT();
  const submit = useCallback(
    (send: (values: V) => Promise<unknown>) => {
      void (async () => {
        let values: V;
        try {
          values = await form.validateFields();
        } catch {
          return;
        }
        setError(null);
        try {
          await send(values);
        } catch (e) {
          if (!showFieldError(form, e, fields, t)) setError(e);
        }
      })();
    },
    [form, fields, t],
  );
  return { form, error, submit };
}
