import { useState } from 'react';
import { App, Button, Modal, Space, Table, type ButtonProps } from 'antd';
import type { AutoFillResult, FillProposal } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { dayLabel } from './staffing-dates';

const keyOf = (p: FillProposal) => `${p.postId}|${p.templateId}|${p.date}|${p.personId}`;

/** The auto-fill proposal: every row chosen at first; the user accepts all or some. */
export function AutoFillModal({ result, onClose }: { result: AutoFillResult; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(() => result.proposals.map(keyOf));
  const accept = useApiMutation('staffing.acceptFill', {
    onSuccess: (r) => {
      void message.success(t('staffing.autofill.accepted', { created: r.created, skipped: r.skipped }));
      onClose();
    },
    onError: (e) => void message.error(describeError(e, t).message),
  });
  const share = result.open ? `${Math.round((result.proposals.length / result.open) * 100)}%` : '100%';
  const picked = new Set(chosen);
  return (
    <Modal
      open
      width={900}
      title={t('staffing.autofill.title', { from: result.from, to: result.to })}
      okText={t('staffing.autofill.accept', { count: chosen.length })}
      okButtonProps={{ disabled: !chosen.length, loading: accept.isPending, 'data-testid': 'staff-autofill-accept' } as ButtonProps}
      onOk={() =>
        accept.mutate({
          items: result.proposals.filter((p) => picked.has(keyOf(p))).map(({ postId, templateId, date, personId }) => ({ postId, templateId, date, personId })),
        })
      }
      onCancel={onClose}
    >
      <p data-testid="staff-autofill-summary">{t('staffing.autofill.summary', { open: result.open, proposed: result.proposals.length, share })}</p>
      <Space className="gd-staff-fill-tools">
        <Button size="small" onClick={() => setChosen(result.proposals.map(keyOf))} data-testid="staff-autofill-all">
          {t('staffing.autofill.all')}
        </Button>
        <Button size="small" onClick={() => setChosen([])} data-testid="staff-autofill-none">
          {t('staffing.autofill.none')}
        </Button>
      </Space>
      <Table<FillProposal>
        size="small"
        rowKey={keyOf}
        dataSource={result.proposals}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
        data-testid="staff-autofill-table"
        columns={[
          { key: 'date', title: t('staffing.gaps.when'), render: (_, p) => `${dayLabel(p.date, t.locale)} ${p.shiftName}` },
          { key: 'community', title: t('staffing.gaps.community'), dataIndex: 'communityName' },
          { key: 'post', title: t('staffing.post'), dataIndex: 'postName' },
          { key: 'person', title: t('staffing.autofill.person'), dataIndex: 'personName' },
        ]}
      />
      {result.unfilled.length ? (
        <>
          <h4>{t('staffing.autofill.unfilled')}</h4>
          <ul className="gd-staff-unfilled" data-testid="staff-autofill-unfilled">
            {result.unfilled.slice(0, 30).map((u) => (
              <li key={`${u.date}|${u.postName}|${u.shiftName}`}>
                {u.shiftName} · {u.postName}：{u.reason}（{t('staffing.short', { n: u.missing })}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Modal>
  );
}
