import { useState } from 'react';
import { App, Modal, Radio, Table } from 'antd';
import type { MergeField, VolunteerDuplicate } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { MERGE_ROWS, shownValue } from './merge-values';

type Pick = Partial<Record<MergeField, 0 | 1>>;

/**
 * 合并重复记录: the two records side by side, a radio per differing field for the value that wins,
 * and which record is kept (its id stays; the other's histories move to it and it is retired).
 */
export function MergeDialog({ pair, onClose }: { pair: VolunteerDuplicate; onClose(): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [keep, setKeep] = useState<0 | 1>(0);
  const [picked, setPicked] = useState<Pick>({});
  const merge = useApiMutation('volunteers.mergeDuplicate', {
    onSuccess: (r) => {
      void message.success(t('volunteers.merge.done', { moved: Object.values(r.moved).reduce((a, b) => a + b, 0) }));
      onClose();
    },
  });
  const sides = pair.sides;
  const bothProfiles = sides.every((s) => s.profileId);
  const rows = MERGE_ROWS.map((r) => {
    const values = sides.map((s) => shownValue(s, r.field, t));
    const differ = JSON.stringify(sides[0][r.field]) !== JSON.stringify(sides[1][r.field]);
    // Profile fields of a record without a profile cannot win; the profile's record gives them.
    const choosable = differ && (!r.profile || bothProfiles);
    return { ...r, values, choosable, winner: picked[r.field] ?? (choosable ? keep : r.profile && !bothProfiles ? (sides[0].profileId ? 0 : 1) : keep) };
  });
  const submit = () => {
    const other = (1 - keep) as 0 | 1;
    const fromOther = rows.filter((r) => r.choosable && r.winner === other).map((r) => r.field);
    modal.confirm({
      title: t('volunteers.merge.title'),
      content: t('volunteers.merge.confirm', { keep: sides[keep].name, other: sides[other].name }),
      okText: t('volunteers.merge.ok'),
      okButtonProps: { 'data-testid': 'merge-confirm' } as never,
      onOk: () => merge.mutate({ survivorId: sides[keep].personId, otherId: sides[other].personId, fromOther }),
    });
  };
  const side = (i: 0 | 1) => ({
    title: (
      <div>
        <Radio checked={keep === i} onChange={() => (setKeep(i), setPicked({}))} data-testid={`merge-keep-${i}`}>
          {t(i === 0 ? 'volunteers.merge.left' : 'volunteers.merge.right')} · {t('volunteers.merge.keep')}
        </Radio>
        <div className="gd-muted">{t('volunteers.dup.history', sides[i].history)}</div>
      </div>
    ),
    key: `side-${i}`,
    render: (_: unknown, r: (typeof rows)[number]) =>
      r.choosable ? (
        <Radio checked={r.winner === i} onChange={() => setPicked({ ...picked, [r.field]: i })} data-testid={`merge-${r.field}-${i}`}>
          {r.values[i]}
        </Radio>
      ) : (
        <span className={r.winner === i ? '' : 'gd-muted'}>{r.values[i]}</span>
      ),
  });
  return (
    <Modal open width={860} title={t('volunteers.merge.title')} onCancel={onClose} onOk={submit} okText={t('volunteers.merge.ok')} okButtonProps={{ loading: merge.isPending, 'data-testid': 'merge-ok' } as never}>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        data-testid="merge-table"
        columns={[{ title: t('volunteers.merge.field'), key: 'field', width: 110, render: (_: unknown, r) => t(r.label) }, side(0), side(1)]}
      />
      {merge.error && <div className="gd-error-text" data-testid="merge-error">{describeError(merge.error, t).message}</div>}
    </Modal>
  );
}
