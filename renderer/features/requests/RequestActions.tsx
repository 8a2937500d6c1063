import { useState } from 'react';
import { Button, Form, Input, Radio, Select, Space } from 'antd';
import { REQUEST_NAME_MAX, REQUEST_TEXT_MAX, type RequestDetail, type RequestLevel, type Satisfaction } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT, type MessageKey } from '../../i18n';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { textCount, textLimitRule } from '../../ui/text-limit';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useRequestOptions } from './request-words';

type Step = 'accept' | 'assign' | 'resolve' | 'revisit';

/** The steps a request's state allows, in the order they come. */
export function stepsOf(state: RequestDetail['state']): Step[] {
  if (state === 'pending') return ['accept', 'assign'];
  if (state === 'handling') return ['resolve', 'assign'];
  if (state === 'resolved') return ['revisit'];
  return [];
}

interface Values {
  handler?: string;
  level?: RequestLevel;
  note?: string;
  resolution?: string;
  satisfaction?: Satisfaction;
}

const FIELDS = ['handler', 'level', 'note', 'resolution', 'satisfaction'] as const;
const LABELS: Record<Step, MessageKey> = { accept: 'requests.step.accept', assign: 'requests.step.assign', resolve: 'requests.step.resolve', revisit: 'requests.step.revisit' };

/** One step's small form in the drawer: 受理, 交办, 办结 or 回访; the service refuses a step the state does not allow. */
function StepForm({ request, step, onDone }: { request: RequestDetail; step: Step; onDone(): void }) {
  const t = useT();
  const options = useRequestOptions();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const mutation = useApiMutation(`requests.${step}`);
  const nameRule = textLimitRule(REQUEST_NAME_MAX, t('requests.form.max', { max: REQUEST_NAME_MAX }));
  const textRule = textLimitRule(REQUEST_TEXT_MAX, t('requests.form.max', { max: REQUEST_TEXT_MAX }));
  const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

  const send = () =>
    submit(async (v) => {
      const id = request.id;
      if (step === 'accept') await mutation.mutateAsync({ id, ...(trimmed(v.handler) ? { handler: trimmed(v.handler) } : {}), ...(v.level ? { level: v.level } : {}) } as never);
      if (step === 'assign') await mutation.mutateAsync({ id, handler: trimmed(v.handler) ?? '', ...(v.level ? { level: v.level } : {}), ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}) } as never);
      if (step === 'resolve') await mutation.mutateAsync({ id, resolution: trimmed(v.resolution) ?? '' } as never);
      if (step === 'revisit') await mutation.mutateAsync({ id, satisfaction: v.satisfaction!, ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}) } as never);
      form.resetFields();
      onDone();
    });

  return (
    <Form<Values> form={form} layout="vertical" className="gd-req-step" data-testid={`request-step-${step}`} initialValues={{ handler: request.handler ?? undefined, level: request.level }}>
      {step === 'accept' || step === 'assign' ? (
        <Space.Compact block className="gd-req-step-row">
          <Form.Item
            name="handler"
            label={t('requests.field.handler')}
            rules={[...(step === 'assign' ? [{ required: true, whitespace: true, message: t('requests.form.handlerRequired') }] : []), nameRule]}
          >
            <Input count={textCount(REQUEST_NAME_MAX)} data-testid="step-handler" />
          </Form.Item>
          <Form.Item name="level" label={t('requests.field.level')}>
            <Select options={options('level')} data-testid="step-level" />
          </Form.Item>
        </Space.Compact>
      ) : null}
      {step === 'resolve' ? (
        <Form.Item name="resolution" label={t('requests.field.resolution')} rules={[{ required: true, whitespace: true, message: t('requests.form.resolutionRequired') }, { min: 2, message: t('requests.form.resolutionRequired') }, textRule]}>
          <Input.TextArea rows={2} count={textCount(REQUEST_TEXT_MAX)} data-testid="step-resolution" />
        </Form.Item>
      ) : null}
      {step === 'revisit' ? (
        <Form.Item name="satisfaction" label={t('requests.field.satisfaction')} rules={[{ required: true, message: t('requests.form.satisfactionRequired') }]}>
          <Radio.Group options={options('satisfaction')} data-testid="step-satisfaction" />
        </Form.Item>
      ) : null}
      {step === 'assign' || step === 'revisit' ? (
        <Form.Item name="note" label={t('requests.field.note')} rules={[textRule]}>
          <Input count={textCount(REQUEST_TEXT_MAX)} data-testid="step-note" />
        </Form.Item>
      ) : null}
      <FormErrorAlert error={error} testId={`request-step-${step}-error`} />
      <Button type="primary" onClick={send} loading={mutation.isPending} data-testid={`request-step-${step}-submit`}>
        {t(LABELS[step])}
      </Button>
    </Form>
  );
}

/** The steps open to the caller now, one at a time. */
export function RequestActions({ request }: { request: RequestDetail }) {
  const t = useT();
  const steps = stepsOf(request.state);
  const [chosen, setChosen] = useState<Step | null>(null);
  const step = chosen && steps.includes(chosen) ? chosen : (steps[0] ?? null);
  if (!step) return null;
  return (
    <div className="gd-req-actions" data-testid="request-actions">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={step}
        onChange={(e) => setChosen(e.target.value as Step)}
        options={steps.map((s) => ({ value: s, label: t(LABELS[s]) }))}
        data-testid="request-step-choice"
      />
      <StepForm key={`${request.id}-${request.state}-${step}`} request={request} step={step} onDone={() => setChosen(null)} />
    </div>
  );
}
