import { useState } from 'react';
import { Button, Input, Popover, Space } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

/** A masked phone or ID number with 查看完整号码: the reason goes with the audited `people.reveal`. */
export function RevealNumber({ personId, field, masked }: { personId: string; field: 'phone' | 'idNumber'; masked: string }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const reveal = useApiMutation('people.reveal', { onSuccess: (r) => (setValue(r.value), setOpen(false)) });
  if (value) return <span data-testid={`reveal-${field}-value`}>{value}</span>;
  const form = (
    <Space direction="vertical" style={{ width: 240 }}>
      <Input placeholder={t('volunteers.revealReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid={`reveal-${field}-reason`} />
      {reveal.error && <span className="gd-error-text">{describeError(reveal.error, t).message}</span>}
      <Button type="primary" size="small" loading={reveal.isPending} disabled={reason.trim().length < 2} onClick={() => reveal.mutate({ personId, field, reason: reason.trim() })} data-testid={`reveal-${field}-ok`}>
        {t('volunteers.reveal')}
      </Button>
    </Space>
  );
  return (
    <Space>
      <span>{masked}</span>
      <Popover trigger="click" open={open} onOpenChange={setOpen} content={form}>
        <Button size="small" type="link" icon={<EyeOutlined />} data-testid={`reveal-${field}`}>
          {t('volunteers.reveal')}
        </Button>
      </Popover>
    </Space>
  );
}
