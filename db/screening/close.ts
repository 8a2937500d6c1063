import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { screeningRounds } from '../schema';
import { updateRow } from '../sync/write';
import { requireRound, roundWithCounts } from './rounds';
import type { ScreeningRound } from '../../electron/api/screening';

/** Ends a round: no more visits can be recorded. Ending it twice is a conflict. */
export function closeRound(ctx: ServiceContext, input: { roundId: string }): ScreeningRound {
  authorize(ctx.actor, 'screening.run');
  const { sqlite } = ctx;
  const now = Date.now();
  const row = sqlite.transaction(() => {
    const round = requireRound(sqlite, input.roundId);
    if (round.closed_at !== null) throw new ServiceError('CONFLICT', 'round.alreadyClosed', { name: round.name }, 'roundId');
    const hlc = updateRow(ctx, screeningRounds, round.id, { closedAt: now });
    appendAudit(sqlite, { actor: ctx.actor, action: 'screening.close', target: round.id, detail: { number: round.number, name: round.name }, at: now });
    return { ...round, hlc, closed_at: now };
  })();
  ctx.emit('data.changed', { domains: ['screening'] });
  return roundWithCounts(ctx, row);
}
