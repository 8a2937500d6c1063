import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { dutyAssignments } from '../schema';
import { insertRow } from '../sync/write';
import type { CoverageRole } from '../../electron/api/staffing';
import { requirePerson } from './roster';

const SCOPE: Record<CoverageRole, { type: 'zone' | 'grid' | 'building'; sql: string }> = {
  zone_head: { type: 'zone', sql: "SELECT z.name, c.name AS community FROM zones z JOIN communities c ON c.id = z.community_id WHERE z.id = ? AND z.deleted = 0" },
  grid_head: { type: 'grid', sql: 'SELECT g.name, c.name AS community FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id = ? AND g.deleted = 0' },
  grid_worker: { type: 'grid', sql: 'SELECT g.name, c.name AS community FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id = ? AND g.deleted = 0' },
  building_head: { type: 'building', sql: 'SELECT b.name, c.name AS community FROM buildings b JOIN communities c ON c.id = b.community_id WHERE b.id = ? AND b.deleted = 0' },
  alley_head: { type: 'building', sql: 'SELECT b.name, c.name AS community FROM buildings b JOIN communities c ON c.id = b.community_id WHERE b.id = ? AND b.deleted = 0' },
};

/** 片区长, 网格长, 网格员, 楼栋长, 弄巷长. */
export const COVERAGE_ROLE_WORDS: Record<CoverageRole, string> = {
  zone_head: '片区长',
  grid_head: '网格长',
  grid_worker: '网格员',
  building_head: '楼栋长',
  alley_head: '弄巷长',
};

/** Makes a person hold a role on a zone, grid or building from now; audited. */
export function appointDuty(ctx: ServiceContext, input: { role: CoverageRole; scopeId: string; personId: string }, now: number): { id: string } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const scope = SCOPE[input.role];
  const id = sqlite.transaction(() => {
    const place = sqlite.prepare<unknown[], { name: string; community: string }>(scope.sql).get(input.scopeId);
    if (!place) throw new ServiceError('NOT_FOUND', 'staffing.scopeNotFound', { role: COVERAGE_ROLE_WORDS[input.role] }, 'scopeId');
    const person = requirePerson(sqlite, input.personId);
    const held = sqlite
      .prepare('SELECT 1 FROM duty_assignments WHERE person_id = ? AND role = ? AND scope_id = ? AND deleted = 0')
      .get(person.id, input.role, input.scopeId);
    if (held) throw new ServiceError('CONFLICT', 'staffing.alreadyHolds', { name: person.name, place: place.name, role: COVERAGE_ROLE_WORDS[input.role] }, 'personId');
    const { id } = insertRow(ctx, dutyAssignments, { personId: person.id, role: input.role, scopeType: scope.type, scopeId: input.scopeId, since: now });
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'staffing.duty.assign',
      target: id,
      detail: { personId: person.id, name: person.name, role: input.role, roleName: COVERAGE_ROLE_WORDS[input.role], scopeId: input.scopeId, place: `${place.community}${place.name}` },
    });
    return id;
  })();
  ctx.emit('data.changed', { domains: ['staffing', 'buildings'] });
  return { id };
}
