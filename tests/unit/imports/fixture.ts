import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../../db/client/open';
import type { Actor } from '../../../db/auth/roles';
import { commitFile, reserveFile } from '../../../db/files/store';
import { databaseFile, ServiceHost } from '../../../db/host';
import { directJob } from '../../../db/imports/direct-job';
import { importJobs } from '../../../electron/rpc/domains/import-kinds';
import { insertMiniTerritory, type MiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';
import { ADMIN } from '../helpers/actors';

export interface ImportStreet {
  dataDir: string;
  host: ServiceHost;
  sqlite: Database.Database;
  t: MiniTerritory;
  events: { event: string; payload: unknown }[];
  close(): void;
}

/** A data dir with a mini territory (5 buildings, all 管控) and the four built-in statuses. */
export function openImportStreet(dataDir = tempDir('griddesk-import-'), territory = true): ImportStreet {
  const opened = openDatabase({ file: databaseFile(dataDir) });
  const t = territory ? insertMiniTerritory(opened.sqlite, 5) : (null as unknown as MiniTerritory);
  const host = new ServiceHost(opened);
  const events: ImportStreet['events'] = [];
  host.onEvent((event, payload) => events.push({ event, payload }));
  return { dataDir, host, sqlite: opened.sqlite, t, events, close: () => host.close() };
}

/** Puts bytes in the file store as an upload of `owner`, as the files endpoint does. */
export function upload(s: ImportStreet, name: string, bytes: Uint8Array | string, owner: Actor = ADMIN): string {
  const { id, path } = reserveFile(s.dataDir);
  writeFileSync(path, bytes);
  return commitFile(s.dataDir, id, { name, kind: 'upload', ownerId: owner.id }).id;
}

/** A real .xlsx with these rows (first row the header); more sheets when given. */
export async function xlsx(rows: unknown[][], more: Record<string, unknown[][]> = {}, sheetName = '状态'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, data] of [[sheetName, rows] as const, ...Object.entries(more)]) {
    const sheet = workbook.addWorksheet(name);
    for (const r of data) sheet.addRow(r);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csv(rows: unknown[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
}

/** Stages an import as the RPC handler does. */
export function stage(s: ImportStreet, fileId: string, actor: Actor = ADMIN, sheet?: string) {
  const ctx = s.host.context(actor);
  return importJobs.stage(ctx, { kind: 'statuses', fileId, ...(sheet ? { sheet } : {}) }, directJob(ctx));
}

const TABLES = ['status_definitions', 'audit_log'];

/** SHA-256 of every row of the tables an import of statuses writes. */
export function dataState(sqlite: Database.Database): Record<string, string> {
  return Object.fromEntries(
    TABLES.map((table) => [table, createHash('sha256').update(JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all())).digest('hex')]),
  );
}

export const HEADER = ['代码', '名称', '英文名称', '颜色', '等级'];
