import type { VolunteerOptions } from '../../electron/api/volunteers';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { communityScope } from './scope';
import { listSpecialties } from './specialties';

/** What the roster's filters offer: the communities the actor sees, the specialties list, and the teams of those communities. */
export function volunteerOptions(ctx: ServiceContext): VolunteerOptions {
  authorize(ctx.actor, 'volunteers.read');
  const scope = communityScope(ctx);
  const communities = ctx.sqlite
    .prepare<unknown[], { id: string; name: string }>('SELECT id, name FROM communities WHERE deleted = 0 ORDER BY code')
    .all()
    .filter((c) => !scope || scope.includes(c.id));
  const teams = ctx.sqlite
    .prepare<unknown[], { id: string; name: string; community_id: string | null; community_name: string | null }>(
      'SELECT t.id, t.name, t.community_id, c.name AS community_name FROM volunteer_teams t LEFT JOIN communities c ON c.id = t.community_id WHERE t.deleted = 0 ORDER BY c.code, t.name',
    )
    .all()
    .filter((x) => !scope || (x.community_id !== null && scope.includes(x.community_id)))
    .map((x) => ({ id: x.id, name: x.name, communityName: x.community_name }));
  return { communities, specialties: listSpecialties(ctx), teams };
}
