import { useState } from 'react';
import { App, Checkbox, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import type { DutyPerson, StaffingBoard } from '../../../electron/api';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { clock, WEEKDAYS_EN, WEEKDAYS_ZH } from './staffing-dates';

interface Props {
  board: StaffingBoard;
  people: DutyPerson[];
  from: string;
  onClose: () => void;
}

/** The per-date rule warnings of a refused bulk assignment ("2026-12-02 休息不足…；2026-12-03 …"). */
export function warningsByDate(error: unknown): string[] | null {
  if (!(error instanceof ApiCallError) || error.code !== 'CONFLICT' || error.field !== 'overrideReason') return null;
  const rules = error.params.rules;
  return typeof rules === 'string' ? rules.split('；').filter(Boolean) : [];
}

/** 批量排班: one person on one shift of a post every chosen weekday of a date range; broken rules need a reason. */
export function BulkAssignModal({ board, people, from, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<string>();
  const [postId, setPostId] = useState<string>();
  const [templateId, setTemplateId] = useState<string>();
  const [range, setRange] = useState({ from, to: from });
  const [weekdays, setWeekdays] = useState<number[]>([0, 1, 2, 3, 4, 5, 6]);
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const posts = board.communities.flatMap((c) => c.posts.map((p) => ({ ...p, communityName: c.name })));
  const post = posts.find((p) => p.id === postId);
  const bulk = useApiMutation('staffing.bulkAssign', {
    onSuccess: (r) => {
      void message.success(t('staffing.bulk.done', { created: r.created, overridden: r.overridden }));
      onClose();
    },
    onError: (e) => {
      const dated = warningsByDate(e);
      if (dated) setWarnings(dated);
      else void message.error(describeError(e, t).message);
    },
  });
  const ready = !!personId && !!postId && !!templateId && !!range.from && !!range.to && weekdays.length > 0;
  const submit = () => {
    if (!ready) return;
    if (warnings && !reason.trim()) return setMissing(true);
    bulk.mutate({ personId, postId, templateId, from: range.from, to: range.to, weekdays, ...(warnings ? { overrideReason: reason.trim() } : {}) });
  };
  const changed = () => setWarnings(null);
  const days = t.locale === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH;
  return (
    <Modal
      open
      width={620}
      title={t('staffing.bulk.title')}
      okText={warnings ? t('staffing.override.ok') : t('staffing.bulk.ok')}
      okButtonProps={{ disabled: !ready, danger: !!warnings, loading: bulk.isPending, 'data-testid': 'staff-bulk-ok' } as ButtonProps}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical" data-testid="staff-bulk-form">
        <Form.Item label={t('staffing.bulk.person')} required>
          <Select
            showSearch
            optionFilterProp="label"
            value={personId}
            onChange={(v) => (setPersonId(v), changed())}
            options={people.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="staff-bulk-person"
          />
        </Form.Item>
        <Form.Item label={t('staffing.bulk.post')} required>
          <Select
            showSearch
            optionFilterProp="label"
            value={postId}
            onChange={(v) => (setPostId(v), setTemplateId(posts.find((p) => p.id === v)?.templates[0]?.id), changed())}
            options={posts.map((p) => ({ value: p.id, label: `${p.communityName} · ${p.name}` }))}
            data-testid="staff-bulk-post"
          />
        </Form.Item>
        <Form.Item label={t('staffing.bulk.shift')} required>
          <Select
            value={templateId}
            onChange={(v) => (setTemplateId(v), changed())}
            options={(post?.templates ?? []).map((x) => ({ value: x.id, label: `${x.name} ${clock(x.startMinute)}–${clock(x.startMinute + x.minutes)}` }))}
            data-testid="staff-bulk-shift"
          />
        </Form.Item>
        <Form.Item label={t('staffing.bulk.range')} required extra={t('staffing.bulk.rangeHint')}>
          <Space.Compact block>
            <Input type="date" value={range.from} onChange={(e) => (setRange({ ...range, from: e.target.value }), changed())} data-testid="staff-bulk-from" aria-label={t('staffing.bulk.from')} />
            <Input type="date" value={range.to} onChange={(e) => (setRange({ ...range, to: e.target.value }), changed())} data-testid="staff-bulk-to" aria-label={t('staffing.bulk.to')} />
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('staffing.bulk.weekdays')} required>
          <Checkbox.Group value={weekdays} onChange={(v) => (setWeekdays(v), changed())} options={days.map((label, value) => ({ label, value }))} data-testid="staff-bulk-weekdays" />
        </Form.Item>
      </Form>
      {warnings ? (
        <div data-testid="staff-bulk-warnings">
          <p className="gd-staff-error">{t('staffing.bulk.broken')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <Input.TextArea
            rows={3}
            maxLength={200}
            placeholder={t('staffing.override.reason')}
            value={reason}
            status={missing ? 'error' : undefined}
            onChange={(e) => (setReason(e.target.value), setMissing(false))}
            data-testid="staff-bulk-reason"
          />
          {missing ? <div className="gd-staff-error">{t('staffing.override.required')}</div> : null}
        </div>
      ) : null}
    </Modal>
  );
}
