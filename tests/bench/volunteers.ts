import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/client/open';
import { commitFile, reserveFile } from '../../db/files/store';
import { databaseFile, ServiceHost } from '../../db/host';
import { applyImport } from '../../db/imports/apply';
import { directJob } from '../../db/imports/direct-job';
import { seedDatabase } from '../../db/seed';
import { idNumberCheckChar } from '../../db/validation/id-number';
import { volunteerRoster } from '../../db/volunteers/roster';
import { importerOf, importJobs } from '../../electron/rpc/domains/import-kinds';
import { insertMiniTerritory } from '../unit/helpers/territory';
import { emit, freshDir, median } from './lib';
import type { ServiceContext } from '../../db/context';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { GridRuntime } from '../../electron/rpc/runtime';
import { dispatch } from '../../electron/rpc/dispatch';

const ADMIN = { id: 'bench-admin', name: '管理员', role: 'admin' as const, seesPersonalData: true };
const STAFF = { id: 'bench-staff', name: '值班员', role: 'staff' as const, seesPersonalData: false };
const ROWS = Number(process.env.BENCH_VOLUNTEERS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const KINDS = ['党员志愿者', '青年志愿者', '巾帼志愿者', '群众志愿者'];
const SKILLS = ['医护', '驾驶', '电工', '医护、外语', ''];

/** One sign-up row, its ID number unique (birth day and sequence): every 500th with Excel's damage to it. */
function row(i: number, community: string): string[] {
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `370202${born}${String(i % 1000).padStart(3, '0')}`;
  const id = i % 500 === 499 ? '3.70202E+17' : first17 + idNumberCheckChar(first17);
  const gender = Number(first17[16]) % 2 === 1 ? '男' : '女';
  return [`志愿者${i}`, gender, `139${String(i).padStart(8, '0')}`, id, KINDS[i % KINDS.length]!, community, `${1 + (i % 40)}号楼`, SKILLS[i % SKILLS.length]!];
}
const HEADER = ['姓名', '性别', '手机号码', '身份证号', '志愿者类型', '所属社区', '楼栋', '特长'];

async function sheet(path: string, community: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const ws = workbook.addWorksheet('报名表');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < ROWS; i++) ws.addRow(row(i, community)).commit();
  ws.commit();
  await workbook.commit();
}

/** The same rows loaded by the sqlite3 command-line tool from CSV into a plain table. */
function cliLoad(dir: string, community: string): number {
  const csv = join(dir, 'volunteers.csv');
  writeFileSync(csv, [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i, community))].map((r) => r.join(',')).join('\n') + '\n');
  const t = performance.now();
  execFileSync('sqlite3', [join(dir, 'cli.db'), '.mode csv', `.import ${csv} volunteers`]);
  return performance.now() - t;
}

/** A 20,000-row sign-up sheet (.xlsx) read, checked and classified (the preview), then applied in one transaction: ≤ 10 s. */
export async function benchVolunteerImport(): Promise<void> {
  const totals: number[] = [];
  const previews: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = freshDir(`volunteers-import-${run}`);
    const host = new ServiceHost(openDatabase({ file: databaseFile(dir) }));
    insertMiniTerritory(host.opened.sqlite, 5);
    const community = host.opened.sqlite.prepare<[], string>('SELECT name FROM communities LIMIT 1').pluck().get()!;
    const { id, path } = reserveFile(dir);
    await sheet(path, community);
    commitFile(dir, id, { name: '志愿者报名表.xlsx', kind: 'upload', ownerId: ADMIN.id });
    const ctx = host.context(ADMIN);
    const t = performance.now();
    const staged = await importJobs.stage(ctx, { kind: 'volunteers', fileId: id }, directJob(ctx));
    previews.push(performance.now() - t);
    const applied = await applyImport(ctx, importerOf, { id: staged.id }, directJob(ctx));
    totals.push(performance.now() - t);
    if (run === RUNS - 1) emit('volunteers.import_20k.counts', applied.counts.total, 'rows', { ...applied.counts });
    host.close();
    cli.push(cliLoad(dir, community));
  }
  const total = median(totals);
  const c = median(cli);
  emit('volunteers.import_20k', total, 'ms', { runs: totals.map(Math.round), previewMs: Math.round(median(previews)), rowsPerSecond: Math.round(ROWS / (total / 1000)), limit: 10_000 });
  emit('volunteers.import_20k.sqlite3_cli', c, 'ms', { runs: cli.map(Math.round), ratio: Math.round((total / c) * 10) / 10 });
}

/** Roster searches on the large preset (20,000 volunteers): ≤ 50 ms each. */
function rosterSearches(ctx: ServiceContext): void {
  const tail = ctx.sqlite.prepare<[], string>('SELECT substr(p.phone, -4) FROM volunteer_profiles v JOIN people p ON p.id = v.person_id LIMIT 1 OFFSET 777').pluck().get()!;
  const cases: [string, object][] = [
    ['first_window', {}],
    ['initials_zs', { q: 'zs' }],
    ['name_wang', { q: '王' }],
    ['phone_tail', { q: tail }],
    ['filtered', { kind: 'party', status: 'active', specialty: '医护' }],
    ['deep_window', { offset: 18_000 }],
  ];
  for (const [name, filter] of cases) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      total = volunteerRoster(ctx, { offset: 0, limit: 500, ...filter }, Date.now()).total;
      times.push(performance.now() - t);
    }
    emit(`volunteers.roster.${name}`, median(times), 'ms', { total, first: Math.round(times[0]!), limit: 50 });
  }
}

/** The roster searches on a large preset seeded here, in a plain database (run alone). */
export function benchVolunteerRoster(): void {
  const host = new ServiceHost(openDatabase({ file: databaseFile(freshDir('volunteers-large')) }));
  seedDatabase(host.opened.sqlite, { preset: 'large', seed: 1 });
  rosterSearches(host.context(STAFF));
  host.close();
}

/** The roster searches on the bench's large preset (`npm run bench`). */
export async function benchVolunteers(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  await benchVolunteerImport();
  const rt = new GridRuntime(largeDir);
  const login = await dispatch(rt, rt.sessions.create().id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  rosterSearches(rt.vault.requireOpen().context(STAFF));
  rt.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchVolunteerImport()
    .then(() => benchVolunteerRoster())
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
