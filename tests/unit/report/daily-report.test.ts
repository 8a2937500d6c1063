import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../db/auth/roles';
import { dailyReport } from '../../../db/report';
import { startRound } from '../../../db/screening/start';
import { uuidv7 } from '../../../db/sync/ids';
import { reportDateSchema } from '../../../electron/api/report';
import { addHousehold, addIncidentRow, addNeedRow, DAY, grantSafeCompound, LEADER, openStreet, STAFF, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
/** The reported day, 2026-12-02, from local midnight; the report is asked for the next morning. */
const D0 = new Date(2026, 11, 2).getTime();
const D1 = new Date(2026, 11, 3).getTime();
const NOW = D1 + 10 * HOUR;
let s: Street;
let zs: string[];
let dx: string[];

const workerOf = (grids: string[]): Actor => ({ id: 'acc-grid', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });
const report = (date = '2026-12-02', actor: Actor = STAFF) => dailyReport(s.ctx(actor), { date }, NOW);

function changeStatus(building: string, status: string, at: number, previous = 'controlled'): void {
  s.sqlite
    .prepare(
      `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from)
       VALUES (?, '000001700000000:00000:test', 'test', ?, ?, ?, '发现密接人员', '值班员小李', ?, ?)`,
    )
    .run(uuidv7(), building, status, previous, at, at);
}

function visit(round: string, household: string, result: string, at: number, findings: { returnee?: boolean; symptoms?: boolean; needs?: string } = {}): void {
  s.sqlite
    .prepare(`UPDATE screening_visits SET result = ?, visited_at = ?, attempts = 1, returnee = ?, symptoms = ?, needs = ? WHERE round_id = ? AND household_id = ?`)
    .run(result, at, findings.returnee ? 1 : 0, findings.symptoms ? 1 : 0, findings.needs ?? null, round, household);
}

beforeEach(() => {
  s = openStreet();
  zs = s.territory.buildings;
  dx = s.other.buildings;
});
afterEach(() => s.close());

describe('report.daily: buildings', () => {
  beforeEach(() => {
    // 中山路's five buildings are 管控 since 2023; 大学路's three have no history: the baseline 正常.
    changeStatus(zs[0]!, 'sealed', D0 + 9 * HOUR);
    changeStatus(zs[1]!, 'sealed', D0 - 2 * HOUR);
    changeStatus(zs[1]!, 'precaution', D0 + 20 * HOUR, 'sealed');
    changeStatus(zs[2]!, 'normal', D1 + HOUR);
  });

  it('counts every status at the end of the day, a later change not yet made, and the changes during the day', () => {
    const r = report();
    expect(r).toMatchObject({ date: '2026-12-02', today: '2026-12-03', from: D0, until: D1, asOf: D1 - 1, scope: 'street', gridNames: [], preparedBy: '值班员小李' });
    expect(r.office).toEqual({ name: '中山路街道', city: '青岛市', district: '市南区' });
    expect(r.buildings.total).toBe(8);
    expect(r.buildings.byStatus).toEqual([
      { status: 'sealed', buildings: 1 },
      { status: 'controlled', buildings: 3 },
      { status: 'precaution', buildings: 1 },
      { status: 'normal', buildings: 3 },
    ]);
    expect(r.buildings.changes.buildings).toBe(2);
    expect(r.buildings.changes.byStatus).toEqual([
      { status: 'precaution', buildings: 1 },
      { status: 'sealed', buildings: 1 },
    ]);
    expect(r.buildings.changes.latest.map((c) => [c.buildingId, c.status])).toEqual([
      [zs[1], 'precaution'],
      [zs[0], 'sealed'],
    ]);
  });

  it('stands at now while the day is today, the day taken when none is given', () => {
    expect(dailyReport(s.ctx(STAFF), {}, NOW)).toEqual(report('2026-12-03'));
    const r = report('2026-12-03');
    expect(r.asOf).toBe(NOW);
    expect(r.buildings.byStatus.find((c) => c.status === 'normal')?.buildings).toBe(4);
    expect(r.buildings.changes.latest.map((c) => c.buildingId)).toEqual([zs[2]]);
  });

  it('covers a grid worker’s grids only, named', () => {
    const r = report('2026-12-02', workerOf([s.other.grid]));
    expect(r.scope).toBe('grids');
    expect(r.gridNames).toEqual(['大学路社区 · 大学路第1网格']);
    expect(r.buildings.total).toBe(3);
    expect(r.buildings.changes.buildings).toBe(0);
  });
});

describe('report.daily: requests, screening, 放心楼院', () => {
  it('counts needs and incidents received, resolved, open and overdue (open more than 24 hours) at the end of the day', () => {
    addNeedRow(s.sqlite, zs[0]!, D0 - 30 * HOUR); // open, overdue
    addNeedRow(s.sqlite, zs[0]!, D0 + 2 * HOUR, D0 + 5 * HOUR); // received and resolved
    addNeedRow(s.sqlite, zs[1]!, D0 + 10 * HOUR, D1 + 2 * HOUR); // received, still open at the end of the day
    addNeedRow(s.sqlite, zs[1]!, D0 - 3 * HOUR, D0 + HOUR); // resolved
    addNeedRow(s.sqlite, dx[0]!, D0 + 3 * HOUR); // received, open
    addNeedRow(s.sqlite, dx[0]!, D1 + HOUR); // the next day
    addIncidentRow(s.sqlite, zs[2]!, D0 + 8 * HOUR, D0 + 9 * HOUR);
    addIncidentRow(s.sqlite, zs[2]!, D0 - 48 * HOUR);
    const r = report();
    expect(r.requests).toEqual({
      needs: { received: 3, resolved: 2, open: 3, overdue: 1 },
      incidents: { received: 1, resolved: 1, open: 1, overdue: 1 },
      overdueAfterHours: 24,
    });
    expect(report('2026-12-02', workerOf([s.other.grid])).requests.needs).toEqual({ received: 1, resolved: 0, open: 1, overdue: 0 });
    // The next morning: the need received at D0 + 10 h was resolved, one more came in, and 大学路's has now waited 31 hours.
    expect(report('2026-12-03').requests.needs).toEqual({ received: 1, resolved: 1, open: 3, overdue: 2 });
  });

  it('shows the rounds open at the end of the day with their progress then and the day’s visits and findings', () => {
    const h = [zs[0]!, zs[1]!, zs[2]!, zs[3]!, dx[0]!].map((b, i) => addHousehold(s.sqlite, b, `1单元10${i}`));
    const round = startRound(s.ctx(STAFF), { scope: { type: 'street' } });
    const closed = startRound(s.ctx(STAFF), { name: '已结束的一轮', scope: { type: 'street' } });
    const later = startRound(s.ctx(STAFF), { name: '次日发起', scope: { type: 'street' } });
    const rounds = s.sqlite.prepare('UPDATE screening_rounds SET started_at = ?, closed_at = ? WHERE id = ?');
    rounds.run(D0 - 2 * DAY, null, round.id);
    rounds.run(D0 - 2 * DAY, D0 + HOUR, closed.id);
    rounds.run(D1 + HOUR, null, later.id);
    visit(round.id, h[0]!, 'visited', D0 + 10 * HOUR, { returnee: true });
    visit(round.id, h[1]!, 'nobody_home', D0 + 11 * HOUR);
    visit(round.id, h[2]!, 'visited', D0 - 5 * HOUR);
    visit(round.id, h[3]!, 'visited', D1 + HOUR);
    visit(round.id, h[4]!, 'visited', D0 + 12 * HOUR, { symptoms: true, needs: '送药' });

    const r = report();
    expect(r.screening.rounds).toEqual([
      {
        id: round.id, number: round.number, name: round.name, scopeLabel: '中山路街道全街道',
        households: 5, done: 3, nobodyHome: 1, visitsToday: 3, returneesToday: 1, symptomsToday: 1, needsToday: 1,
      },
    ]);
    expect(r.screening).toMatchObject({ visitsToday: 3, returneesToday: 1, symptomsToday: 1, needsToday: 1 });
    expect(report('2026-12-02', workerOf([s.other.grid])).screening.rounds).toMatchObject([{ id: round.id, households: 1, done: 1, visitsToday: 1, symptomsToday: 1 }]);
    expect(report('2026-12-03').screening.rounds.map((x) => [x.id, x.done, x.visitsToday])).toEqual([
      [later.id, 0, 0],
      [round.id, 4, 1],
    ]);
  });

  it('counts the 放心楼院 holding the designation at the end of the day, and the day’s grants and revocations', () => {
    grantSafeCompound(s.sqlite, s.territory.compound, D0 - 10 * DAY);
    grantSafeCompound(s.sqlite, s.other.compound, D0 + 9 * HOUR);
    grantSafeCompound(s.sqlite, s.territory.compound, D0 - 20 * DAY, D0 + 3 * HOUR);
    grantSafeCompound(s.sqlite, s.other.compound, D1 + HOUR);
    expect(report().safeCompounds).toEqual({ total: 2, grantedToday: 1, revokedToday: 1 });
    expect(report('2026-12-02', workerOf([s.other.grid])).safeCompounds).toEqual({ total: 1, grantedToday: 1, revokedToday: 0 });
    expect(report('2026-12-03').safeCompounds).toEqual({ total: 3, grantedToday: 1, revokedToday: 0 });
  });
});

describe('report.daily: the date', () => {
  it('refuses a day that has not begun, naming the field, and takes a leader’s call (read-only)', () => {
    expect(() => report('2026-12-04')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'date', key: 'report.futureDate', message: expect.stringContaining('2026-12-04 还没有到') }));
    expect(report('2026-12-03', LEADER).preparedBy).toBe('王主任');
  });

  it('takes only real days written as 年-月-日', () => {
    expect(reportDateSchema.safeParse('2026-12-02').success).toBe(true);
    expect(reportDateSchema.safeParse('2026-02-29').error?.issues[0]?.message).toBe('没有这一天，请选择一个有效的日期');
    expect(reportDateSchema.safeParse('2026/12/02').error?.issues[0]?.message).toContain('年-月-日');
  });
});
