import type { VolunteerSpecialty } from '../../electron/api/volunteers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { people, volunteerSpecialties } from '../schema';
import { cachedStatement } from '../sync/statements';
import { insertRow, tombstoneRow, updateRow } from '../sync/write';

/** The specialties list, in its order, with how many volunteers list each. */
export function listSpecialties(ctx: ServiceContext): VolunteerSpecialty[] {
  return ctx.sqlite
    .prepare<unknown[], VolunteerSpecialty>(
      `SELECT s.id, s.name, (SELECT count(*) FROM volunteer_profiles v JOIN people p ON p.id = v.person_id, json_each(p.skills) j
          WHERE v.deleted = 0 AND j.value = s.name) AS count
         FROM volunteer_specialties s WHERE s.deleted = 0 ORDER BY s.rank, s.name`,
    )
    .all();
}

export function specialtyNames(ctx: ServiceContext): Set<string> {
  const rows = cachedStatement(ctx.sqlite, 'SELECT name FROM volunteer_specialties WHERE deleted = 0').all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function countUsing(ctx: ServiceContext, name: string): number {
  return (
    ctx.sqlite
      .prepare<unknown[], number>('SELECT count(*) FROM volunteer_profiles v JOIN people p ON p.id = v.person_id, json_each(p.skills) j WHERE v.deleted = 0 AND j.value = ?')
      .pluck()
      .get(name) ?? 0
  );
}

/** Adds a specialty to the list, or renames one (the volunteers listing it keep the new name). */
export function saveSpecialty(ctx: ServiceContext, input: { id?: string | undefined; name: string }): VolunteerSpecialty {
  authorize(ctx.actor, 'volunteers.configure');
  const taken = ctx.sqlite.prepare<unknown[], string>('SELECT id FROM volunteer_specialties WHERE deleted = 0 AND name = ?').pluck().get(input.name);
  if (taken && taken !== input.id) throw new ServiceError('CONFLICT', 'volunteer.specialtyExists', { name: input.name }, 'name');
  return ctx.sqlite.transaction(() => {
    if (input.id) {
      const old = ctx.sqlite.prepare<unknown[], string>('SELECT name FROM volunteer_specialties WHERE id = ? AND deleted = 0').pluck().get(input.id);
      if (old === undefined) throw new ServiceError('NOT_FOUND', 'volunteer.specialtyNotFound', {}, 'id');
      updateRow(ctx, volunteerSpecialties, input.id, { name: input.name });
      if (old !== input.name) renameSkill(ctx, old, input.name);
      appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.specialty.rename', target: input.id, detail: { from: old, name: input.name } });
      return { id: input.id, name: input.name, count: countUsing(ctx, input.name) };
    }
    const rank = ctx.sqlite.prepare<unknown[], number>('SELECT coalesce(max(rank), -1) + 1 FROM volunteer_specialties').pluck().get() ?? 0;
    const { id } = insertRow(ctx, volunteerSpecialties, { name: input.name, rank });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.specialty.create', target: id, detail: { name: input.name } });
    return { id, name: input.name, count: 0 };
  })();
}

/** The volunteers listing a renamed specialty get the new name. */
function renameSkill(ctx: ServiceContext, from: string, to: string): void {
  const holders = ctx.sqlite
    .prepare<unknown[], { id: string; skills: string }>(
      `SELECT p.id, p.skills FROM volunteer_profiles v JOIN people p ON p.id = v.person_id WHERE v.deleted = 0 AND EXISTS (SELECT 1 FROM json_each(p.skills) WHERE value = ?)`,
    )
    .all(from);
  for (const h of holders) {
    const skills = (JSON.parse(h.skills) as string[]).map((s) => (s === from ? to : s));
    updateRow(ctx, people, h.id, { skills: [...new Set(skills)] });
  }
}

/** Removes a specialty no volunteer lists any more. */
export function deleteSpecialty(ctx: ServiceContext, input: { id: string }): { id: string } {
  authorize(ctx.actor, 'volunteers.configure');
  const name = ctx.sqlite.prepare<unknown[], string>('SELECT name FROM volunteer_specialties WHERE id = ? AND deleted = 0').pluck().get(input.id);
  if (name === undefined) throw new ServiceError('NOT_FOUND', 'volunteer.specialtyNotFound', {}, 'id');
  const count = countUsing(ctx, name);
  if (count > 0) throw new ServiceError('CONFLICT', 'volunteer.specialtyInUse', { name, count }, 'id');
  ctx.sqlite.transaction(() => {
    tombstoneRow(ctx, volunteerSpecialties, input.id);
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'volunteers.specialty.delete', target: input.id, detail: { name } });
  })();
  return { id: input.id };
}
