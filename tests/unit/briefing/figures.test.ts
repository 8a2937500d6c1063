import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../db/auth/roles';
import { briefing } from '../../../db/briefing';
import { trendDays } from '../../../db/briefing/days';
import { startRound } from '../../../db/screening/start';
import { recordVisit } from '../../../db/screening/visit';
import { forgetVisitCounts } from '../../../db/briefing/visit-counts';
import { uuidv7 } from '../../../db/sync/ids';
import type { Briefing, BriefingFigureKey } from '../../../electron/api';
import { addHousehold, addIncidentRow, addNeedRow, addResident, addTag, DAY, grantSafeCompound, LEADER, openStreet, type Street } from '../buildings/fixture';

const HOUR = 3_600_000;
/** 2026-12-02 16:30 local time. */
const NOW = new Date(2026, 11, 2, 16, 30).getTime();
let s: Street;
let zs: string[];
let dx: string[];

const workerOf = (grids: string[]): Actor => ({ id: 'acc-grid', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });
const get = (actor: Actor = LEADER, now = NOW): Briefing => briefing(s.ctx(actor), {}, now);
const figure = (b: Briefing, key: BriefingFigureKey) => b.figures.find((f) => f.key === key)!;

/** A status change recorded at `at` and taking effect then, as the services write it (the building row follows). */
function changeStatus(building: string, status: string, at: number, previous: string): void {
  s.sqlite
    .prepare(
      `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from)
       VALUES (?, '000001700000000:00000:test', 'test', ?, ?, ?, '发现密接人员', '值班员小李', ?, ?)`,
    )
    .run(uuidv7(), building, status, previous, at, at);
  s.sqlite.prepare('UPDATE buildings SET status = ?, status_since = ? WHERE id = ?').run(status, at, building);
}

function resident(building: string): string {
  return addResident(s.sqlite, addHousehold(s.sqlite, building, `1单元${Math.floor(Math.random() * 900) + 100}`), building);
}

beforeEach(() => {
  s = openStreet();
  zs = s.territory.buildings;
  dx = s.other.buildings;
});
afterEach(() => s.close());

describe('briefing.get: key figures against yesterday', () => {
  // 中山路's 5 buildings are 管控 (history long ago); 大学路's are 封控, 正常, 防范 (no history).
  it('counts buildings under control now and 24 hours ago from the status history', () => {
    changeStatus(zs[0]!, 'sealed', NOW - 2 * HOUR, 'controlled');
    changeStatus(zs[1]!, 'normal', NOW - 3 * HOUR, 'controlled');
    changeStatus(dx[1]!, 'controlled', NOW - 30 * HOUR, 'normal');
    const b = get();
    expect(figure(b, 'controlled')).toMatchObject({ value: 7, yesterday: 8, attention: false });
    const byStatus = Object.fromEntries(b.byStatus.map((r) => [r.status, [r.buildings, r.yesterday]]));
    expect(byStatus).toEqual({ sealed: [2, 1], controlled: [4, 6], precaution: [1, 1], normal: [1, 0] });
    const zsl = b.communities.find((c) => c.name === '永安西里社区')!;
    expect(zsl).toMatchObject({ buildings: 5, controlled: 4, controlledYesterday: 5, byStatus: { sealed: 1, controlled: 3, normal: 1, precaution: 0 } });
  });

  it('marks a rise in controlled buildings as needing attention', () => {
    changeStatus(dx[1]!, 'sealed', NOW - HOUR, 'normal');
    const b = get();
    expect(figure(b, 'controlled')).toMatchObject({ value: 8, yesterday: 7, attention: true });
    expect(b.communities.find((c) => c.name === '大学路社区')).toMatchObject({ controlled: 3, controlledYesterday: 2 });
  });

  it('counts a change that takes effect later only from then, and one recorded later only from its record', () => {
    // Recorded an hour ago, effective from two days ago: 24 hours ago nobody knew of it yet.
    s.sqlite
      .prepare(
        `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from)
         VALUES (?, '000001700000000:00000:test', 'test', ?, 'sealed', 'controlled', '补录', '值班员', ?, ?)`,
      )
      .run(uuidv7(), zs[2], NOW - HOUR, NOW - 2 * DAY);
    s.sqlite.prepare(`UPDATE buildings SET status = 'sealed' WHERE id = ?`).run(zs[2]);
    const sealed = get().byStatus.find((r) => r.status === 'sealed')!;
    expect(sealed).toEqual({ status: 'sealed', buildings: 2, yesterday: 1 });
  });

  it('counts 放心楼院 standing now and yesterday, a revocation counting against', () => {
    grantSafeCompound(s.sqlite, s.territory.compound, NOW - 5 * DAY);
    grantSafeCompound(s.sqlite, s.other.compound, NOW - 10 * DAY, NOW - 2 * HOUR);
    const b = get();
    expect(figure(b, 'safeCompounds')).toMatchObject({ value: 1, yesterday: 2, attention: true });
    expect(b.communities.map((c) => c.safeCompounds)).toEqual([1, 0]);
  });

  it('counts residents under home observation and in isolation between their dates', () => {
    addTag(s.sqlite, resident(zs[0]!), zs[0]!, 'home_observation', NOW - 3 * DAY, NOW + DAY);
    addTag(s.sqlite, resident(zs[1]!), zs[1]!, 'home_observation', NOW - 2 * HOUR, NOW + 7 * DAY);
    addTag(s.sqlite, resident(dx[0]!), dx[0]!, 'isolation', NOW - 5 * DAY, NOW - 3 * HOUR);
    addTag(s.sqlite, resident(dx[0]!), dx[0]!, 'elderly_alone');
    addTag(s.sqlite, resident(dx[1]!), dx[1]!, 'isolation', NOW - DAY, NOW + DAY, true);
    const b = get();
    expect(figure(b, 'homeObservation')).toMatchObject({ value: 2, yesterday: 1, attention: true });
    expect(figure(b, 'isolation')).toMatchObject({ value: 0, yesterday: 1, attention: false });
    expect(b.communities.map((c) => [c.homeObservation, c.isolation])).toEqual([
      [2, 0],
      [0, 0],
    ]);
  });

  it('takes open needs and incidents from the overview’s request figures, with those new in 24 hours', () => {
    addNeedRow(s.sqlite, zs[2]!, NOW - 2 * DAY);
    addNeedRow(s.sqlite, zs[2]!, NOW - HOUR);
    addNeedRow(s.sqlite, dx[1]!, NOW - 3 * HOUR, NOW - HOUR);
    addIncidentRow(s.sqlite, dx[2]!, NOW - 3 * DAY);
    const b = get();
    expect(figure(b, 'openNeeds')).toMatchObject({ value: 2, yesterday: null, new24h: 2, attention: false });
    expect(figure(b, 'openIncidents')).toMatchObject({ value: 1, new24h: 0, attention: false });
    // The two received days ago were never accepted: past the 24-hour limit, escalated.
    expect(figure(b, 'overdueRequests')).toMatchObject({ value: 2, yesterday: null, attention: true });
    addIncidentRow(s.sqlite, dx[2]!, NOW - HOUR);
    expect(figure(get(), 'openIncidents')).toMatchObject({ value: 2, new24h: 1, attention: true });
    expect(get().communities.map((c) => [c.openNeeds, c.openIncidents])).toEqual([
      [2, 0],
      [0, 2],
    ]);
  });
});

describe('briefing.get: screening', () => {
  function visit(household: string, at: number, result: 'visited' | 'refused' | 'nobody_home' = 'visited'): void {
    s.sqlite.prepare('UPDATE screening_visits SET result = ?, visited_at = ?, attempts = 1 WHERE household_id = ?').run(result, at, household);
  }

  it('follows visits recorded after it counted, a visit moved to another day included, as a fresh count would', () => {
    const households = [zs[0]!, zs[1]!, zs[2]!, dx[0]!, dx[1]!].map((b, i) => addHousehold(s.sqlite, b, `3单元30${i}`));
    const staff = { ...LEADER, role: 'staff' as const };
    const round = startRound(s.ctx(staff), { scope: { type: 'street' } });
    const now = () => Date.now();
    const fresh = () => {
      forgetVisitCounts(s.sqlite);
      return get(LEADER, now());
    };
    const view = (b: Briefing) => ({ screening: b.screening, communities: b.communities.map((c) => c.screening), visits: b.trend.map((d) => d.visits) });
    expect(view(get(LEADER, now()))).toEqual(view(fresh()));
    recordVisit(s.ctx(staff), { roundId: round.id, householdId: households[0]!, result: 'visited' });
    recordVisit(s.ctx(staff), { roundId: round.id, householdId: households[3]!, result: 'refused' });
    const followed = view(get(LEADER, now()));
    expect(followed.screening).toMatchObject({ done: 2, households: 5 });
    expect(followed.visits.at(-1)).toBe(2);
    expect(followed).toEqual(view(fresh()));
    // A correction moves one visit three days back: the day it left must not keep it.
    s.sqlite.prepare("UPDATE screening_visits SET visited_at = ?, hlc = '999999999999999:00000:test' WHERE household_id = ?").run(now() - 3 * DAY, households[0]!);
    const moved = view(get(LEADER, now()));
    expect(moved.visits.at(-1)).toBe(1);
    expect(moved.visits.at(-4)).toBe(1);
    expect(moved).toEqual(view(fresh()));
    const worker = workerOf([s.territory.grid]);
    recordVisit(s.ctx(staff), { roundId: round.id, householdId: households[1]!, result: 'visited' });
    expect(view(get(worker, now()))).toEqual((forgetVisitCounts(s.sqlite), view(get(worker, now()))));
  });

  it('shows how far the open rounds have come, now, yesterday, by community and by day', () => {
    const households = [zs[0]!, zs[1]!, zs[2]!, dx[0]!].map((b, i) => addHousehold(s.sqlite, b, `2单元20${i}`));
    const round = startRound(s.ctx({ ...LEADER, role: 'staff' }), { scope: { type: 'street' } });
    visit(households[0]!, NOW - 3 * DAY);
    visit(households[1]!, NOW - 2 * HOUR, 'refused');
    visit(households[3]!, NOW - HOUR);
    visit(households[2]!, NOW - HOUR, 'nobody_home');
    s.sqlite.prepare('UPDATE screening_rounds SET visited_count = 2, refused_count = 1, nobody_home_count = 1 WHERE id = ?').run(round.id);

    const b = get();
    expect(b.screening).toMatchObject({ households: 4, done: 3, doneYesterday: 1, rounds: [{ id: round.id, households: 4, done: 3 }] });
    expect(figure(b, 'screening')).toMatchObject({ value: 0.75, yesterday: 0.25, format: 'percent', attention: false });
    expect(b.communities.map((c) => c.screening)).toEqual([
      { households: 3, done: 2 },
      { households: 1, done: 1 },
    ]);
    const today = b.trend.at(-1)!;
    const threeDaysAgo = b.trend.at(-4)!;
    expect(today.visits).toBe(2);
    expect(threeDaysAgo.visits).toBe(1);
    expect(today.screeningShare).toBe(0.75);
    expect(b.trend.at(-2)!.screeningShare).toBe(0.25);
    expect(b.trend.reduce((n, d) => n + d.visits, 0)).toBe(3);

    // A grid worker sees their grid's households only.
    const mine = get(workerOf([s.other.grid]));
    expect(mine.screening).toMatchObject({ households: 1, done: 1, doneYesterday: 0 });

    // Nothing done for a day in an unfinished round: it stands out.
    expect(figure(get(LEADER, NOW + 3 * DAY), 'screening')).toMatchObject({ value: 0.75, yesterday: 0.75, attention: true });
    s.sqlite.prepare('UPDATE screening_rounds SET closed_at = ? WHERE id = ?').run(NOW - 1, round.id);
    expect(get().screening).toMatchObject({ rounds: [], households: 0, done: 0 });
  });
});

describe('briefing.get: trend and scope', () => {
  it('gives 30 calendar days ending today, each day’s statuses as at its end', () => {
    changeStatus(zs[0]!, 'sealed', NOW - 10 * DAY, 'controlled');
    changeStatus(zs[0]!, 'normal', NOW - 2 * DAY, 'sealed');
    const b = get();
    expect(b.trend).toHaveLength(30);
    expect(b.trend.map((d) => d.day)).toEqual(trendDays(NOW).map((d) => d.day));
    expect(b.trend.at(-1)!.day).toBe(new Date(2026, 11, 2).getTime());
    const at = (daysAgo: number) => b.trend.at(-1 - daysAgo)!.byStatus;
    expect(at(0)).toMatchObject({ sealed: 1, controlled: 4, normal: 2 });
    expect(at(5)).toMatchObject({ sealed: 2, controlled: 4, normal: 1 });
    expect(at(15)).toMatchObject({ sealed: 1, controlled: 5, normal: 1 });
  });

  it('keeps a grid worker to their grids, the street to everyone else', () => {
    changeStatus(dx[1]!, 'sealed', NOW - HOUR, 'normal');
    const mine = get(workerOf([s.territory.grid]));
    expect(mine.scope).toBe('grids');
    expect(mine.communities.map((c) => c.name)).toEqual(['永安西里社区']);
    expect(figure(mine, 'controlled')).toMatchObject({ value: 5, yesterday: 5, attention: false });
    expect(get().scope).toBe('street');
    expect(get(workerOf([])).communities).toEqual([]);
  });
});
