import { textLength } from '../../../electron/api';
import { textCount } from '../../ui/text-limit';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { statusOptions } from './status-options';
import { useStatusStyles } from './use-status-styles';

export interface StatusChangeValues {
  status: string;
  reason: string;
  effectiveFrom: Dayjs;
  effectiveUntil: Dayjs | null;
}

export const STATUS_CHANGE_FIELDS = ['status', 'reason', 'effectiveFrom', 'effectiveUntil'] as const;

/** A start this far ahead of the clock is still "now" (clocks of two machines differ a little). */
const SKEW = 60_000;

/** New status, reason (2–200 characters), effective from (not in the future), until (optional, after from). */
export function StatusChangeFields() {
  const t = useT();
  const styles = useStatusStyles();
  return (
    <>
      <Form.Item name="status" label={t('map.bulk.status')} rules={[{ required: true, message: t('map.bulk.statusRequired') }]}>
        <Select data-testid="bulk-status" placeholder={t('map.bulk.statusPlaceholder')} options={statusOptions(styles.choosable)} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('map.bulk.reason')}
        rules={[
          { required: true, whitespace: true, message: t('map.bulk.reasonRequired') },
          {
            validator: (_, v: string | undefined) => {
              const n = textLength((v ?? '').trim());
              if (n > 0 && n < 2) return Promise.reject(new Error(t('map.bulk.reasonShort')));
              if (n > 200) return Promise.reject(new Error(t('map.bulk.reasonLong')));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input.TextArea data-testid="bulk-reason" rows={3} count={textCount(200)} placeholder={t('map.bulk.reasonPlaceholder')} />
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
      <div className="gd-muted gd-bulk-hint">{t('map.bulk.untilHint')}</div>
    </>
  );
}
