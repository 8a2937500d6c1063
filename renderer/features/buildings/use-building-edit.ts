import { useQueryClient } from '@tanstack/react-query';
import type { MethodName } from '../../../electron/api';
import { invalidateDomains } from '../../api/events';
import { useApiMutation } from '../../api/queries';

type EditMethod = Extract<MethodName, 'buildings.addNeed' | 'buildings.updateNeed' | 'buildings.addIncident' | 'buildings.updateIncident'>;

/** A change to a building's needs or incidents; everything showing buildings is fetched again after it. */
export function useBuildingEdit<M extends EditMethod>(method: M) {
  const client = useQueryClient();
  return useApiMutation(method, { onSuccess: () => invalidateDomains(client, ['buildings']) });
}
