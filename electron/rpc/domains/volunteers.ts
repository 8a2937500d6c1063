import { authorize } from '../../../db/auth/permissions';
import { volunteerDetail } from '../../../db/volunteers/detail';
import { volunteerDuplicates } from '../../../db/volunteers/duplicates';
import { mergeDuplicate } from '../../../db/volunteers/merge';
import { volunteerOptions } from '../../../db/volunteers/options';
import { volunteerRoster } from '../../../db/volunteers/roster';
import { acknowledgeBriefing, saveVolunteer, setVolunteerStatus } from '../../../db/volunteers/save';
import { deleteSpecialty, saveSpecialty } from '../../../db/volunteers/specialties';
import { volunteerTemplate } from '../../../db/volunteers/template';
import type { volunteerMethods } from '../../api/volunteers';
import type { HandlerMap } from '../handler-types';
import { startThreadJob } from '../jobs';

/** The volunteer registry (志愿者): the services take the runtime's clock. */
export const volunteerHandlers: HandlerMap<keyof typeof volunteerMethods> = {
  'volunteers.roster': (ctx, input, env) => volunteerRoster(ctx, input, env.runtime.now()),
  'volunteers.get': (ctx, input) => volunteerDetail(ctx, input),
  'volunteers.options': (ctx) => volunteerOptions(ctx),
  'volunteers.save': (ctx, input, env) => saveVolunteer(ctx, input, env.runtime.now()),
  'volunteers.setStatus': (ctx, input, env) => setVolunteerStatus(ctx, input, env.runtime.now()),
  'volunteers.acknowledgeBriefing': (ctx, input, env) => acknowledgeBriefing(ctx, input, env.runtime.now()),
  'volunteers.saveSpecialty': (ctx, input) => saveSpecialty(ctx, input),
  'volunteers.deleteSpecialty': (ctx, input) => deleteSpecialty(ctx, input),
  'volunteers.export': (ctx, input, env) => {
    authorize(ctx.actor, 'volunteers.read');
    return startThreadJob(env.runtime, ctx, 'volunteers.export', { ...input, now: env.runtime.now() }, 'read');
  },
  'volunteers.template': async (ctx, _input, env) => {
    const file = await volunteerTemplate(ctx, env.runtime.now());
    return { fileId: file.id, name: file.name, size: file.size };
  },
  'volunteers.duplicates': (ctx, input) => volunteerDuplicates(ctx, input),
  'volunteers.mergeDuplicate': (ctx, input, env) => mergeDuplicate(ctx, input, env.runtime.now()),
};
