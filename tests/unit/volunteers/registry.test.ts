import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceError } from '../../../db/errors';
import { addHours } from '../../../db/service-hours/record';
import { volunteerDetail } from '../../../db/volunteers/detail';
import { volunteerRoster } from '../../../db/volunteers/roster';
import { saveVolunteer, setVolunteerStatus } from '../../../db/volunteers/save';
import { deleteSpecialty, listSpecialties, saveSpecialty } from '../../../db/volunteers/specialties';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import type { VolunteerSaveInput } from '../../../electron/api/volunteers';
import { ADMIN, ANALYST, LEADER } from '../helpers/actors';
import { dataState, openImportStreet, type ImportStreet } from './street';

let s: ImportStreet | undefined;
afterEach(() => s?.close());

const NOW = Date.UTC(2026, 11, 3, 2);
const id = (first17: string) => first17 + idNumberCheckChar(first17);

function open() {
  s = openImportStreet();
  return { s, ctx: s.host.context(ADMIN) };
}

const base = (more: Partial<VolunteerSaveInput> = {}): VolunteerSaveInput => ({ name: '张三', gender: 'male', phone: '13812345678', kind: 'public', skills: [], ...more });

describe('the volunteer registry', () => {
  it('finds volunteers by name, pinyin initials and the last four digits of a phone', () => {
    const { s, ctx } = open();
    saveVolunteer(ctx, base({ communityId: s.t.community, skills: ['医护'] }), NOW);
    saveVolunteer(ctx, base({ name: '李四', gender: 'female', phone: '13900004321', kind: 'women' }), NOW);
    saveVolunteer(ctx, base({ name: '赵六', phone: '13700009999', kind: 'cadre', unit: '市南区教育局' }), NOW);
    const names = (q: object) => volunteerRoster(ctx, { offset: 0, limit: 50, ...q }, NOW).rows.map((r) => r.name);
    expect(names({ q: 'zs' })).toEqual(['张三']);
    expect(names({ q: 'ZS' })).toEqual(['张三']);
    expect(names({ q: '李' })).toEqual(['李四']);
    expect(names({ q: '4321' })).toEqual(['李四']);
    expect(names({ kind: 'cadre' })).toEqual(['赵六']);
    expect(names({ specialty: '医护' })).toEqual(['张三']);
    expect(names({ communityId: s.t.community })).toEqual(['张三']);
    // In pinyin order: li si, zhao liu, zhang san.
    expect(names({})).toEqual(['李四', '赵六', '张三']);
    const page = volunteerRoster(ctx, { offset: 1, limit: 1 }, NOW);
    expect(page).toMatchObject({ total: 3, rows: [{ name: '赵六', phone: '137****9999', unit: '市南区教育局' }] });
  });

  it('filters by activity this month: at least the threshold’s hours (8 by default) served in the service’s month', () => {
    const { ctx } = open();
    const busy = saveVolunteer(ctx, base(), NOW);
    const some = saveVolunteer(ctx, base({ name: '李四', phone: '13900004321' }), NOW);
    saveVolunteer(ctx, base({ name: '赵六', phone: '13700009999' }), NOW);
    const personOf = (vid: string) => volunteerDetail(ctx, { id: vid }).personId;
    addHours(ctx, { personId: personOf(busy.id), activity: '卡口值守', date: '2026-12-01', hours: 8, confirmedBy: '社区书记' }, NOW);
    addHours(ctx, { personId: personOf(some.id), activity: '入户排查', date: '2026-12-02', hours: 7.5, confirmedBy: '社区书记' }, NOW);
    addHours(ctx, { personId: personOf(some.id), activity: '入户排查', date: '2026-11-30', hours: 4, confirmedBy: '社区书记' }, NOW);
    const names = (q: object, now = NOW) => volunteerRoster(ctx, { offset: 0, limit: 50, ...q }, now).rows.map((r) => r.name);
    expect(names({ active: true })).toEqual(['张三']);
    expect(names({ active: false })).toEqual(['李四', '赵六']);
    expect(names({ active: true, q: 'ls' })).toEqual([]);
    // In November only 李四's four hours were served: nobody was active.
    expect(names({ active: true }, Date.UTC(2026, 10, 30, 2))).toEqual([]);
  });

  it('shows a grid worker the volunteers of their grids’ communities only', () => {
    const { s, ctx } = open();
    const inside = saveVolunteer(ctx, base({ communityId: s.t.community }), NOW);
    const nowhere = saveVolunteer(ctx, base({ name: '李四', phone: '13900004321' }), NOW);
    const worker = s.host.context({ id: 'acc-worker', name: '网格员小王', role: 'grid_worker', seesPersonalData: false, gridIds: [s.t.grid] });
    expect(volunteerRoster(worker, { offset: 0, limit: 10 }, NOW).rows.map((r) => r.id)).toEqual([inside.id]);
    expect(() => volunteerDetail(worker, { id: nowhere.id })).toThrow('网格员小王只能管理自己网格所在社区的志愿者');
    const stranger = s.host.context({ id: 'acc-worker2', name: '网格员小赵', role: 'grid_worker', seesPersonalData: false, gridIds: [] });
    expect(volunteerRoster(stranger, { offset: 0, limit: 10 }, NOW).total).toBe(0);
  });

  it('masks phone and ID number on the page and names for a role without personal data', () => {
    const { ctx } = open();
    const idNumber = id('37020219900102123');
    const { id: vid } = saveVolunteer(ctx, base({ idNumber }), NOW);
    const page = volunteerDetail(ctx, { id: vid });
    expect(page).toMatchObject({ phone: '138****5678', idNumber: '3702**********' + idNumber.slice(-4), birthDate: '1990-01-02' });
    expect(JSON.stringify(page)).not.toContain(idNumber);
    expect(volunteerDetail(s!.host.context(ANALYST), { id: vid }).name).toBe('张**');
  });

  it('refuses bad input naming the field and writes nothing', () => {
    const { s, ctx } = open();
    const before = dataState(s.sqlite);
    const refusal = (input: VolunteerSaveInput) => {
      try {
        saveVolunteer(ctx, input, NOW);
      } catch (e) {
        return e as ServiceError;
      }
      throw new Error('not refused');
    };
    expect(refusal(base({ phone: '12345' }))).toMatchObject({ field: 'phone', message: expect.stringMatching(/^联系电话不对/) });
    expect(refusal(base({ idNumber: '370202199001021230' }))).toMatchObject({ field: 'idNumber', message: expect.stringContaining('校验码') });
    expect(refusal(base({ kind: 'registered_party' }))).toMatchObject({ field: 'unit', message: '在职党员报到需要填写所在单位' });
    expect(refusal(base({ skills: ['飞行'] }))).toMatchObject({ field: 'skills', message: expect.stringContaining('飞行') });
    expect(refusal(base({ idNumber: id('37020219900102124') }))).toMatchObject({ field: 'gender' });
    expect(dataState(s.sqlite)).toEqual(before);
    expect(() => saveVolunteer(s.host.context(LEADER), base(), NOW)).toThrow(/领导/);
  });

  it('keeps each status change with who, when, from, to and why, and audits it', () => {
    const { s, ctx } = open();
    const { id: vid } = saveVolunteer(ctx, base(), NOW);
    setVolunteerStatus(ctx, { id: vid, status: 'paused', reason: '外出务工一个月' }, NOW + 1000);
    const page = setVolunteerStatus(ctx, { id: vid, status: 'active', reason: '已返回社区' }, NOW + 2000);
    expect(page.status).toBe('active');
    expect(page.history.map((h) => [h.from, h.to, h.reason, h.changedBy])).toEqual([
      ['paused', 'active', '已返回社区', '管理员'],
      ['active', 'paused', '外出务工一个月', '管理员'],
      [null, 'active', '登记为志愿者', '管理员'],
    ]);
    expect(() => setVolunteerStatus(ctx, { id: vid, status: 'active', reason: '再来一次' }, NOW)).toThrow('这位志愿者已经是「在岗」状态');
    const audit = s.sqlite.prepare<unknown[], string>(`SELECT detail FROM audit_log WHERE action = 'volunteers.status' ORDER BY seq`).pluck().all();
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([
      { from: 'active', to: 'paused', reason: '外出务工一个月' },
      { from: 'paused', to: 'active', reason: '已返回社区' },
    ]);
  });

  it('merges a new volunteer into the person already on the duty roster (same name and phone)', () => {
    const { s, ctx } = open();
    s.sqlite
      .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, source, skills) VALUES ('p-1', 'h', 'test', '张三', 'male', '13812345678', 'grid_worker', '["驾驶"]')`)
      .run();
    const { id: vid } = saveVolunteer(ctx, base({ skills: ['驾驶', '电工'] }), NOW);
    expect(volunteerDetail(ctx, { id: vid }).personId).toBe('p-1');
    expect(s.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1);
    expect(s.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'volunteers.%'`).pluck().all()).toEqual(['volunteers.merge']);
  });

  it('lets administrators extend the specialties, and keeps one a volunteer lists', () => {
    const { ctx } = open();
    expect(listSpecialties(ctx).map((x) => x.name)).toEqual(expect.arrayContaining(['医护', '心理', '驾驶', '电工', '外语', '法律']));
    const garden = saveSpecialty(ctx, { name: '园艺' });
    saveVolunteer(ctx, base({ skills: ['园艺'] }), NOW);
    expect(() => deleteSpecialty(ctx, { id: garden.id })).toThrow('还有 1 位志愿者填写了特长「园艺」，不能删除');
    saveSpecialty(ctx, { id: garden.id, name: '绿化' });
    expect(volunteerRoster(ctx, { offset: 0, limit: 5, specialty: '绿化' }, NOW).rows.map((r) => r.skills)).toEqual([['绿化']]);
    expect(() => saveSpecialty(ctx, { name: '医护' })).toThrow('特长「医护」已经在列表里');
  });
});
