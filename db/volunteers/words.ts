import type { VolunteerKind, VolunteerStatus } from '../schema';

/** The kinds and statuses as the registry writes them. */
export { VOLUNTEER_KIND_LABELS as KIND_WORDS, VOLUNTEER_STATUS_LABELS as STATUS_WORDS } from '../../messages/volunteers';

/** Kinds that name the volunteer's unit: the work unit of a registered party member, the unit of a cadre sent down. */
export const KINDS_WITH_UNIT: readonly VolunteerKind[] = ['registered_party', 'cadre'];

/** How sign-up sheets write the kinds, folded (no spaces), to the kind. */
const KIND_SPELLINGS: [RegExp, VolunteerKind][] = [
  [/报到|在职党员/, 'registered_party'],
  [/下沉|干部/, 'cadre'],
  [/党员/, 'party'],
  [/青年|团员|学生/, 'youth'],
  [/巾帼|妇女|女性/, 'women'],
  [/群众|居民|普通|社会/, 'public'],
];

export function kindOf(text: string): VolunteerKind | null {
  const folded = text.replace(/\s+/g, '');
  if (!folded) return null;
  return KIND_SPELLINGS.find(([re]) => re.test(folded))?.[1] ?? null;
}

const STATUS_SPELLINGS: Record<string, VolunteerStatus> = { 在岗: 'active', 正常: 'active', 在册: 'active', 暂停: 'paused', 请假: 'paused', 退出: 'left', 离开: 'left', 注销: 'left' };

export function statusOf(text: string): VolunteerStatus | null {
  return STATUS_SPELLINGS[text.replace(/\s+/g, '')] ?? null;
}
