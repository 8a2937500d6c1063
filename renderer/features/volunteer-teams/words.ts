import type { Translate } from '../../i18n';
import type { TeamCandidate, TeamLevelKey } from '../../../electron/api';

/** 「女 · 34 岁」 */
export function candidateLine(c: Pick<TeamCandidate, 'gender' | 'age'>, t: Translate): string {
  const gender = t(c.gender === 'male' ? 'vt.gender.male' : 'vt.gender.female');
  return c.age === null ? gender : `${gender} · ${t('vt.age', { n: c.age })}`;
}

export const levelWord = (level: TeamLevelKey, t: Translate): string => t(`vt.level.${level}`);
