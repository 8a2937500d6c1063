import { textLength } from '../../../electron/api';
import { textCount, textLimitRule } from '../../ui/text-limit';
import { Alert, App, Form, Input } from 'antd';
import type { BuildingDetail } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { LoadingState } from '../../ui/LoadingState';
import { useFormSubmit } from '../../ui/use-form-submit';

interface Values {
  reason: string;
}

const FIELDS = ['reason'] as const;

/** 撤销放心楼院 of a building's compound, with the reason (the designation is found by compound). */
export function RevokeSafeModal({ building, onClose }: { building: BuildingDetail; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const list = useApiQuery('compounds.safeList', {});
  const revoke = useApiMutation('compounds.revokeSafe');
  const designation = list.data?.find((s) => s.compoundId === building.compound.id) ?? null;
  const name = building.compound.name;

  const onOk = () =>
    submit(async (values) => {
      if (!designation) return;
      await revoke.mutateAsync({ id: designation.id, reason: values.reason.trim() });
      void message.success(t('safe.revoke.done', { name }));
      onClose();
    });

  return (
    <FormModal
      testId="safe-revoke"
      open
      title={t('safe.revoke.title', { name })}
      okText={t('safe.revoke.submit')}
      onOk={onOk}
      onClose={onClose}
      pending={revoke.isPending || list.isPending}
      error={error ?? list.error}
    >
      {list.isPending ? <LoadingState text={t('app.loading')} testId="safe-revoke-loading" /> : null}
      {list.data && !designation ? <Alert type="warning" showIcon title={t('safe.revoke.missing')} data-testid="safe-revoke-missing" /> : null}
      {designation ? (
        <div className="gd-safe-current" data-testid="safe-revoke-current">
          <div className="gd-muted">{t('safe.revoke.current', { date: formatDate(designation.grantedAt), who: designation.grantedBy })}</div>
          <div>{designation.criteria.join('、')}</div>
        </div>
      ) : null}
      <Form<Values> form={form} name="safe-revoke" layout="vertical" requiredMark onFinish={onOk} disabled={revoke.isPending || !designation}>
        <Form.Item
          label={t('safe.revoke.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('safe.revoke.reasonRequired') },
            {
              validator: (_, v: string | undefined) =>
                textLength((v ?? '').trim()) === 1 ? Promise.reject(new Error(t('safe.revoke.reasonShort'))) : Promise.resolve(),
            },
            textLimitRule(200, t('safe.revoke.reasonLong')),
          ]}
        >
          <Input.TextArea rows={3} count={textCount(200)} placeholder={t('safe.revoke.reasonPlaceholder')} data-testid="safe-revoke-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
