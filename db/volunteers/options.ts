import type { VolunteerOptions } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { communityScope } from './scope';
import { listSpecialties } from './specialties';

/** What the roster's filters offer: the communities the actor sees, and the specialties list. */
export function volunteerOptions(ctx: ServiceContext): VolunteerOptions {
  authorize(ctx.actor, 'volunteers.read');
  const scope = communityScope(ctx);
  const communities = ctx.sqlite
    .prepare<unknown[], { id: string; name: string }>('SELECT id, name FROM communities WHERE deleted = 0 ORDER BY code')
    .all()
    .filter((c) => !scope || scope.includes(c.id));
  return { communities, specialties: listSpecialties(ctx) };
}
