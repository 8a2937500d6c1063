import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { shiftAssignments } from '../schema';
import { insertRow } from '../sync/write';
import type { RuleCheck, StaffingRule } from '../../electron/api/staffing';
import { requirePost, requireTemplate, type PostRow, type TemplateRow } from './posts';
import { personShifts, requirePerson, type DutyPersonRow } from './roster';
import { checkRules, DEFAULT_RULES, type RuleWarning } from './rules';
import { ruleText } from './words';
import { addDays, DAY, dayStart, shiftTimes, weekdayOf, weekStart } from './time';

export interface Slot {
  postId: string;
  templateId: string;
  date: string;
}

export interface ResolvedSlot {
  post: PostRow;
  template: TemplateRow;
  date: string;
  startsAt: number;
  endsAt: number;
}

export function resolveSlot(sqlite: Database.Database, slot: Slot, dateField = 'date'): ResolvedSlot {
  if (dayStart(slot.date) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: slot.date }, dateField);
  const post = requirePost(sqlite, slot.postId);
  const template = requireTemplate(sqlite, post.id, slot.templateId);
  return { post, template, date: slot.date, ...shiftTimes(slot.date, template.start_minute, template.minutes) };
}

/** The rules that putting `person` on the slot would break, given their other shifts as they stand. */
export function warningsFor(sqlite: Database.Database, s: ResolvedSlot, person: DutyPersonRow): RuleWarning[] {
  const from = dayStart(weekStart(s.date))!;
  const to = dayStart(addDays(weekStart(s.date), 7))!;
  const others = personShifts(sqlite, person.id, Math.min(from, s.startsAt) - DAY, Math.max(to, s.endsAt) + DAY);
  return checkRules(
    {
      shift: { startsAt: s.startsAt, endsAt: s.endsAt, weekday: weekdayOf(s.date), startMinute: s.template.start_minute, minutes: s.template.minutes },
      postSkills: JSON.parse(s.post.skills) as string[],
      person,
      others,
      week: { from, to },
    },
    DEFAULT_RULES,
  );
}

export const toChecks = (warnings: RuleWarning[]): RuleCheck[] => warnings.map((w) => ({ rule: w.rule, params: w.params, message: ruleText(w) }));

export function checkAssignment(ctx: ServiceContext, input: Slot & { personId: string }): RuleCheck[] {
  authorize(ctx.actor, 'staffing.edit');
  const s = resolveSlot(ctx.sqlite, input);
  return toChecks(warningsFor(ctx.sqlite, s, requirePerson(ctx.sqlite, input.personId)));
}

function refuseTwice(sqlite: Database.Database, s: ResolvedSlot, person: DutyPersonRow, field = 'personId'): void {
  const twice = sqlite
    .prepare('SELECT 1 FROM shift_assignments WHERE post_id = ? AND template_id = ? AND date = ? AND person_id = ? AND deleted = 0')
    .get(s.post.id, s.template.id, s.date, person.id);
  if (twice) throw new ServiceError('CONFLICT', 'staffing.alreadyOnShift', { name: person.name, date: s.date }, field);
}

/** Writes one assignment (already checked); returns its id. */
export function writeAssignment(ctx: ServiceContext, s: ResolvedSlot, personId: string, overridden: StaffingRule[], reason: string | null): string {
  return insertRow(ctx, shiftAssignments, {
    postId: s.post.id,
    templateId: s.template.id,
    personId,
    date: s.date,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    overridden,
    overrideReason: reason,
    assignedBy: ctx.actor.id,
  }).id;
}

/** Puts a person on a shift. A shift breaking a rule is refused unless a reason is written; the audit keeps rules and reason. */
export function assignShift(ctx: ServiceContext, input: Slot & { personId: string; overrideReason?: string | undefined }): { id: string; overridden: StaffingRule[] } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const out = sqlite.transaction(() => {
    const s = resolveSlot(sqlite, input);
    const person = requirePerson(sqlite, input.personId);
    refuseTwice(sqlite, s, person);
    const warnings = warningsFor(sqlite, s, person);
    const reason = input.overrideReason?.trim() || null;
    if (warnings.length && !reason) {
      throw new ServiceError('CONFLICT', 'staffing.rulesBroken', { rules: warnings.map(ruleText).join('；') }, 'overrideReason');
    }
    const overridden = warnings.map((w) => w.rule);
    const id = writeAssignment(ctx, s, person.id, overridden, warnings.length ? reason : null);
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: overridden.length ? 'staffing.assign.override' : 'staffing.assign',
      target: id,
      detail: { post: s.post.name, shift: s.template.name, date: s.date, personId: person.id, ...(overridden.length ? { rules: overridden, reason } : {}) },
    });
    return { id, overridden };
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return out;
}

export interface BulkInput {
  postId: string;
  templateId: string;
  personId: string;
  from: string;
  to: string;
  weekdays: number[];
  overrideReason?: string | undefined;
}

/** One person on one shift every chosen weekday of a range: all or nothing. */
export function bulkAssign(ctx: ServiceContext, input: BulkInput): { created: number; overridden: number } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const from = dayStart(input.from);
  const to = dayStart(input.to);
  if (from === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: input.from }, 'from');
  if (to === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: input.to }, 'to');
  if (to < from || to - from > 92 * DAY) throw new ServiceError('INVALID_INPUT', 'staffing.rangeTooLong', {}, 'to');
  const days = new Set(input.weekdays);
  const out = sqlite.transaction(() => {
    const person = requirePerson(sqlite, input.personId);
    const reason = input.overrideReason?.trim() || null;
    let created = 0;
    let overridden = 0;
    const broken: string[] = [];
    for (let date = input.from; dayStart(date)! <= to; date = addDays(date, 1)) {
      if (!days.has(weekdayOf(date))) continue;
      const s = resolveSlot(sqlite, { postId: input.postId, templateId: input.templateId, date }, 'from');
      refuseTwice(sqlite, s, person);
      const warnings = warningsFor(sqlite, s, person);
      if (warnings.length && !reason) broken.push(`${date} ${warnings.map(ruleText).join('，')}`);
      const id = writeAssignment(ctx, s, person.id, warnings.map((w) => w.rule), warnings.length ? reason : null);
      if (warnings.length) overridden++;
      created++;
      void id;
    }
    if (broken.length) throw new ServiceError('CONFLICT', 'staffing.rulesBroken', { rules: broken.slice(0, 5).join('；') + (broken.length > 5 ? ` 等 ${broken.length} 天` : '') }, 'overrideReason');
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'staffing.assign.bulk',
      target: input.postId,
      detail: { from: input.from, to: input.to, weekdays: input.weekdays, personId: person.id, created, overridden, ...(overridden ? { reason } : {}) },
    });
    return { created, overridden };
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return out;
}
