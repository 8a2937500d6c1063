import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/client/open';
import { commitFile, reserveFile } from '../../db/files/store';
import { databaseFile, ServiceHost } from '../../db/host';
import { directJob } from '../../db/imports/direct-job';
import { idNumberCheckChar } from '../../db/validation/id-number';
import { importJobs } from '../../electron/rpc/domains/import-kinds';
import { insertMiniTerritory } from '../unit/helpers/territory';
import { emit, freshDir, median } from './lib';

const ADMIN = { id: 'bench-admin', name: '管理员', role: 'admin' as const, seesPersonalData: true };
const ROWS = Number(process.env.BENCH_RESIDENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** 100,000 residents of a 人口信息采集表 (.xlsx), every 50th address in another spelling, every 1,000th ID damaged by Excel. */
async function register(path: string, addresses: string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = workbook.addWorksheet('人口信息');
  sheet.addRow(['现住址', '姓名', '公民身份号码', '联系电话', '与户主关系', '人员类别']).commit();
  for (let i = 0; i < ROWS; i++) {
    const born = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * 86_400_000 * 97).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `370202${born}${String(i % 1000).padStart(3, '0')}`;
    const id = i % 1000 === 999 ? '3.70202E+17' : first17 + idNumberCheckChar(first17);
    const building = addresses[i % addresses.length]!;
    const address = i % 50 === 0 ? `${building.replace('号楼', '栋')} ${1 + (i % 3)}单元 ${100 + (i % 30)}室` : `${building}${1 + (i % 3)}单元${100 + (i % 30)}`;
    sheet.addRow([address, `居民${i}`, id, '', i % 3 === 0 ? '户主' : '子女', i % 7 === 0 ? '流动' : '户籍']).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The register read, every row checked, matched to its building and classified: the preview an office waits for (≤ 30 s). */
export async function benchTerritoryResidents(): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = freshDir(`territory-residents-${run}`);
    const host = new ServiceHost(openDatabase({ file: databaseFile(dir) }));
    insertMiniTerritory(host.opened.sqlite, 200);
    const addresses = host.opened.sqlite.prepare<[], { address: string }>('SELECT address FROM buildings').all().map((b) => b.address.replace(/\s+/g, ''));
    const { id, path } = reserveFile(dir);
    await register(path, addresses);
    commitFile(dir, id, { name: '人口信息采集表.xlsx', kind: 'upload', ownerId: ADMIN.id });
    const ctx = host.context(ADMIN);
    const t = performance.now();
    const staged = await importJobs.stage(ctx, { kind: 'residents', fileId: id }, directJob(ctx));
    times.push(performance.now() - t);
    if (run === RUNS - 1) emit('territory.residents_100k.counts', staged.counts.total, 'rows', { ...staged.counts });
    host.close();
  }
  emit('territory.residents_100k_preview', median(times), 'ms', { runs: times.map(Math.round), limit: 30_000 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchTerritoryResidents().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
