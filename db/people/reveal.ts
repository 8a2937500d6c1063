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
export function revealPersonalData(ctx: ServiceContext, input: { personId: string; field: 'phone' | 'idNumber'; reason: string }): { value: string } {
  authorize(ctx.actor, 'personal.reveal');
  const person = ctx.sqlite.prepare('SELECT id, name, phone, id_number FROM people WHERE id = ? AND deleted = 0').get(input.personId) as
    | { id: string; name: string; phone: string; id_number: string | null }
    | undefined;
  if (!person) throw new ServiceError('NOT_FOUND', '找不到该人员', 'personId');
  if (ctx.actor.role === 'grid_worker') {
    const grids = (ctx.sqlite.prepare(PERSON_GRIDS).all({ person: person.id }) as { grid_id: string }[]).map((r) => r.grid_id);
    authorize(ctx.actor, 'personal.reveal', { gridId: grids.length > 0 ? grids : ['(none)'] });
  }
  const value = input.field === 'phone' ? person.phone : person.id_number;
  if (!value) throw new ServiceError('NOT_FOUND', '该人员没有登记身份证号', 'field');
  appendAudit(ctx.sqlite, {
    actor: ctx.actor,
    action: 'person.reveal',
    target: person.id,
    detail: { field: input.field, reason: input.reason },
  });
  return { value };
}
