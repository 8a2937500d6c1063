import { acceptFill } from '../../../db/staffing/accept-fill';
import { assignShift, bulkAssign, checkAssignment } from '../../../db/staffing/assign';
import { attend, unassignShift } from '../../../db/staffing/attend';
import { staffingBoard } from '../../../db/staffing/board';
import { staffingGaps } from '../../../db/staffing/gaps';
import { postLog, writeHandover } from '../../../db/staffing/handover';
import { appointDuty } from '../../../db/staffing/appoint';
import { staffingCoverage } from '../../../db/staffing/coverage';
import { postsNow } from '../../../db/staffing/posts-now';
import { dutyPeople } from '../../../db/staffing/people';
import { deletePost, deleteTemplate, listPosts, savePost, saveTemplate } from '../../../db/staffing/posts';
import { dayStart } from '../../../db/staffing/time';
import { findReportFont } from '../../../db/report/pdf/font';
import { authorize } from '../../../db/auth/permissions';
import { ServiceError } from '../../../db/errors';
import { startThreadJob } from '../jobs';
import type { staffingMethods } from '../../api/staffing';
import type { HandlerMap } from '../handler-types';

function checkDate(date: string, field: string): void {
  if (dayStart(date) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date }, field);
}

/** The services take the runtime's clock, so tests (and a test build) can set it. */
export const staffingHandlers: HandlerMap<keyof typeof staffingMethods> = {
  'staffing.board': (ctx, input, env) => staffingBoard(ctx, input, env.runtime.now()),
  'staffing.gaps': (ctx, input, env) => staffingGaps(ctx, input, env.runtime.now()),
  'staffing.people': (ctx, input, env) => dutyPeople(ctx, input, env.runtime.now()),
  'staffing.posts': (ctx) => listPosts(ctx),
  'staffing.check': (ctx, input) => checkAssignment(ctx, input),
  'staffing.assign': (ctx, input) => assignShift(ctx, input),
  'staffing.bulkAssign': (ctx, input) => bulkAssign(ctx, input),
  'staffing.unassign': (ctx, input) => unassignShift(ctx, input),
  'staffing.attend': (ctx, input, env) => attend(ctx, input, env.runtime.now()),
  'staffing.savePost': (ctx, input) => savePost(ctx, input),
  'staffing.deletePost': (ctx, input, env) => deletePost(ctx, input, env.runtime.now()),
  'staffing.saveTemplate': (ctx, input) => saveTemplate(ctx, input),
  'staffing.deleteTemplate': (ctx, input, env) => deleteTemplate(ctx, input, env.runtime.now()),
  'staffing.autoFill': (ctx, input, env) => {
    authorize(ctx.actor, 'staffing.edit');
    checkDate(input.from, 'from');
    return startThreadJob(env.runtime, ctx, 'staffing.autoFill', input, 'read');
  },
  'staffing.acceptFill': (ctx, input) => acceptFill(ctx, input),
  'staffing.writeHandover': (ctx, input, env) => writeHandover(ctx, input, env.runtime.now()),
  'staffing.postLog': (ctx, input) => postLog(ctx, input),
  'staffing.coverage': (ctx, input) => staffingCoverage(ctx, input),
  'staffing.appointDuty': (ctx, input, env) => appointDuty(ctx, input, env.runtime.now()),
  'staffing.postsNow': (ctx, _input, env) => postsNow(ctx, env.runtime.now()),
  'staffing.exportWeek': (ctx, input, env) => {
    authorize(ctx.actor, 'staffing.read');
    checkDate(input.from, 'from');
    return startThreadJob(env.runtime, ctx, 'staffing.exportWeek', { from: input.from, now: env.runtime.now() }, 'read');
  },
  'staffing.exportPdf': (ctx, input, env) => {
    authorize(ctx.actor, 'staffing.read');
    checkDate(input.from, 'from');
    // A machine without a Chinese font is refused now, not in the job.
    findReportFont();
    return startThreadJob(env.runtime, ctx, 'staffing.exportPdf', { from: input.from, days: input.days, now: env.runtime.now() }, 'read');
  },
};
