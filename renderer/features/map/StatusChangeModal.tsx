import { useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StatusChangeResult } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { describeError } from '../../ui/error-text';
import { showFieldError } from '../../ui/form-errors';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { beginOwnChange } from './own-changes';
import { StatusTag } from './StatusTag';
import { targetIds, targetSelection, type StatusTarget } from './status-target';
import { useStatusStyles } from './use-status-styles';

interface Values {
  status: string;
  reason: string;
  effectiveFrom: Dayjs;
  effectiveUntil: Dayjs | null;
}

interface Props {
  target: StatusTarget;
  /** The current status of a building, from the map's data. */
  statusOf(id: string): string | undefined;
  onClose(): void;
  onDone(result: StatusChangeResult, target: StatusTarget): void;
}

const FIELDS = ['status', 'reason', 'effectiveFrom', 'effectiveUntil'] as const;
/** A start this far ahead of the clock is still "now" (clocks of two machines differ a little). */
const SKEW = 60_000;

/** Count and breakdown of the target, new status, reason, effective from/until: one change or a bulk change. */
export function StatusChangeModal({ target, statusOf, onClose, onDone }: Props) {
  const t = useT();
  const styles = useStatusStyles();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  const single = useApiMutation('buildings.setStatus');
  const bulk = useApiMutation('buildings.bulkSetStatus');
  const pending = single.isPending || bulk.isPending;
  const ids = targetIds(target);

  const breakdown = useMemo(() => {
    if (!ids) return null;
    const counts = new Map<string, number>();
    for (const id of ids) {
      const s = statusOf(id);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => styles.look(b[0]).rank - styles.look(a[0]).rank);
  }, [ids, statusOf, styles]);

  const submit = async (values: Values) => {
    setFailure(null);
    const from = form.isFieldTouched('effectiveFrom') ? values.effectiveFrom.valueOf() : undefined;
    const change = {
      status: values.status,
      reason: values.reason.trim(),
      effectiveFrom: from,
      effectiveUntil: values.effectiveUntil ? values.effectiveUntil.valueOf() : null,
    };
    const end = beginOwnChange();
    try {
      const result =
        target.kind === 'single'
          ? await single.mutateAsync({ id: target.id, ...change })
          : await bulk.mutateAsync({ selection: targetSelection(target), selectionLabel: target.label.slice(0, 80), ...change });
      end(result.at);
      onDone(result, target);
    } catch (error) {
      end();
      if (!showFieldError(form, error, FIELDS)) setFailure(error);
    }
  };

  const count = ids?.length ?? null;
  return (
    <Modal
      open
      title={t(target.kind === 'single' ? 'map.change.title' : 'map.bulk.title')}
      okText={t('map.bulk.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'bulk-confirm' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'bulk-cancel' } as ButtonProps}
    >
      <div className="gd-bulk" data-testid="bulk-modal">
        <div className="gd-bulk-target" data-testid="bulk-target">
          <b>{target.label}</b>
          {count !== null ? (
            <span data-testid="bulk-count" data-count={count}>
              {t('map.bulk.count', { count: formatNumber(count) })}
            </span>
          ) : null}
        </div>
        {breakdown && breakdown.length > 0 ? (
          <Space wrap size={[6, 6]} className="gd-bulk-breakdown" data-testid="bulk-breakdown">
            <span className="gd-muted">{t('map.bulk.now')}</span>
            {breakdown.map(([status, n]) => (
              <span key={status} data-testid={`bulk-breakdown-${status}`} data-count={n}>
                <StatusTag status={status} /> {formatNumber(n)}
              </span>
            ))}
          </Space>
        ) : null}
        {failure ? <Alert type="error" showIcon className="gd-bulk-error" data-testid="bulk-error" title={describeError(failure, t).message} /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ effectiveFrom: dayjs(), effectiveUntil: null }}
          onFinish={(v) => void submit(v)}
          disabled={pending}
        >
          <Form.Item name="status" label={t('map.bulk.status')} rules={[{ required: true, message: t('map.bulk.statusRequired') }]}>
            <Select
              data-testid="bulk-status"
              placeholder={t('map.bulk.statusPlaceholder')}
              options={styles.choosable.map((s) => ({
                value: s.key,
                label: (
                  <span className="gd-status-option">
                    <span className="gd-legend-swatch" style={{ background: s.color }} aria-hidden="true" />
                    {s.label}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('map.bulk.reason')}
            rules={[
              { required: true, whitespace: true, message: t('map.bulk.reasonRequired') },
              {
                validator: (_, v: string | undefined) => {
                  const n = (v ?? '').trim().length;
                  if (n > 0 && n < 2) return Promise.reject(new Error(t('map.bulk.reasonShort')));
                  if (n > 200) return Promise.reject(new Error(t('map.bulk.reasonLong')));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea data-testid="bulk-reason" rows={3} maxLength={200} showCount placeholder={t('map.bulk.reasonPlaceholder')} />
          </Form.Item>
          <div className="gd-bulk-dates">
            <Form.Item
              name="effectiveFrom"
              label={t('map.bulk.from')}
              className="gd-bulk-date"
              rules={[
                { required: true, message: t('map.bulk.fromRequired') },
                {
                  validator: (_, v: Dayjs | null) =>
                    v && v.valueOf() > Date.now() + SKEW ? Promise.reject(new Error(t('map.bulk.fromFuture'))) : Promise.resolve(),
                },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="bulk-from" allowClear={false} />
            </Form.Item>
            <Form.Item
              name="effectiveUntil"
              label={t('map.bulk.until')}
              className="gd-bulk-date"
              dependencies={['effectiveFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const from = getFieldValue('effectiveFrom') as Dayjs | null;
                    if (v && from && !v.isAfter(from)) return Promise.reject(new Error(t('map.bulk.untilBeforeFrom')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="bulk-until" placeholder={t('map.bulk.untilPlaceholder')} />
            </Form.Item>
          </div>
        </Form>
      </div>
    </Modal>
  );
}
