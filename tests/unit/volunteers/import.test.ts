import { afterEach, describe, expect, it } from 'vitest';
import { applyImport } from '../../../db/imports/apply';
import { directJob } from '../../../db/imports/direct-job';
import { importReport } from '../../../db/imports/report';
import { idNumberCheckChar } from '../../../db/validation/id-number';
import { saveVolunteer } from '../../../db/volunteers/save';
import { importerOf, importJobs } from '../../../electron/rpc/domains/import-kinds';
import { ADMIN } from '../helpers/actors';
import { csv, dataState, openImportStreet, upload, xlsx, type ImportStreet } from './street';

let s: ImportStreet | undefined;
afterEach(() => s?.close());

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const A = id('37020219900102123'); // male
const B = id('37020219851111262'); // female
const C = id('37020220000305351'); // male

function rowsOf(runId: string) {
  return new Map(
    s!.sqlite
      .prepare<[string], { row_no: number; outcome: string; problems: string }>('SELECT row_no, outcome, problems FROM import_rows WHERE run_id = ? ORDER BY row_no')
      .all(runId)
      .map((r) => [r.row_no, { outcome: r.outcome, problems: r.problems }]),
  );
}

describe('志愿者报名表 through the import pipeline', () => {
  it('maps headers in any order and wording, reports every bad row with its reason, and writes only on apply', async () => {
    s = openImportStreet();
    const ctx = s.host.context(ADMIN);
    const file = await xlsx(
      [
        ['联系电话', '名字', '证件号码', '出生年月', '性别', '类别', '工作单位', '所属社区', '专长'],
        ['13812345678', '张三', A, '1990年1月2日', '男', '党员', '', '永安西里社区', '医护、驾驶'],
        ['１３９ ００００ ４３２１', '李秀英', B, '1985.11.11', '女', '巾帼', '', '永安西里', ''],
        ['13700001111', '王五', '3.70202E+17', '', '男', '群众', '', '', ''],
        ['13700002222', '赵六', '370202199001021200', '', '男', '群众', '', '', ''],
        ['13700003333', '钱七', '370202199001021239', '', '男', '群众', '', '', ''],
        ['1.38123E+10', '孙八', '', '', '男', '群众', '', '', ''],
        ['13700005555', '', '', '', '男', '群众', '', '', ''],
        ['13700006666', '周九', '', '32875', '男', '群众', '', '', ''],
        ['13700007777', '吴十', C, '', '', '在职党员报到', '', '', ''],
        ['13812345678', '张三', '', '', '男', '群众', '', '', ''],
        ['13700008888', '郑😷', '', '', '男', '群众', '', '', ''],
        ['12345', '冯一', '', '', '男', '群众', '', '', ''],
      ],
      {},
      '报名表',
    );
    const before = dataState(s.sqlite);
    const run = await importJobs.stage(ctx, { kind: 'volunteers', fileId: upload(s, '报名表.xlsx', file) }, directJob(ctx));
    expect(run.status).toBe('ready');
    expect(dataState(s.sqlite)).toEqual(before);
    const rows = rowsOf(run.id);
    expect(rows.get(2)!.problems).toMatch(/在第 11 行也出现了/);
    expect(rows.get(11)!.problems).toMatch(/姓名和联系电话相同的一行在第 2 行也出现了/);
    expect(rows.get(3)).toMatchObject({ outcome: 'create' });
    expect(rows.get(4)!.problems).toMatch(/存成了数字/);
    expect(rows.get(5)!.problems).toMatch(/最后几位变成了 0/);
    expect(rows.get(6)!.problems).toMatch(/校验码/);
    expect(rows.get(7)!.problems).toMatch(/电话号码存成了数字/);
    expect(rows.get(8)!.problems).toMatch(/「姓名」为空/);
    expect(rows.get(9)!.problems).toMatch(/Excel 把日期存成的序号/);
    expect(rows.get(10)!.problems).toMatch(/在职党员报到需要填写所在单位/);
    expect(rows.get(12)!.problems).toMatch(/表情符号/);
    expect(rows.get(13)!.problems).toMatch(/手机号|电话/);
    expect(run.counts).toMatchObject({ create: 1, reject: 11, total: 12 });

    const report = await importReport(ctx, importerOf, { id: run.id }, directJob(ctx));
    expect(report.rows).toBe(11);

    applyImport(ctx, importerOf, { id: run.id }, directJob(ctx));
    const written = s.sqlite
      .prepare(`SELECT p.name, p.phone, p.gender, v.kind, v.birth_date AS birth, v.community_id AS community FROM volunteer_profiles v JOIN people p ON p.id = v.person_id`)
      .all();
    expect(written).toEqual([{ name: '李秀英', phone: '13900004321', gender: 'female', kind: 'women', birth: '1985-11-11', community: s.t.community }]);
  });

  it('matches a known volunteer by ID number, then by name and phone, and updates them (their history kept)', async () => {
    s = openImportStreet();
    const ctx = s.host.context(ADMIN);
    const now = Date.now();
    const byId = saveVolunteer(ctx, { name: '张三', gender: 'male', phone: '13812345678', idNumber: A, kind: 'public', skills: [] }, now);
    const byPhone = saveVolunteer(ctx, { name: '李四', gender: 'female', phone: '13900004321', kind: 'public', skills: [] }, now);
    const file = csv([
      ['姓名', '手机', '身份证号', '类型', '特长', '性别'],
      ['张三', '13800000000', A, '党员', '电工', ''],
      ['李四', '13900004321', '', '青年', '', '女'],
      ['王二', '13700000000', '', '群众', '', '男'],
      ['张冒', '13600000000', C, '群众', '', ''],
    ]);
    s.sqlite.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source) VALUES ('p-x', 'h', 'test', '张真', 'male', '13600000001', ?, 'cadre')`).run(C);
    const run = await importJobs.stage(ctx, { kind: 'volunteers', fileId: upload(s, '报名.csv', file) }, directJob(ctx));
    const rows = rowsOf(run.id);
    expect([...rows.values()].map((r) => r.outcome)).toEqual(['update', 'update', 'create', 'conflict']);
    expect(rows.get(5)!.problems).toMatch(/身份证号已登记为「张真」/);
    applyImport(ctx, importerOf, { id: run.id }, directJob(ctx));
    const kindOf = (vid: string) => s!.sqlite.prepare('SELECT kind FROM volunteer_profiles WHERE id = ?').pluck().get(vid);
    expect(kindOf(byId.id)).toBe('party');
    expect(kindOf(byPhone.id)).toBe('youth');
    expect(s.sqlite.prepare('SELECT count(*) FROM volunteer_status_changes WHERE profile_id IN (?, ?)').pluck().get(byId.id, byPhone.id)).toBe(2);
    expect(s.sqlite.prepare('SELECT phone FROM people WHERE id_number = ?').pluck().get(A)).toBe('13800000000');
  });
});
