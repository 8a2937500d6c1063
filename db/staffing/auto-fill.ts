import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { JobControl } from '../jobs/types';
import type { AutoFillResult, FillProposal } from '../../electron/api/staffing';
import { assignmentsByCell, filledOf } from './board';
import { autoFill, type FillSlot } from './fill';
import { postRows, templatesByPost } from './posts';
import { rosterPeople, shiftsByPerson } from './roster';
import { DEFAULT_RULES } from './rules';
import { addDays, DAY, dayStart, isNight, shiftTimes, weekdayOf, weekStart } from './time';
import { WEEKDAY_WORDS } from './words';

const REASONS = {
  skills: (skills: string) => `没有具备「${skills}」技能的人员`,
  availability: () => '没有在这个时间有空的人员',
  busy: () => '有空的人员都已排满（休息时间或每周工时已到上限）',
};

/** Proposes people for the open places of `days` days from `from`, within the actor's posts; writes nothing. */
export function proposeFill(ctx: ServiceContext, input: { from: string; days: number }, job?: JobControl): AutoFillResult {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const start = dayStart(input.from);
  if (start === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: input.from }, 'from');
  job?.progress('读取排班', 0, 3);
  const posts = postRows(sqlite, gridScope(ctx.actor));
  const templates = templatesByPost(sqlite);
  const cells = assignmentsByCell(sqlite, input.from, input.days);
  const slots: FillSlot[] = [];
  const about = new Map<string, { postId: string; postName: string; communityName: string; templateId: string; shiftName: string; date: string; skills: string[] }>();
  for (const p of posts) {
    const skills = JSON.parse(p.skills) as string[];
    for (const t of templates.get(p.id) ?? []) {
      for (let i = 0; i < input.days; i++) {
        const date = addDays(input.from, i);
        const open = p.staff_needed - filledOf(cells.get(`${p.id}|${t.id}|${date}`) ?? []);
        if (open <= 0) continue;
        const key = `${p.id}|${t.id}|${date}`;
        slots.push({
          key,
          ...shiftTimes(date, t.start_minute, t.minutes),
          weekday: weekdayOf(date),
          startMinute: t.start_minute,
          minutes: t.minutes,
          week: dayStart(weekStart(date))!,
          skills,
          open,
          night: isNight(t.start_minute, t.minutes),
        });
        about.set(key, { postId: p.id, postName: p.name, communityName: p.community_name, templateId: t.id, shiftName: t.name, date, skills });
      }
    }
  }
  job?.throwIfCancelled();
  job?.progress('计算建议', 1, 3);
  const from = dayStart(weekStart(input.from))! - DAY;
  const to = dayStart(addDays(weekStart(addDays(input.from, input.days - 1)), 7))! + DAY;
  const shifts = shiftsByPerson(sqlite, from, to);
  const roster = rosterPeople(sqlite);
  const names = new Map(roster.map((p) => [p.id, p.name]));
  const outcome = autoFill(
    slots,
    roster.map((p) => ({ id: p.id, skills: p.skills, availability: p.availability, shifts: shifts.get(p.id) ?? [] })),
    DEFAULT_RULES,
  );
  job?.throwIfCancelled();
  job?.progress('整理结果', 2, 3);
  const proposals: FillProposal[] = outcome.picks.map(({ key, personId }) => {
    const a = about.get(key)!;
    return { postId: a.postId, postName: a.postName, communityName: a.communityName, templateId: a.templateId, shiftName: a.shiftName, date: a.date, personId, personName: names.get(personId) ?? '' };
  });
  proposals.sort((a, b) => a.date.localeCompare(b.date) || a.communityName.localeCompare(b.communityName, 'zh-CN') || a.postName.localeCompare(b.postName, 'zh-CN'));
  const unfilled = outcome.short.map(({ key, missing, reason }) => {
    const a = about.get(key)!;
    return {
      date: a.date,
      postName: a.postName,
      shiftName: `${WEEKDAY_WORDS[weekdayOf(a.date)]}${a.shiftName}`,
      missing,
      reason: reason === 'skills' ? REASONS.skills(a.skills.join('、')) : REASONS[reason](),
    };
  });
  unfilled.sort((a, b) => a.date.localeCompare(b.date));
  job?.progress('整理结果', 3, 3);
  return { from: input.from, to: addDays(input.from, input.days - 1), open: slots.reduce((n, s) => n + s.open, 0), proposals, unfilled };
}
