import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { RosterFilter, VolunteerRow } from '../../../electron/api';
import { call } from '../../api/client';
import { queryKey } from '../../api/queries';

export const ROSTER_PAGE = 500;

/**
 * The pages of the roster that hold rows `first`…`last` (what the virtual list shows), each fetched
 * once and kept: scrolling 20,000 rows asks only for the windows it reaches.
 */
export function useRosterWindow(filter: RosterFilter, first: number, last: number): { total: number | null; row(i: number): VolunteerRow | undefined; error: unknown } {
  const pages: number[] = [];
  for (let p = Math.floor(first / ROSTER_PAGE); p <= Math.floor(Math.max(last, 0) / ROSTER_PAGE); p++) pages.push(p);
  const results = useQueries({
    queries: pages.map((p) => {
      const input = { ...filter, offset: p * ROSTER_PAGE, limit: ROSTER_PAGE };
      return { queryKey: queryKey('volunteers.roster', input), queryFn: () => call('volunteers.roster', input), placeholderData: keepPreviousData, staleTime: 30_000 };
    }),
  });
  const byPage = new Map(pages.map((p, i) => [p, results[i]!.data]));
  const total = results.find((r) => r.data)?.data?.total ?? null;
  return {
    total,
    row: (i) => byPage.get(Math.floor(i / ROSTER_PAGE))?.rows[i % ROSTER_PAGE],
    error: results.find((r) => r.error)?.error ?? null,
  };
}
