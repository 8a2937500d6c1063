import { authorize } from '../../../db/auth/permissions';
import { closeMonth, nominate, recognitionMonth, vote } from '../../../db/recognition/month';
import { checkPeriod, personHours } from '../../../db/service-hours/person';
import { addHours, removeHours } from '../../../db/service-hours/record';
import { setActiveThreshold } from '../../../db/service-hours/threshold';
import { hoursByMonth, hoursTotals } from '../../../db/service-hours/totals';
import { confirmTeams, moveMember, proposeTeams, teamCandidates } from '../../../db/volunteer-teams/assistant';
import { deleteTeam, listTeams, saveTeam, teamPlaces } from '../../../db/volunteer-teams/teams';
import { startThreadJob } from '../jobs';
import type { volunteerServiceMethods } from '../../api/volunteer-service';
import type { HandlerMap } from '../handler-types';

/** Teams, the service-hour ledger and the monthly recognition; the services take the runtime's clock. */
export const volunteerServiceHandlers: HandlerMap<keyof typeof volunteerServiceMethods> = {
  'volunteerTeams.list': (ctx, input, env) => listTeams(ctx, input, env.runtime.now()),
  'volunteerTeams.places': (ctx) => teamPlaces(ctx),
  'volunteerTeams.candidates': (ctx, input, env) => teamCandidates(ctx, input, env.runtime.now()),
  'volunteerTeams.save': (ctx, input, env) => saveTeam(ctx, input, env.runtime.now()),
  'volunteerTeams.delete': (ctx, input, env) => deleteTeam(ctx, input, env.runtime.now()),
  'volunteerTeams.propose': (ctx, input, env) => proposeTeams(ctx, input, env.runtime.now()),
  'volunteerTeams.confirm': (ctx, input, env) => confirmTeams(ctx, input, env.runtime.now()),
  'volunteerTeams.moveMember': (ctx, input, env) => moveMember(ctx, input, env.runtime.now()),
  'serviceHours.totals': (ctx, input) => hoursTotals(ctx, input),
  'serviceHours.months': (ctx, input) => hoursByMonth(ctx, input),
  'serviceHours.person': (ctx, input) => personHours(ctx, input),
  'serviceHours.add': (ctx, input, env) => addHours(ctx, input, env.runtime.now()),
  'serviceHours.remove': (ctx, input, env) => removeHours(ctx, input, env.runtime.now()),
  'serviceHours.setThreshold': (ctx, input, env) => setActiveThreshold(ctx, input, env.runtime.now()),
  'serviceHours.export': (ctx, input, env) => {
    authorize(ctx.actor, 'hours.read');
    return startThreadJob(env.runtime, ctx, 'serviceHours.export', { month: input.month, now: env.runtime.now() }, 'read');
  },
  'serviceHours.certificate': (ctx, input, env) => {
    authorize(ctx.actor, 'hours.edit');
    checkPeriod(input.from, input.to);
    return startThreadJob(env.runtime, ctx, 'serviceHours.certificate', { ...input, now: env.runtime.now() }, 'read');
  },
  'recognition.month': (ctx, input) => recognitionMonth(ctx, input),
  'recognition.nominate': (ctx, input, env) => nominate(ctx, input, env.runtime.now()),
  'recognition.vote': (ctx, input, env) => vote(ctx, input, env.runtime.now()),
  'recognition.close': (ctx, input, env) => closeMonth(ctx, input, env.runtime.now()),
};
