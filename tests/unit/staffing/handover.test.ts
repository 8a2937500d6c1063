import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { handoverFor } from '../../../db/staffing/handover';
import { dayStart } from '../../../db/staffing/time';
import type { HandoverNote } from '../../../electron/api';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const HOUR = 3_600_000;
const DAY = '2026-12-02';
/** 16:00 on the day: the 早班 and 中班 have begun, the 夜班 not yet. */
const NOW = dayStart(DAY)! + 16 * HOUR;
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street() {
  const t = (open = makeRuntime({ now: () => NOW }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const post = await admin.call('staffing.savePost', { name: '东门卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.territory.grid, staffNeeded: 2 });
  const [early, middle, night] = post.templates;
  return { t, sqlite, admin, post, early: early!, middle: middle!, night: night! };
}

function hashOf(sqlite: Database.Database): string {
  const h = createHash('sha256');
  for (const table of ['shift_handovers', 'audit_log']) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

const note = (shiftStartsAt: number, id: string): HandoverNote => ({
  id,
  postId: 'p',
  templateId: 't',
  shiftName: '早班',
  date: DAY,
  shiftStartsAt,
  happened: '平稳',
  watch: '',
  authorName: '王',
  writtenAt: shiftStartsAt,
});

describe('handover notes (交接班)', () => {
  it('a shift is handed the latest note of a shift begun in the 24 h before it, and counts its own', () => {
    const start = dayStart(DAY)! + 15 * HOUR;
    const notes = [note(start - 30 * HOUR, 'too-old'), note(start - 16 * HOUR, 'night'), note(start - 8 * HOUR, 'early'), note(start, 'own'), note(start + 8 * HOUR, 'later')];
    expect(handoverFor(notes, start)).toEqual({ handoverIn: notes[2], handoversOut: 1 });
    expect(handoverFor(notes.slice(0, 1), start)).toEqual({ handoverIn: null, handoversOut: 0 });
    expect(handoverFor(undefined, start)).toEqual({ handoverIn: null, handoversOut: 0 });
  });

  it('the 早班 writes a note; the 中班 cell shows it, the post log keeps it, and the audit names it', async () => {
    const { admin, post, early, middle } = await street();
    const written = await admin.call('staffing.writeHandover', { postId: post.id, templateId: early.id, date: DAY, happened: '  上午有两辆外地货车劝返  ', watch: '傍晚下班高峰人多' });
    expect(written).toMatchObject({ shiftName: '早班', happened: '上午有两辆外地货车劝返', watch: '傍晚下班高峰人多', authorName: '管理员', writtenAt: NOW });
    const board = await admin.call('staffing.board', { from: DAY, days: 1 });
    const cells = board.communities[0]!.posts[0]!.cells;
    const cellOf = (templateId: string) => cells.find((c) => c.templateId === templateId)!;
    expect(cellOf(middle.id).handoverIn?.id).toBe(written.id);
    expect(cellOf(early.id)).toMatchObject({ handoverIn: null, handoversOut: 1 });
    const log = await admin.call('staffing.postLog', { postId: post.id });
    expect(log.post.name).toBe('东门卡口');
    expect(log.notes.map((n) => n.id)).toEqual([written.id]);
    const audit = await admin.call('audit.query', { action: 'staffing.handover.write' });
    expect(audit.entries[0]).toMatchObject({ target: written.id, detail: { post: '东门卡口', shift: '早班', watch: '傍晚下班高峰人多' } });
  });

  it('refuses a shift not yet begun, a missing text, another grid, with a Chinese message naming the field, and writes nothing', async () => {
    const { t, sqlite, admin, post, night } = await street();
    const before = hashOf(sqlite);
    const early = await admin.reply('staffing.writeHandover', { postId: post.id, templateId: night.id, date: DAY, happened: '无', watch: '' });
    expect(early.ok ? null : [early.error.field, early.error.message]).toEqual(['date', `${DAY} 的夜班还没有开始，交接班记录要在本班开始后填写`]);
    const empty = await admin.reply('staffing.writeHandover', { postId: post.id, templateId: post.templates[0]!.id, date: DAY, happened: '   ', watch: '' });
    expect(empty.ok ? null : [empty.error.field, empty.error.message]).toEqual(['happened', '字段「happened」无效：请填写“本班情况”']);
    expect(hashOf(sqlite)).toBe(before);
    const other = await admin.call('staffing.savePost', { name: '西门卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.otherGrid.grid, staffNeeded: 2 });
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const afterPost = hashOf(sqlite);
    const outside = await worker.reply('staffing.writeHandover', { postId: other.id, templateId: other.templates[0]!.id, date: DAY, happened: '平稳', watch: '' });
    expect(outside.ok ? null : outside.error.code).toBe('FORBIDDEN');
    expect((await worker.reply('staffing.postLog', { postId: other.id })).ok).toBe(false);
    expect(hashOf(sqlite)).toBe(afterPost);
    const inside = await worker.call('staffing.writeHandover', { postId: post.id, templateId: post.templates[0]!.id, date: DAY, happened: '平稳', watch: '' });
    expect(inside.authorName).not.toBe('');
    expect(hashOf(sqlite)).not.toBe(afterPost);
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    expect((await leader.call('staffing.postLog', { postId: post.id })).notes).toHaveLength(1);
    expect((await leader.reply('staffing.writeHandover', { postId: post.id, templateId: post.templates[0]!.id, date: DAY, happened: '平稳', watch: '' })).ok).toBe(false);
  });
});
