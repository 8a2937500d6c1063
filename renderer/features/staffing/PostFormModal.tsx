import { AutoComplete, Form, Input, InputNumber, Select } from 'antd';
import { postKinds } from '../../../electron/api';
import { useApiMutation, useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { kindLabel } from './words';

interface Values {
  name: string;
  kind: string;
  communityId?: string;
  gridId?: string;
  staffNeeded: number;
  skills: string[];
}

const FIELDS = ['name', 'kind', 'communityId', 'gridId', 'staffNeeded', 'skills'] as const;

export interface EditedPost {
  id: string;
  name: string;
  kind: string;
  communityId: string;
  gridId: string | null;
  staffNeeded: number;
  skills: string[];
}

/** A new duty post (it gets the three default shifts, 早 07–15, 中 15–23, 夜 23–07), or a change to one: it stays where it is on the map. */
export function PostFormModal({ onClose, post }: { onClose: () => void; post?: EditedPost | undefined }) {
  const t = useT();
  const layers = useMapLayers();
  const { form, error, submit } = useFormSubmit<Values>(FIELDS);
  const save = useApiMutation('staffing.savePost');
  const community = Form.useWatch('communityId', form);
  const grids = (layers.data?.grids ?? []).filter((g) => g.communityId === community);
  return (
    <FormModal
      testId="staff-post"
      open
      title={post ? t('staffing.post.edit') : t('staffing.post.new')}
      okText={t('staffing.post.save')}
      pending={save.isPending}
      error={error}
      onClose={onClose}
      onOk={() =>
        submit(async (v) => {
          await save.mutateAsync({ ...v, ...(post ? { id: post.id } : {}), gridId: v.gridId ?? null, kind: postKinds.find((k) => kindLabel(k, t) === v.kind) ?? v.kind, skills: v.skills ?? [] });
          onClose();
        })
      }
    >
      <Form form={form} layout="vertical" initialValues={post ? { ...post, kind: kindLabel(post.kind, t), gridId: post.gridId ?? undefined } : { staffNeeded: 2, skills: [] }}>
        <Form.Item name="name" label={t('staffing.post.name')} rules={[{ required: true, message: t('staffing.post.nameRequired') }]}>
          <Input maxLength={40} data-testid="staff-post-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('staffing.post.kind')} rules={[{ required: true, message: t('staffing.post.kindRequired') }]}>
          <AutoComplete options={postKinds.map((k) => ({ value: kindLabel(k, t) }))} />
        </Form.Item>
        <Form.Item name="communityId" label={t('staffing.gaps.community')}>
          <Select allowClear options={(layers.data?.communities ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="staff-post-community" />
        </Form.Item>
        <Form.Item name="gridId" label={t('staffing.post.grid')}>
          <Select allowClear disabled={!community} options={grids.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="staffNeeded" label={t('staffing.post.staff')}>
          <InputNumber min={1} max={50} />
        </Form.Item>
        <Form.Item name="skills" label={t('staffing.post.skills')}>
          <Select mode="tags" options={['医护', '信息录入', '驾驶'].map((s) => ({ value: s }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
