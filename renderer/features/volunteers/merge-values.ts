import type { MergeField, MergeSide } from '../../../electron/api';
import type { Translate } from '../../i18n';
import { availabilityText } from './availability';

/** The fields of the merge view, in order, with their label; profile fields are offered only when both records have one. */
export const MERGE_ROWS: readonly { field: MergeField; label: Parameters<Translate>[0]; profile?: true }[] = [
  { field: 'name', label: 'volunteers.col.name' },
  { field: 'gender', label: 'volunteers.col.gender' },
  { field: 'phone', label: 'volunteers.col.phone' },
  { field: 'idNumber', label: 'volunteers.field.idNumber' },
  { field: 'birthDate', label: 'volunteers.field.birthDate', profile: true },
  { field: 'kind', label: 'volunteers.col.kind', profile: true },
  { field: 'unit', label: 'volunteers.field.unit' },
  { field: 'communityId', label: 'volunteers.filter.community', profile: true },
  { field: 'building', label: 'volunteers.field.building', profile: true },
  { field: 'skills', label: 'volunteers.col.skills' },
  { field: 'availability', label: 'volunteers.availability.edit' },
  { field: 'status', label: 'volunteers.col.status', profile: true },
  { field: 'briefingAt', label: 'volunteers.col.briefing', profile: true },
];

/** A side's value of a field as the page shows it. */
export function shownValue(side: MergeSide, field: MergeField, t: Translate): string {
  switch (field) {
    case 'gender': return t(`volunteers.gender.${side.gender}`);
    case 'kind': return side.kind ? t(`volunteers.kind.${side.kind}`) : '—';
    case 'communityId': return side.communityName ?? '—';
    case 'skills': return side.skills.join('、') || '—';
    case 'availability': return availabilityText(side.availability, t);
    case 'status': return side.status ? t(`volunteers.status.${side.status}`) : '—';
    case 'briefingAt': return side.briefingAt ? new Date(side.briefingAt).toLocaleDateString('zh-CN') : t('volunteers.merge.briefing.no');
    default: return (side[field] as string | null) ?? '—';
  }
}
