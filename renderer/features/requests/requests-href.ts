import type { RequestFilter } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';

const LISTS = ['kinds', 'states', 'sources'] as const;
const IDS = ['communityId', 'gridId', 'buildingId'] as const;

/** The queue's filter in the page's address: `#/requests?states=pending,handling&overdue=1&communityId=…`. */
export function filterQuery(filter: RequestFilter): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of IDS) if (filter[k]) q[k] = filter[k];
  for (const k of LISTS) if (filter[k]?.length) q[k] = filter[k].join(',');
  if (filter.overdue !== undefined) q.overdue = filter.overdue ? '1' : '0';
  if (filter.open !== undefined) q.open = filter.open ? '1' : '0';
  if (filter.group) q.group = filter.group;
  return q;
}

export function readFilter(query: URLSearchParams): RequestFilter {
  const f: Record<string, unknown> = {};
  for (const k of IDS) if (query.get(k)) f[k] = query.get(k);
  for (const k of LISTS) if (query.get(k)) f[k] = query.get(k)!.split(',').filter(Boolean);
  for (const k of ['overdue', 'open'] as const) if (query.get(k) === '1' || query.get(k) === '0') f[k] = query.get(k) === '1';
  const group = query.get('group');
  if (group === 'need' || group === 'incident') f.group = group;
  return f as RequestFilter;
}

/** The 诉求 page, filtered (and with one request open in the drawer). */
export function requestsHref(filter: RequestFilter = {}, open?: string): string {
  return hashHref('requests', [], { ...filterQuery(filter), ...(open ? { request: open } : {}) });
}
