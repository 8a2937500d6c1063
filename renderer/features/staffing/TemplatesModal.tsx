import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ShiftTemplate } from '../../../electron/api';
import { ApiCallError, call } from '../../api/client';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { testId } from '../../ui/test-id';
import { clock } from './staffing-dates';
import { TemplateFormModal } from './TemplateFormModal';

interface Props {
  post: { id: string; name: string; templates: ShiftTemplate[] };
  onClose: () => void;
}

const length = (minutes: number, t: ReturnType<typeof useT>) =>
  minutes % 60 ? t('staffing.template.lengthHm', { h: Math.floor(minutes / 60), m: minutes % 60 }) : t('staffing.template.lengthH', { h: minutes / 60 });

/** The shifts of one post: add, change, remove. Removing one with assignments to come says how many and asks; the past stays. */
export function TemplatesModal({ post, onClose }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<ShiftTemplate | 'new' | null>(null);

  const remove = async (tpl: ShiftTemplate) => {
    const send = (confirm: boolean) => call('staffing.deleteTemplate', { id: tpl.id, confirm });
    try {
      let done;
      try {
        done = await send(false);
      } catch (e) {
        if (!(e instanceof ApiCallError) || e.code !== 'CONFLICT' || e.field !== 'confirm') throw e;
        const again = await new Promise<boolean>((resolve) =>
          modal.confirm({
            title: t('staffing.template.delete'),
            content: <span data-testid="staff-template-future">{describeError(e, t).message}</span>,
            okButtonProps: { danger: true },
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          }),
        );
        if (!again) return;
        done = await send(true);
      }
      void message.success(t('staffing.template.deleted', { name: tpl.name, count: done.futureRemoved }));
    } catch (e) {
      void message.error(describeError(e, t).message);
    }
  };

  return (
    <Modal open title={t('staffing.template.title', { name: post.name })} footer={null} onCancel={onClose} width={560}>
      <div data-testid="staff-templates">
        <Table<ShiftTemplate>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={post.templates}
          onRow={(r) => testId(`staff-template-row-${r.name}`)}
          columns={[
            { title: t('staffing.template.name'), dataIndex: 'name' },
            {
              title: t('staffing.template.time'),
              key: 'time',
              render: (_, r) => `${clock(r.startMinute)}–${r.startMinute + r.minutes > 1440 ? t('staffing.template.nextDay') : ''}${clock(r.startMinute + r.minutes)}`,
            },
            { title: t('staffing.template.length'), key: 'len', render: (_, r) => length(r.minutes, t) },
            {
              key: 'actions',
              render: (_, r) => (
                <>
                  <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="staff-template-edit">
                    {t('staffing.template.editShort')}
                  </Button>
                  <Popconfirm
                    title={t('staffing.template.deleteAsk', { name: r.name })}
                    okButtonProps={{ danger: true, 'data-testid': 'staff-template-delete-ok' }}
                    onConfirm={() => remove(r)}
                  >
                    <Button type="link" size="small" danger data-testid="staff-template-delete">
                      {t('staffing.template.delete')}
                    </Button>
                  </Popconfirm>
                </>
              ),
            },
          ]}
        />
        <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setEditing('new')} data-testid="staff-template-new">
          {t('staffing.template.new')}
        </Button>
      </div>
      {editing ? <TemplateFormModal postId={post.id} template={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Modal>
  );
}
