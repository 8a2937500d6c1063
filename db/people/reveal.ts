import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/** The grid a duty assignment's scope lies in (zones span several grids: they count for each). */
const PERSON_GRIDS = `
  SELECT d.scope_id AS grid_id FROM duty_assignments d WHERE d.person_id = @person AND d.scope_type = 'grid' AND d.deleted = 0
  UNION SELECT g.id FROM duty_assignments d JOIN grids g ON g.zone_id = d.scope_id WHERE d.person_id = @person AND d.scope_type = 'zone' AND d.deleted = 0
  UNION SELECT c.grid_id FROM duty_assignments d JOIN compounds c ON c.id = d.scope_id WHERE d.person_id = @person AND d.scope_type = 'compound' AND d.deleted = 0
  UNION SELECT b.grid_id FROM duty_assignments d JOIN buildings b ON b.id = d.scope_id WHERE d.person_id = @person AND d.scope_type = 'building' AND d.deleted = 0
  UNION SELECT b.grid_id FROM duty_assignments d JOIN units u ON u.id = d.scope_id JOIN buildings b ON b.id = u.building_id
        WHERE d.person_id = @person AND d.scope_type = 'unit' AND d.deleted = 0`;

/**
 * Shows one unmasked phone or ID number. Needs the permission (a grid worker: for people
 * serving in their grids) and a reason; the audit entry names who, whom, which field and why —
 * never the value itself, which would then be in the log for ever.
 */
interface Holder {
  id: string;
  phone: string | null;
  id_number: string | null;
  /** The grids whose grid worker may see it. */
  grids: string[];
  kind: 'person' | 'resident';
}

/** A person serving in the territory, or a resident of a building (ids are unique across both). */
function findHolder(ctx: ServiceContext, id: string): Holder | null {
  const person = ctx.sqlite.prepare<unknown[], { id: string; phone: string; id_number: string | null }>('SELECT id, phone, id_number FROM people WHERE id = ? AND deleted = 0').get(id);
  if (person) {
    const grids = ctx.sqlite.prepare<unknown[], { grid_id: string }>(PERSON_GRIDS).all({ person: person.id }).map((r) => r.grid_id);
    return { ...person, grids, kind: 'person' };
  }
  const resident = ctx.sqlite
    .prepare<unknown[], { id: string; phone: string | null; id_number: string | null; grid_id: string }>(
      `SELECT r.id, r.phone, r.id_number, b.grid_id FROM residents r JOIN buildings b ON b.id = r.building_id
        WHERE r.id = ? AND r.deleted = 0`,
    )
    .get(id);
  return resident ? { id: resident.id, phone: resident.phone, id_number: resident.id_number, grids: [resident.grid_id], kind: 'resident' } : null;
}

/**
 * Shows one unmasked phone or ID number of a person on duty or a resident. Needs the permission
 * (a grid worker: for people of their grids) and a reason; the audit entry names who, whom, which
 * field and why — never the value itself, which would then be in the log for ever.
 */
export function revealPersonalData(ctx: ServiceContext, input: { personId: string; field: 'phone' | 'idNumber'; reason: string }): { value: string } {
  authorize(ctx.actor, 'personal.reveal');
  const holder = findHolder(ctx, input.personId);
  if (!holder) throw new ServiceError('NOT_FOUND', 'person.notFound', {}, 'personId');
  if (ctx.actor.role === 'grid_worker') authorize(ctx.actor, 'personal.reveal', { gridId: holder.grids.length > 0 ? holder.grids : ['(none)'] });
  const value = input.field === 'phone' ? holder.phone : holder.id_number;
  if (!value) throw new ServiceError('NOT_FOUND', input.field === 'phone' ? 'person.noPhone' : 'person.noIdNumber', {}, 'field');
  appendAudit(ctx.sqlite, {
    actor: ctx.actor,
    action: holder.kind === 'person' ? 'person.reveal' : 'resident.reveal',
    target: holder.id,
    detail: { field: input.field, reason: input.reason },
  });
  return { value };
}
