import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { DutyPerson, RuleCheck, StaffingBoard } from '../../../electron/api';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { withPlaced } from './board-placed';
import type { CellRef } from './cell-id';

export interface Pending {
  person: DutyPerson;
  cell: CellRef;
  checks: RuleCheck[];
}

/**
 * Putting a person on a shift: the rules are checked first; a broken one opens the override
 * dialog. A placing that breaks none shows on the board at once, before the service has made it
 * (the board fetched again after it replaces the guess; a refusal takes it back).
 */
export function usePlacing() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const assign = useApiMutation('staffing.assign', {
    onSuccess: () => setPending(null),
    onError: (e) => {
      void message.error(describeError(e, t).message);
      void client.invalidateQueries({ queryKey: ['staffing.board'] });
    },
  });
  const place = async (person: DutyPerson, cell: CellRef) => {
    try {
      const checks = await call('staffing.check', { ...cell, personId: person.id });
      if (checks.length) {
        setPending({ person, cell, checks });
        return;
      }
      void client.cancelQueries({ queryKey: ['staffing.board'] });
      client.setQueriesData<StaffingBoard>({ queryKey: ['staffing.board'] }, (board) => board && withPlaced(board, cell, person));
      assign.mutate({ ...cell, personId: person.id }, { onSuccess: () => void message.success(t('staffing.assigned', { name: person.name })) });
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
