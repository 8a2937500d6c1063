import { useState } from 'react';
import { App } from 'antd';
import type { DutyPerson, RuleCheck } from '../../../electron/api';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import type { CellRef } from './cell-id';

export interface Pending {
  person: DutyPerson;
  cell: CellRef;
  checks: RuleCheck[];
}

/** Putting a person on a shift: the rules are checked first; a broken one opens the override dialog. */
export function usePlacing() {
  const t = useT();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const assign = useApiMutation('staffing.assign', {
    onSuccess: () => setPending(null),
    onError: (e) => void message.error(describeError(e, t).message),
  });
  const place = async (person: DutyPerson, cell: CellRef) => {
    try {
      const checks = await call('staffing.check', { ...cell, personId: person.id });
      if (checks.length) setPending({ person, cell, checks });
      else assign.mutate({ ...cell, personId: person.id }, { onSuccess: () => void message.success(t('staffing.assigned', { name: person.name })) });
    } catch (e) {
      void message.error(describeError(e, t).message);
    }
  };
  const confirm = (reason: string) => {
    if (!pending) return;
    assign.mutate({ ...pending.cell, personId: pending.person.id, overrideReason: reason });
  };
  return { pending, place, confirm, cancel: () => setPending(null), busy: assign.isPending };
}
