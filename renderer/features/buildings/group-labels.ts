import type { ResidentTag } from '../../../electron/api';
import type { MessageKey } from '../../i18n';

/** The special groups in the order the center reads them, with their label keys and tag colours. */
export const GROUPS: readonly { tag: ResidentTag; label: MessageKey; short: MessageKey; color: string }[] = [
  { tag: 'home_observation', label: 'buildings.group.home_observation', short: 'buildings.groupShort.home_observation', color: 'orange' },
  { tag: 'isolation', label: 'buildings.group.isolation', short: 'buildings.groupShort.isolation', color: 'red' },
  { tag: 'elderly_alone', label: 'buildings.group.elderly_alone', short: 'buildings.groupShort.elderly_alone', color: 'purple' },
  { tag: 'disabled', label: 'buildings.group.disabled', short: 'buildings.groupShort.disabled', color: 'blue' },
  { tag: 'returnee', label: 'buildings.group.returnee', short: 'buildings.groupShort.returnee', color: 'cyan' },
];

export function groupOf(tag: ResidentTag) {
  return GROUPS.find((g) => g.tag === tag)!;
}
