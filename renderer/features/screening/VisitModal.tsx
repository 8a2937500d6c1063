import { Alert, Checkbox, Form, Input, Radio } from 'antd';
import type { ScreeningHousehold } from '../../../electron/api';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { textCount, textLimitRule } from '../../ui/text-limit';
import { useApiMutation } from '../../api/queries';

interface Values {
  result: 'visited' | 'nobody_home' | 'refused';
  returnee?: boolean;
  symptoms?: boolean;
  needs?: string;
  note?: string;
}

const FIELDS = ['result', 'note'] as const;

/** 登记: the result of a visit, with findings when someone answered. */
export function VisitModal({ roundId, household, onClose }: { roundId: string; household: ScreeningHousehold | null; onClose(): void }) {
  const t = useT();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const result = Form.useWatch('result', form);
  const visit = useApiMutation('screening.visit');

  const save = () =>
    submit(async (values) => {
      if (!household) return;
      await visit.mutateAsync({
        roundId,
        householdId: household.householdId,
        result: values.result,
        ...(values.result === 'visited'
          ? {
              findings: {
                returnee: values.returnee ?? false,
                symptoms: values.symptoms ?? false,
                ...(values.needs?.trim() ? { needs: values.needs.trim() } : {}),
              },
            }
          : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      onClose();
    });

  return (
    <FormModal
      testId="visit"
      open={household !== null}
      title={household ? t('screening.visit.title', { address: household.address, room: household.room }) : ''}
      okText={t('screening.visit.ok')}
      onOk={save}
      onClose={onClose}
      pending={visit.isPending}
      error={error}
    >
      {household ? (
        <div className="gd-scr-visit-who">
          {t('screening.visit.head', { name: household.headName, n: household.members })}
          {household.attempts > 0 ? ` · ${t('screening.visit.attempts', { n: household.attempts })}` : ''}
        </div>
      ) : null}
      <Form<Values> form={form} layout="vertical" preserve={false} >
        <Form.Item name="result" label={t('screening.visit.result')} rules={[{ required: true, message: t('screening.visit.resultRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="visit-result"
            options={[
              { value: 'visited', label: <span data-testid="visit-result-visited">{t('screening.result.visited')}</span> },
              { value: 'nobody_home', label: <span data-testid="visit-result-nobody_home">{t('screening.result.nobody_home')}</span> },
              { value: 'refused', label: <span data-testid="visit-result-refused">{t('screening.result.refused')}</span> },
            ]}
          />
        </Form.Item>
        {result === 'visited' || result === undefined ? (
          <>
            <Form.Item label={t('screening.visit.findings')} className="gd-scr-findings">
              <Form.Item name="returnee" valuePropName="checked" noStyle>
                <Checkbox data-testid="visit-returnee">{t('screening.visit.returnee')}</Checkbox>
              </Form.Item>
              <Form.Item name="symptoms" valuePropName="checked" noStyle>
                <Checkbox data-testid="visit-symptoms">{t('screening.visit.symptoms')}</Checkbox>
              </Form.Item>
            </Form.Item>
            <Form.Item
              name="needs"
              label={t('screening.visit.needs')}
              extra={t('screening.visit.needsHint')}
              rules={[textLimitRule(200, t('screening.visit.tooLong'))]}
            >
              <Input.TextArea rows={2} count={textCount(200)} data-testid="visit-needs" />
            </Form.Item>
          </>
        ) : (
          <Alert
            type={result === 'nobody_home' ? 'warning' : 'error'}
            showIcon
            className="gd-scr-visit-note"
            title={result === 'nobody_home' ? t('screening.visit.nobodyHomeHint') : t('screening.visit.refusedHint')}
          />
        )}
        <Form.Item name="note" label={t('screening.visit.note')} rules={[textLimitRule(200, t('screening.visit.tooLong'))]}>
          <Input count={textCount(200)} data-testid="visit-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
