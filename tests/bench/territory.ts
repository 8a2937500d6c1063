import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../db/client/open';
import { commitFile, reserveFile } from '../../db/files/store';
import { databaseFile, ServiceHost } from '../../db/host';
import { directJob } from '../../db/imports/direct-job';
import { applyTerritory } from '../../db/territory/apply';
import { createOffice } from '../../db/territory/office';
import { emit, freshDir, median } from './lib';

const ADMIN = { id: 'bench-admin', name: '管理员', role: 'admin' as const, seesPersonalData: true };
const BUILDINGS = 10_000;
const RUNS = 3;
/** A 10 × 10 block of grids, 0.01° each, with 100 buildings in each. */
const SIDE = 10;
const WEST = 120.3;
const SOUTH = 36.0;

const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

function files() {
  const community = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '370202001001', name: '基准社区' }, geometry: { type: 'Polygon', coordinates: [square(WEST, SOUTH, WEST + SIDE * 0.01, SOUTH + SIDE * 0.01)] } }] };
  const grids = { type: 'FeatureCollection', features: [] as unknown[] };
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE; j++) {
      const w = WEST + i * 0.01;
      const s = SOUTH + j * 0.01;
      grids.features.push({ type: 'Feature', properties: { code: `G${i}-${j}`, name: `第${i * SIDE + j + 1}网格` }, geometry: { type: 'Polygon', coordinates: [square(w, s, w + 0.01, s + 0.01)] } });
    }
  }
  const buildings = { type: 'FeatureCollection', features: [] as { properties: Record<string, string | number>; geometry: { coordinates: number[][][] } }[] };
  const per = Math.sqrt(BUILDINGS / (SIDE * SIDE));
  const step = (SIDE * 0.01) / (SIDE * per);
  for (let k = 0; k < BUILDINGS; k++) {
    const x = WEST + (k % (SIDE * per)) * step + step * 0.3;
    const y = SOUTH + Math.floor(k / (SIDE * per)) * step + step * 0.3;
    buildings.features.push({
      properties: { 名称: `${k + 1}号楼`, 地址: `基准路${k + 1}号`, 层数: 6 },
      geometry: { coordinates: [square(x, y, x + step * 0.4, y + step * 0.4)] },
    });
  }
  return { community, grids, buildings: { type: 'FeatureCollection', features: buildings.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates } })) } };
}

function upload(dir: string, name: string, json: unknown): string {
  const { id, path } = reserveFile(dir);
  writeFileSync(path, JSON.stringify(json));
  return commitFile(dir, id, { name, kind: 'upload', ownerId: ADMIN.id }).id;
}

/** The same footprints loaded by the sqlite3 command-line tool: a plain table, one transaction. */
function cliLoad(dir: string, buildings: ReturnType<typeof files>['buildings']): number {
  const sql = [
    'CREATE TABLE buildings (name TEXT, address TEXT, floors INTEGER, footprint TEXT);',
    'BEGIN;',
    ...buildings.features.map((f) => `INSERT INTO buildings VALUES ('${f.properties.名称}', '${f.properties.地址}', 6, '${JSON.stringify(f.geometry.coordinates[0])}');`),
    'COMMIT;',
  ].join('\n');
  const sqlFile = join(dir, 'load.sql');
  writeFileSync(sqlFile, sql);
  const t = performance.now();
  execFileSync('sqlite3', [join(dir, 'cli.db'), `.read ${sqlFile}`]);
  return performance.now() - t;
}

/**
 * 10,000 building footprints from GeoJSON onto 100 grids: read, checked, each placed in its grid by
 * its footprint, written in one transaction (the apply job's whole work); against the sqlite3
 * command-line tool loading the same rows into a plain table.
 */
export async function benchTerritory(): Promise<void> {
  const data = files();
  const ours: number[] = [];
  const cli: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = freshDir(`territory-${run}`);
    const host = new ServiceHost(openDatabase({ file: databaseFile(dir) }));
    const ctx = host.context(ADMIN);
    createOffice(ctx, ADMIN, { name: '基准街道', code: '370202001000', city: '青岛市', district: '市南区' });
    const base = { crs: 'wgs84' as const, encoding: 'auto' as const, mapping: {} };
    applyTerritory(ctx, { ...base, fileId: upload(dir, 'c.geojson', data.community), layer: 'communities' }, directJob(ctx));
    applyTerritory(ctx, { ...base, fileId: upload(dir, 'g.geojson', data.grids), layer: 'grids' }, directJob(ctx));
    const fileId = upload(dir, 'b.geojson', data.buildings);
    const t = performance.now();
    const applied = applyTerritory(ctx, { ...base, fileId, layer: 'buildings' }, directJob(ctx));
    ours.push(performance.now() - t);
    if (applied.created !== BUILDINGS) throw new Error(`expected ${BUILDINGS} buildings, got ${applied.created} (${applied.rejected} rejected)`);
    host.close();
    cli.push(cliLoad(dir, data.buildings));
  }
  const m = median(ours);
  const c = median(cli);
  emit('territory.buildings_10k', m, 'ms', { runs: ours.map(Math.round), limit: 5000 });
  emit('territory.buildings_10k.sqlite3_cli', c, 'ms', { runs: cli.map(Math.round) });
  emit('territory.buildings_10k.ratio', m / c, 'x');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchTerritory().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
