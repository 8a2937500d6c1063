import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { volunteerKinds, type VolunteerDetail } from '../../../electron/api';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { editInput, type Draft } from './edit-input';
import { AvailabilityGrid } from './AvailabilityGrid';

/** 编辑资料: a volunteer's profile; the phone and ID number show masked as hints and are changed only by typing a new one. */
export function EditDialog({ volunteer: v, onClose }: { volunteer: VolunteerDetail; onClose(): void }) {
  const t = useT();
  const options = useApiQuery('volunteers.options', {});
  const [d, setD] = useState<Draft>({
    name: v.name,
    gender: v.gender,
    birthDate: v.birthDate ?? '',
    phone: '',
    idNumber: '',
    kind: v.kind,
    unit: v.unit ?? '',
    communityId: v.communityId,
    building: v.building ?? '',
    skills: v.skills,
  });
  const [availability, setAvailability] = useState<number[] | null>(v.availability);
  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => setD((x) => ({ ...x, [k]: value }));
  const save = useApiMutation('volunteers.save', { onSuccess: onClose });
  const error = save.error ? describeError(save.error, t) : null;
  const wrong = save.error instanceof ApiCallError ? save.error.field : null;
  const status = (field: string) => (wrong === field ? 'error' : undefined);
  return (
    <Modal
      open
      width={620}
      title={t('volunteers.edit.title', { name: v.name })}
      onCancel={onClose}
      onOk={() => save.mutate(editInput(v.id, d, availability))}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'edit-ok' } as never}
    >
      <Form layout="vertical" data-testid="volunteer-edit-form">
        <Form.Item label={t('volunteers.col.name')} required validateStatus={status('name')}>
          <Input value={d.name} maxLength={30} onChange={(e) => set('name', e.target.value)} data-testid="edit-name" />
        </Form.Item>
        <Form.Item label={t('volunteers.col.gender')} validateStatus={status('gender')}>
          <Select value={d.gender} onChange={(x) => set('gender', x)} options={(['male', 'female'] as const).map((g) => ({ value: g, label: t(`volunteers.gender.${g}`) }))} data-testid="edit-gender" />
        </Form.Item>
        <Form.Item label={t('volunteers.field.birthDate')} validateStatus={status('birthDate')}>
          <Input value={d.birthDate} placeholder="YYYY-MM-DD" onChange={(e) => set('birthDate', e.target.value)} data-testid="edit-birth" />
        </Form.Item>
        <Form.Item label={t('volunteers.col.phone')} extra={t('volunteers.edit.keepHint', { masked: v.phone })} validateStatus={status('phone')}>
          <Input value={d.phone} maxLength={30} placeholder={v.phone} autoComplete="off" onChange={(e) => set('phone', e.target.value)} data-testid="edit-phone" />
        </Form.Item>
        <Form.Item label={t('volunteers.field.idNumber')} extra={v.idNumber ? t('volunteers.edit.keepHint', { masked: v.idNumber }) : undefined} validateStatus={status('idNumber')}>
          <Input value={d.idNumber} maxLength={18} placeholder={v.idNumber ?? ''} autoComplete="off" onChange={(e) => set('idNumber', e.target.value)} data-testid="edit-id-number" />
        </Form.Item>
        <Form.Item label={t('volunteers.col.kind')}>
          <Select value={d.kind} onChange={(x) => set('kind', x)} options={volunteerKinds.map((k) => ({ value: k, label: t(`volunteers.kind.${k}`) }))} data-testid="edit-kind" />
        </Form.Item>
        <Form.Item label={t('volunteers.field.unit')} validateStatus={status('unit')}>
          <Input value={d.unit} maxLength={60} onChange={(e) => set('unit', e.target.value)} data-testid="edit-unit" />
        </Form.Item>
        <Form.Item label={t('volunteers.filter.community')} validateStatus={status('communityId')}>
          <Select allowClear value={d.communityId ?? undefined} onChange={(x?: string) => set('communityId', x ?? null)} options={(options.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="edit-community" />
        </Form.Item>
        <Form.Item label={t('volunteers.field.building')}>
          <Input value={d.building} maxLength={40} onChange={(e) => set('building', e.target.value)} data-testid="edit-building" />
        </Form.Item>
        <Form.Item label={t('volunteers.col.skills')} validateStatus={status('skills')}>
          <Select mode="multiple" value={d.skills} onChange={(x: string[]) => set('skills', x)} options={(options.data?.specialties ?? []).map((s) => ({ value: s.name, label: s.name }))} data-testid="edit-skills" />
        </Form.Item>
        <Form.Item label={t('volunteers.availability.edit')} validateStatus={status('availability')}>
          <AvailabilityGrid value={availability} onChange={setAvailability} />
        </Form.Item>
        {error && (
          <div className="gd-error-text" data-testid="edit-error">
            {error.message}
          </div>
        )}
      </Form>
    </Modal>
  );
}
