import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { uuidv7 } from '../../../db/sync/ids';
import { dayStart } from '../../../db/staffing/time';
import { makeRuntime, ROLE_USERS, signIn, type Caller, type TestRuntime } from '../helpers/runtime';

const NOW = dayStart('2026-12-02')! + 10 * 3_600_000;
const DAY = '2026-12-02';
let open: TestRuntime | undefined;
afterEach(() => open?.runtime.close());

async function street() {
  const t = (open = makeRuntime({ now: () => NOW }));
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const person = (name: string, skills: string[] = [], availability: number[] | null = [0, 0, 0, 0, 0, 0, 0].map(() => 0xffffff)) => {
    const id = uuidv7();
    sqlite
      .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source, skills, availability) VALUES (?, 'h', 'test', ?, 'female', '13800000000', 'volunteer', ?, ?)`)
      .run(id, name, JSON.stringify(skills), availability && JSON.stringify(availability));
    return id;
  };
  const post = await admin.call('staffing.savePost', { name: '东门卡口', kind: 'checkpoint', communityId: t.territory.community, gridId: t.territory.grid, staffNeeded: 2 });
  const [early, middle, night] = post.templates;
  return { t, sqlite, admin, person, post, early: early!, middle: middle!, night: night! };
}

const TABLES = ['duty_posts', 'shift_templates', 'shift_assignments', 'audit_log'];
function tablesHash(sqlite: Database.Database): string {
  const h = createHash('sha256');
  for (const table of TABLES) for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

async function refused(sqlite: Database.Database, caller: Caller, send: () => Promise<{ ok: boolean; error?: { message: string; field?: string } }>) {
  const before = tablesHash(sqlite);
  const answer = await send();
  expect(answer.ok).toBe(false);
  expect(tablesHash(sqlite)).toBe(before);
  void caller;
  return answer.error!;
}

describe('staffing posts and shifts', () => {
  it('a new post gets 早 07–15, 中 15–23, 夜 23–07; the night shift belongs to its start day', async () => {
    const { admin, post, night } = await street();
    expect(post.templates.map((t) => [t.name, t.startMinute, t.minutes, t.night])).toEqual([
      ['早班', 420, 480, false],
      ['中班', 900, 480, false],
      ['夜班', 1380, 480, true],
    ]);
    const board = await admin.call('staffing.board', { from: DAY, days: 1 });
    const cell = board.communities[0]!.posts[0]!.cells.find((c) => c.templateId === night.id)!;
    expect(cell.date).toBe(DAY);
    expect(cell.endsAt - cell.startsAt).toBe(8 * 3_600_000);
    expect(new Date(cell.endsAt).getDate()).toBe(3);
  });

  it('refuses bad input with a Chinese message naming the field and writes nothing', async () => {
    const { sqlite, admin, person, post, early } = await street();
    const p = person('李四');
    let e = await refused(sqlite, admin, () => admin.reply('staffing.assign', { postId: post.id, templateId: uuidv7(), date: DAY, personId: p }));
    expect([e.field, e.message]).toEqual(['templateId', '这个点位没有所选的班次，请刷新排班表后重新选择']);
    e = await refused(sqlite, admin, () => admin.reply('staffing.assign', { postId: post.id, templateId: early.id, date: '2026-02-30', personId: p }));
    expect(e.field).toBe('date');
    expect(e.message).toContain('2026-02-30');
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: p });
    e = await refused(sqlite, admin, () => admin.reply('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: p }));
    expect([e.field, e.message]).toEqual(['personId', '李四 已经排在 2026-12-02 的这个班次上，同一人不能在一个班次排两次']);
    for (const minutes of [0, 1441]) {
      e = await refused(sqlite, admin, () => admin.reply('staffing.saveTemplate', { postId: post.id, name: '加班', startMinute: 60, minutes }));
      expect(e.field).toBe('minutes');
      expect(e.message).toMatch(minutes ? /不能超过 24 小时/ : /必须大于 0 分钟/);
    }
    e = await refused(sqlite, admin, () => admin.reply('staffing.savePost', { name: '无名卡口', kind: 'checkpoint', staffNeeded: 2 }));
    expect([e.field, e.message]).toEqual(['communityId', '请为点位选择所属社区']);
  });

  it('sign-out needs a sign-in before it; 到岗 and 离岗 are kept with their times', async () => {
    const { sqlite, admin, person, post, early } = await street();
    const { id } = await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('王五') });
    const e = await refused(sqlite, admin, () => admin.reply('staffing.attend', { id, action: 'signOut' }));
    expect(e.message).toBe('离岗前须先登记到岗（离岗时间不能早于到岗时间）');
    await admin.call('staffing.attend', { id, action: 'signIn', at: NOW - 3_600_000 });
    const before = await refused(sqlite, admin, () => admin.reply('staffing.attend', { id, action: 'signOut', at: NOW - 7_200_000 }));
    expect(before.field).toBe('at');
    const out = await admin.call('staffing.attend', { id, action: 'signOut' });
    expect([out.signedInAt, out.signedOutAt]).toEqual([NOW - 3_600_000, NOW]);
  });

  it('a rule broken needs a written reason, which the audit keeps', async () => {
    const { sqlite, admin, person, post, middle, night } = await street();
    const p = person('赵六');
    await admin.call('staffing.assign', { postId: post.id, templateId: middle.id, date: DAY, personId: p });
    const checks = await admin.call('staffing.check', { postId: post.id, templateId: night.id, date: DAY, personId: p });
    expect(checks).toEqual([{ rule: 'rest', params: { hours: 0, min: 8 }, message: '两班之间只休息 0 小时（至少 8 小时）' }]);
    const e = await refused(sqlite, admin, () => admin.reply('staffing.assign', { postId: post.id, templateId: night.id, date: DAY, personId: p }));
    expect([e.field, e.message]).toEqual(['overrideReason', '这次排班违反规则：两班之间只休息 0 小时（至少 8 小时）。如确需安排，请填写理由']);
    const made = await admin.call('staffing.assign', { postId: post.id, templateId: night.id, date: DAY, personId: p, overrideReason: '夜班无人可派' });
    expect(made.overridden).toEqual(['rest']);
    const audit = sqlite.prepare<unknown[], { detail: string }>(`SELECT detail FROM audit_log WHERE action = 'staffing.assign.override'`).get()!;
    expect(JSON.parse(audit.detail)).toMatchObject({ rules: ['rest'], reason: '夜班无人可派' });
  });

  it('checks skills, availability and weekly hours, and bulk-assigns a range all or nothing', async () => {
    const { sqlite, admin, person, post, early } = await street();
    const testing = await admin.call('staffing.savePost', { name: '检测点', kind: 'testing', communityId: open!.territory.community, staffNeeded: 3, skills: ['医护'] });
    const nightsOnly = person('孙七', [], [0, 0, 0, 0, 0, 0, 0].map(() => 0xff800000 >>> 8));
    const rules = await admin.call('staffing.check', { postId: testing.id, templateId: testing.templates[0]!.id, date: DAY, personId: nightsOnly });
    expect(rules.map((r) => r.rule)).toEqual(['skills', 'availability']);
    const worker = person('周八');
    const e = await refused(sqlite, admin, () =>
      admin.reply('staffing.bulkAssign', { postId: post.id, templateId: early.id, personId: worker, from: '2026-11-30', to: '2026-12-06' }),
    );
    expect(e.message).toContain('本周累计 56 小时（最多 48 小时）');
    const bulk = await admin.call('staffing.bulkAssign', { postId: post.id, templateId: early.id, personId: worker, from: '2026-11-30', to: '2026-12-13', weekdays: [0, 1, 2, 3, 4] });
    expect(bulk).toEqual({ created: 10, overridden: 0 });
  });

  it('gaps list the short shifts of the next 24 hours, nights first; a no-show leaves the place open', async () => {
    const { admin, person, post, early, middle } = await street();
    const a = await admin.call('staffing.assign', { postId: post.id, templateId: middle.id, date: DAY, personId: person('甲') });
    await admin.call('staffing.assign', { postId: post.id, templateId: middle.id, date: DAY, personId: person('乙') });
    let gaps = await admin.call('staffing.gaps', { hours: 24 });
    expect(gaps.map((g) => `${g.date} ${g.shiftName} ${g.filled}/${g.needed}`)).toEqual(['2026-12-02 夜班 0/2', '2026-12-02 早班 0/2', '2026-12-03 早班 0/2']);
    void early;
    await admin.call('staffing.attend', { id: a.id, action: 'noShow' });
    gaps = await admin.call('staffing.gaps', { hours: 24 });
    expect(gaps.map((g) => `${g.shiftName} ${g.filled}`)).toContain('中班 1');
  });

  it('the overview counts who is on duty now against needed, and tonight\'s night shifts still short', async () => {
    const { admin, person, post, early } = await street();
    const a = await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('甲') });
    await admin.call('staffing.attend', { id: a.id, action: 'signIn', at: NOW - 3_600_000 });
    const { staffing } = await admin.call('overview.get', { since: 'shift' });
    expect(staffing).toEqual({ neededNow: 2, onDutyNow: 1, signedInNow: 1, tonightShortShifts: 1, tonightMissing: 2 });
    const figure = (await admin.call('briefing.get', {})).figures.find((f) => f.key === 'staffingTonight');
    expect(figure).toMatchObject({ value: 1, attention: true });
    const analyst = await signIn(open!.runtime, ROLE_USERS.analyst);
    expect((await analyst.call('briefing.get', {})).figures.some((f) => f.key === 'staffingTonight')).toBe(false);
    expect((await analyst.call('overview.get', { since: 'shift' })).staffing).toBeNull();
  });

  it('deleting a post with future assignments asks first, then keeps the past', async () => {
    const { sqlite, admin, person, post, early } = await street();
    const p = person('吴九');
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: '2026-12-01', personId: p });
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: '2026-12-05', personId: p });
    const e = await refused(sqlite, admin, () => admin.reply('staffing.deletePost', { id: post.id }));
    expect(e.message).toBe('点位「东门卡口」还有 1 条未来排班，确认删除后这些排班一并撤下（已过去的记录保留）');
    expect(await admin.call('staffing.deletePost', { id: post.id, confirm: true })).toEqual({ id: post.id, futureRemoved: 1 });
    const left = sqlite.prepare<unknown[], { date: string; deleted: number }>('SELECT date, deleted FROM shift_assignments ORDER BY date').all();
    expect(left).toEqual([{ date: '2026-12-01', deleted: 0 }, { date: '2026-12-05', deleted: 1 }]);
    expect((await admin.call('staffing.posts', {})).length).toBe(0);
  });

  it('deleting a shift with future assignments says how many and asks first; the past stays', async () => {
    const { sqlite, admin, person, post, early, middle } = await street();
    const added = await admin.call('staffing.saveTemplate', { postId: post.id, name: '加强班', startMinute: 20 * 60, minutes: 10 * 60 });
    expect([added.night, added.minutes]).toEqual([true, 600]);
    const p = person('冯八');
    await admin.call('staffing.assign', { postId: post.id, templateId: added.id, date: '2026-12-01', personId: p });
    await admin.call('staffing.assign', { postId: post.id, templateId: added.id, date: '2026-12-05', personId: p });
    await admin.call('staffing.assign', { postId: post.id, templateId: added.id, date: '2026-12-06', personId: person('陈二') });
    const e = await refused(sqlite, admin, () => admin.reply('staffing.deleteTemplate', { id: added.id }));
    expect([e.field, e.message]).toEqual(['confirm', '班次「加强班」还有 2 条未来排班，确认删除后这些排班一并撤下（已过去的记录保留）']);
    expect(await admin.call('staffing.deleteTemplate', { id: added.id, confirm: true })).toEqual({ id: added.id, futureRemoved: 2 });
    const left = sqlite.prepare<unknown[], { date: string; deleted: number }>('SELECT date, deleted FROM shift_assignments ORDER BY date').all();
    expect(left).toEqual([
      { date: '2026-12-01', deleted: 0 },
      { date: '2026-12-05', deleted: 1 },
      { date: '2026-12-06', deleted: 1 },
    ]);
    expect((await admin.call('staffing.posts', {}))[0]!.templates.map((t) => t.name)).toEqual(['早班', '中班', '夜班']);
    // A shift without assignments to come goes at once; the last one stays.
    expect(await admin.call('staffing.deleteTemplate', { id: early.id })).toEqual({ id: early.id, futureRemoved: 0 });
    await admin.call('staffing.deleteTemplate', { id: middle.id });
    const last = (await admin.call('staffing.posts', {}))[0]!.templates[0]!;
    const refusal = await refused(sqlite, admin, () => admin.reply('staffing.deleteTemplate', { id: last.id, confirm: true }));
    expect(refusal.message).toBe('点位至少要保留一个班次');
  });

  it('a grid worker sees and signs in only for posts of their grids; a leader only reads', async () => {
    const { admin, person, post, early } = await street();
    const other = await admin.call('staffing.savePost', { name: '西门卡口', kind: 'checkpoint', communityId: open!.territory.community, gridId: open!.otherGrid.grid, staffNeeded: 2 });
    const mine = await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('郑十') });
    const theirs = await admin.call('staffing.assign', { postId: other.id, templateId: other.templates[0]!.id, date: DAY, personId: person('钱一') });
    const worker = await signIn(open!.runtime, ROLE_USERS.grid_worker);
    expect((await worker.call('staffing.posts', {})).map((p) => p.name)).toEqual(['东门卡口']);
    expect((await worker.call('staffing.attend', { id: mine.id, action: 'signIn' })).signedInAt).toBe(NOW);
    expect((await worker.reply('staffing.attend', { id: theirs.id, action: 'signIn' })).ok).toBe(false);
    const leader = await signIn(open!.runtime, ROLE_USERS.leader);
    expect((await leader.call('staffing.board', { from: DAY, days: 7 })).communities[0]!.posts).toHaveLength(2);
    const no = await leader.reply('staffing.unassign', { id: mine.id });
    expect(no.ok ? null : no.error.code).toBe('FORBIDDEN');
  });

  it('auto-fill proposes within the rules as a job; accepting part of it writes those only', async () => {
    const { admin, person, post } = await street();
    for (const name of ['甲一', '乙二', '丙三', '丁四', '戊五', '己六']) person(name);
    const proposal = await admin.callJob('staffing.autoFill', { from: '2026-11-30', days: 7 });
    expect(proposal.open).toBe(42);
    expect(proposal.proposals.length).toBe(36);
    expect(proposal.unfilled.length).toBeGreaterThan(0);
    const chosen = proposal.proposals.slice(0, 5).map(({ postId, templateId, date, personId }) => ({ postId, templateId, date, personId }));
    expect(await admin.call('staffing.acceptFill', { items: chosen })).toEqual({ created: 5, skipped: 0 });
    const board = await admin.call('staffing.board', { from: '2026-11-30', days: 7 });
    expect(board.totals.filled).toBe(5);
    void post;
  });

  it('exports the week as .xlsx with Chinese headers, one sheet per community', async () => {
    const { t, admin, person, post, early } = await street();
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('冯二') });
    const answer = await admin.reply('staffing.exportWeek', { from: DAY });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = await t.runtime.jobs.wait(answer.result.id);
    expect(job.state).toBe('done');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const { openStoredFile } = await import('../../../db/files/store');
    await wb.xlsx.readFile(openStoredFile(t.dataDir, job.file!.fileId, { id: admin.session.accountId! }).path);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual(['点位', '类型', '班次', '时间', '每班人数', '周一 11-30', '周二 12-01']);
    expect(sheet.getRow(2).getCell(8).value).toBe('冯二 缺 1');
    expect(sheet.getRow(2).getCell(2).value).toBe('卡口');
  });

  it('prints the day as a PDF roster: names, needed vs filled, gaps marked; audited', async () => {
    const { t, sqlite, admin, person, post, early } = await street();
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('冯二') });
    await admin.call('staffing.assign', { postId: post.id, templateId: early.id, date: DAY, personId: person('褚三') });
    const answer = await admin.reply('staffing.exportPdf', { from: DAY, days: 1 });
    if (!answer.ok) throw new Error(answer.error.message);
    const job = await t.runtime.jobs.wait(answer.result.id);
    expect(job.state).toBe('done');
    expect(job.result).toEqual({ shifts: 3, gaps: 2 });
    const { openStoredFile } = await import('../../../db/files/store');
    const { pdfText, squash } = await import('../../shared/pdf-text');
    const pdf = await pdfText(openStoredFile(t.dataDir, job.file!.fileId, { id: admin.session.accountId! }).path);
    expect(pdf.size).toEqual({ width: 841.89, height: 595.28 });
    expect(pdf.text).toContain('值守排班表（日）');
    expect(pdf.squashed).toContain(squash('东门卡口'));
    expect(pdf.squashed).toContain(squash('冯二、褚三 2/2'));
    expect(pdf.squashed).toContain(squash('中班 15:00–23:00 2 0/2 缺 2'));
    expect(pdf.squashed).toContain(squash('缺岗班次 2 个'));
    const audit = sqlite.prepare(`SELECT target, detail FROM audit_log WHERE action = 'staffing.export_pdf'`).get() as { target: string; detail: string };
    expect(audit.target).toBe(job.file!.name);
    expect(JSON.parse(audit.detail)).toMatchObject({ from: DAY, days: 1, gaps: 2 });
  });

  it('prints the week from Monday as a PDF with a column per day', async () => {
    const { t, admin } = await street();
    const job = await t.runtime.jobs.wait((await admin.call('staffing.exportPdf', { from: DAY, days: 7 })).id);
    expect(job.file!.name).toBe('排班表-2026-11-30-周.pdf');
    const { openStoredFile } = await import('../../../db/files/store');
    const { pdfText } = await import('../../shared/pdf-text');
    const pdf = await pdfText(openStoredFile(t.dataDir, job.file!.fileId, { id: admin.session.accountId! }).path);
    for (const day of ['周一 11-30', '周日 12-06']) expect(pdf.text).toContain(day);
    expect(pdf.text).toContain('2026-11-30 至 2026-12-06');
    expect(job.result).toEqual({ shifts: 21, gaps: 21 });
  });
});
