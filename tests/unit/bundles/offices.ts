import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../db/client/open';
import { officeIdentity, type OfficeIdentity } from '../../../db/bundles/identity';
import { keyCardText } from '../../../db/bundles/key-card';
import { selfParty } from '../../../db/bundles/office';
import { addPartner } from '../../../db/bundles/trust-list';
import { newOfficeKey } from '../../../db/office-key/key';
import { HybridClock } from '../../../db/sync/hlc';
import type { Stamping } from '../../../db/sync/write';
import { ANALYST } from '../helpers/actors';
import { tempDir } from '../helpers/tmp';
import { seedDatabase } from '../../../db/seed';
import type { Party } from '../../../db/bundles/exchange';

/** A street office for bundle tests: its own migrated database, identity, node id and clock. */
export interface TestOffice extends Party, Stamping {
  clock: HybridClock;
  wall: { now: number };
  dir: string;
  close(): void;
}

let nodes = 0;

export function openOffice(code: string, name = `${code}街道`, identity: OfficeIdentity = officeIdentity(newOfficeKey())): TestOffice {
  const dir = tempDir('griddesk-bundles-');
  const opened = openDatabase({ file: join(dir, 'griddesk.db') });
  const nodeId = `${code}n${++nodes}`;
  const wall = { now: 1_790_000_000_000 };
  const sqlite = opened.sqlite;
  sqlite
    .prepare(`INSERT INTO street_offices (id, hlc, origin, deleted, code, name, city, district, center_lat, center_lng) VALUES (?, ?, ?, 0, ?, ?, '南京市', '玄武区', 32, 118)`)
    .run(`so-${code}`, '000000000000000:00000:setup', nodeId, code, name);
  return { sqlite, identity, nodeId, actor: ANALYST, clock: new HybridClock(nodeId, () => wall.now), wall, dir, dataDir: dir, close: () => opened.close() };
}

export function cardOf(office: TestOffice): string {
  const self = selfParty(office.sqlite, office.nodeId, office.identity);
  return keyCardText(self);
}

/** Each office trusts every other. */
export function trustEachOther(offices: TestOffice[]): void {
  for (const a of offices) for (const b of offices) if (a !== b) addPartner(a.sqlite, a.actor, cardOf(b), a.identity.keyId);
}

export function partnerId(office: TestOffice, of: TestOffice): string {
  const row = office.sqlite.prepare<[string], { id: string }>('SELECT id FROM bundle_partners WHERE key_id = ?').get(of.identity.keyId);
  if (!row) throw new Error('not a partner');
  return row.id;
}

/** Every row of every table, as text: the "full dump" a refused import must leave as it was. */
export function dump(office: TestOffice): string {
  const tables = office.sqlite.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
  return tables.map(({ name }) => `${name}:${JSON.stringify(office.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all())}`).join('\n');
}

/** Another office opened on a copy of this one's closed database file: same identity and node, a clock of its own. */
export function copyOffice(template: { file: string; identity: OfficeIdentity; nodeId: string }): TestOffice {
  const dir = tempDir('griddesk-bundles-');
  const file = join(dir, 'griddesk.db');
  copyFileSync(template.file, file);
  const opened = openDatabase({ file });
  const wall = { now: 1_790_000_000_000 };
  const { identity, nodeId } = template;
  return { sqlite: opened.sqlite, identity, nodeId, actor: ANALYST, clock: new HybridClock(nodeId, () => wall.now), wall, dir, dataDir: dir, close: () => opened.close() };
}

/** A street office with the small demo data (3 communities, 24 grids, 400 buildings), its node id the seed's. */
export function openSeededOffice(identity: OfficeIdentity = officeIdentity(newOfficeKey())): TestOffice {
  const dir = tempDir('griddesk-bundles-');
  const opened = openDatabase({ file: join(dir, 'griddesk.db') });
  const sqlite = opened.sqlite;
  seedDatabase(sqlite, { preset: 'small', seed: 7, now: 1_790_000_000_000 });
  const nodeId = sqlite.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'node_id'`).get()!.value;
  const wall = { now: 1_790_000_000_000 };
  return { sqlite, identity, nodeId, actor: ANALYST, clock: new HybridClock(nodeId, () => wall.now), wall, dir, dataDir: dir, close: () => opened.close() };
}
