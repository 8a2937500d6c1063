import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { nameFor } from '../personal-data';
import { recognitionNominations, recognitionVotes } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { monthOf } from '../service-hours/month';
import type { Nomination, RecognitionMonth, RecognitionTitleKey } from '../../electron/api/volunteer-service';

export const TITLE_WORDS: Record<RecognitionTitleKey, string> = { building_head: '最美楼栋长', volunteer: '最美志愿者' };

interface NominationRow {
  id: string;
  month: string;
  title: RecognitionTitleKey;
  person_id: string;
  name: string;
  nominated_by_name: string;
  reason: string;
  votes: number | null;
  elected: number | null;
  closed_at: number | null;
  counted: number;
  mine: number;
}

const NOMINATION_SQL = `SELECT n.id, n.month, n.title, n.person_id, p.name, n.nominated_by_name, n.reason, n.votes, n.elected, n.closed_at,
    (SELECT COUNT(*) FROM recognition_votes v WHERE v.nomination_id = n.id AND v.deleted = 0) AS counted,
    (SELECT COUNT(*) FROM recognition_votes v WHERE v.nomination_id = n.id AND v.deleted = 0 AND v.account_id = @account) AS mine
  FROM recognition_nominations n JOIN people p ON p.id = n.person_id WHERE n.deleted = 0`;

const nominationOf = (ctx: ServiceContext, r: NominationRow): Nomination => ({
  id: r.id,
  title: r.title,
  personId: r.person_id,
  name: nameFor(ctx.actor, r.name),
  nominatedByName: r.nominated_by_name,
  reason: r.reason,
  votes: r.closed_at !== null && r.votes !== null ? r.votes : r.counted,
  elected: r.elected === null ? null : r.elected === 1,
  votedByMe: r.mine > 0,
});

function rowsOf(sqlite: Database.Database, account: string, month: string): NominationRow[] {
  return sqlite.prepare<unknown[], NominationRow>(`${NOMINATION_SQL} AND n.month = @month ORDER BY n.title, n.rowid`).all({ account, month });
}

const isClosed = (rows: readonly NominationRow[]) => rows.some((r) => r.closed_at !== null);

/** `recognition.month`: a month's nominations with their votes (the kept result once closed) and the caller's votes. */
export function recognitionMonth(ctx: ServiceContext, input: { month: string }): RecognitionMonth {
  authorize(ctx.actor, 'hours.read');
  const rows = rowsOf(ctx.sqlite, ctx.actor.id, input.month);
  const myVotes = [...new Set(rows.filter((r) => r.mine > 0).map((r) => r.title))];
  return { month: input.month, closed: isClosed(rows), nominations: rows.map((r) => nominationOf(ctx, r)), myVotes };
}

function checkOpen(sqlite: Database.Database, account: string, month: string, now: number): NominationRow[] {
  if (month > monthOf(now)) throw new ServiceError('INVALID_INPUT', 'volunteerService.futureMonth', { month }, 'month');
  const rows = rowsOf(sqlite, account, month);
  if (isClosed(rows)) throw new ServiceError('CONFLICT', 'volunteerService.monthClosed', { month }, 'month');
  return rows;
}

/** `recognition.nominate`: a person for a title of a month still open, once per month and title. */
export function nominate(ctx: ServiceContext, input: { month: string; title: RecognitionTitleKey; personId: string; reason: string }, now: number): Nomination {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  const id = sqlite.transaction(() => {
    const rows = checkOpen(sqlite, ctx.actor.id, input.month, now);
    const person = sqlite.prepare<unknown[], { name: string }>('SELECT name FROM people WHERE id = ? AND deleted = 0').get(input.personId);
    if (!person) throw new ServiceError('NOT_FOUND', 'volunteerService.personNotFound', {}, 'personId');
    if (rows.some((r) => r.title === input.title && r.person_id === input.personId)) {
      throw new ServiceError('CONFLICT', 'volunteerService.alreadyNominated', { name: person.name, month: input.month, title: TITLE_WORDS[input.title] }, 'personId');
    }
    const row = insertRow(ctx, recognitionNominations, { month: input.month, title: input.title, personId: input.personId, nominatedBy: ctx.actor.id, nominatedByName: ctx.actor.name, reason: input.reason });
    appendAudit(sqlite, { actor: ctx.actor, action: 'recognition.nominate', target: row.id, detail: { name: person.name, month: input.month, title: TITLE_WORDS[input.title] }, at: now });
    return row.id;
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return one(ctx, id);
}

function one(ctx: ServiceContext, id: string): Nomination {
  const row = ctx.sqlite.prepare<unknown[], NominationRow>(`${NOMINATION_SQL} AND n.id = @id`).get({ account: ctx.actor.id, id });
  if (!row) throw new ServiceError('NOT_FOUND', 'volunteerService.nominationNotFound', {}, 'nominationId');
  return nominationOf(ctx, row);
}

/** `recognition.vote`: one vote per account, month and title, while the month is open. */
export function vote(ctx: ServiceContext, input: { nominationId: string }, now: number): Nomination {
  authorize(ctx.actor, 'recognition.vote');
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    const n = sqlite.prepare<unknown[], { month: string; title: RecognitionTitleKey; name: string }>(
      'SELECT n.month, n.title, p.name FROM recognition_nominations n JOIN people p ON p.id = n.person_id WHERE n.id = ? AND n.deleted = 0',
    ).get(input.nominationId);
    if (!n) throw new ServiceError('NOT_FOUND', 'volunteerService.nominationNotFound', {}, 'nominationId');
    checkOpen(sqlite, ctx.actor.id, n.month, now);
    const voted = sqlite.prepare('SELECT 1 FROM recognition_votes WHERE month = ? AND title = ? AND account_id = ? AND deleted = 0').get(n.month, n.title, ctx.actor.id);
    if (voted) throw new ServiceError('CONFLICT', 'volunteerService.votedAlready', { month: n.month, title: TITLE_WORDS[n.title] }, 'nominationId');
    insertRow(ctx, recognitionVotes, { nominationId: input.nominationId, month: n.month, title: n.title, accountId: ctx.actor.id, at: now });
    appendAudit(sqlite, { actor: ctx.actor, action: 'recognition.vote', target: input.nominationId, detail: { name: n.name, month: n.month, title: TITLE_WORDS[n.title] }, at: now });
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return one(ctx, input.nominationId);
}

/**
 * `recognition.close`: counts each nomination's votes and keeps them on it; the most voted of each
 * title are elected (all of them on a tie; nobody without votes). A closed month takes no more.
 */
export function closeMonth(ctx: ServiceContext, input: { month: string }, now: number): RecognitionMonth {
  authorize(ctx.actor, 'hours.edit');
  const { sqlite } = ctx;
  sqlite.transaction(() => {
    const rows = checkOpen(sqlite, ctx.actor.id, input.month, now);
    if (rows.length === 0) throw new ServiceError('INVALID_INPUT', 'volunteerService.nothingToClose', { month: input.month }, 'month');
    const top = new Map<string, number>();
    for (const r of rows) top.set(r.title, Math.max(top.get(r.title) ?? 0, r.counted));
    const elected: string[] = [];
    for (const r of rows) {
      const won = r.counted > 0 && r.counted === top.get(r.title);
      if (won) elected.push(`${TITLE_WORDS[r.title]}：${r.name}`);
      updateRow(ctx, recognitionNominations, r.id, { votes: r.counted, elected: won, closedAt: now });
    }
    appendAudit(sqlite, { actor: ctx.actor, action: 'recognition.close', target: input.month, detail: { month: input.month, elected: elected.join('、') }, at: now });
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return recognitionMonth(ctx, input);
}
