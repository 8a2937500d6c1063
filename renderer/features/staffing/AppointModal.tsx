import { useState } from 'react';
import { Modal, Select, type ButtonProps } from 'antd';
import type { CoverageRole } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { FormErrorAlert } from '../../ui/FormErrorAlert';

export interface AppointTarget {
  role: CoverageRole;
  scopeId: string;
  place: string;
}

/** Fills a gap of the coverage view: choose a person (name or pinyin initials) to hold the role there. */
export function AppointModal({ target, onClose }: { target: AppointTarget; onClose: () => void }) {
  const t = useT();
  const people = useApiQuery('staffing.people', {});
  const appoint = useApiMutation('staffing.appointDuty', { onSuccess: onClose });
  const [personId, setPersonId] = useState<string | undefined>();
  const role = t(`staffing.coverage.role.${target.role}`);
  return (
    <Modal
      open
      title={t('staffing.coverage.appointTitle', { role, place: target.place })}
      okText={t('staffing.coverage.appointOk')}
      okButtonProps={{ disabled: !personId, loading: appoint.isPending, 'data-testid': 'coverage-appoint-ok' } as ButtonProps}
      onCancel={onClose}
      onOk={() => personId && appoint.mutate({ role: target.role, scopeId: target.scopeId, personId })}
    >
      <Select
        showSearch
        style={{ width: '100%' }}
        placeholder={t('staffing.people.search')}
        loading={people.isPending}
        value={personId}
        onChange={setPersonId}
        filterOption={(input, o) => {
          const q = input.trim().toLowerCase();
          return !q || String(o?.label ?? '').includes(q) || String(o?.initials ?? '').startsWith(q);
        }}
        options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${t(`staffing.origin.${p.origin}`)}）`, initials: p.initials }))}
        data-testid="coverage-appoint-person"
      />
      <FormErrorAlert error={appoint.error} testId="coverage-appoint-error" />
    </Modal>
  );
}
