import { useQueryClient } from '@tanstack/react-query';
import type { MethodName } from '../../../electron/api';
import { invalidateDomains } from '../../api/events';
import { useApiMutation } from '../../api/queries';

type EditMethod = Extract<MethodName, 'screening.start' | 'screening.close' | 'screening.visit'>;

/** A change to a round; rounds, progress and queues are fetched again after it (a visit's needs land on buildings). */
export function useScreeningEdit<M extends EditMethod>(method: M) {
  const client = useQueryClient();
  return useApiMutation(method, { onSuccess: () => invalidateDomains(client, ['screening', 'buildings']) });
}
