import { reserveFile, commitFile } from '../../../db/files/store';
import { writeFileSync } from 'node:fs';
import { uuidv7 } from '../../../db/sync/ids';
import type { Role } from '../../../db/auth/roles';
import { makeRuntime, ROLE_USERS, signIn, type Caller, type TestRuntime } from '../helpers/runtime';

/** Inside the grid worker's grid, or in the grid next to it. */
export type Where = 'inside' | 'outside';

export interface Place {
  grid: string;
  compound: string;
  building: string;
  household: string;
  /** The building head on duty there. */
  person: string;
  /** A request (诉求) of the household, in hand, naming the person on duty. */
  request: string;
}

export interface MatrixStreet {
  t: TestRuntime;
  admin: Caller;
  at: Record<Where, Place>;
  /** Real names, phones and ID numbers of the residents and people on duty. */
  secrets: { names: string[]; numbers: string[] };
  accountId(role: Role): string;
  /** A screening round over the street, started once per test by the administrator. */
  round(): Promise<string>;
  /** A statuses spreadsheet in the file store, uploaded by the caller. */
  upload(caller: Caller): string;
  dataDir: string;
}

const PEOPLE: Record<Where, { head: Person; spouse: Person; onDuty: Person }> = {
  inside: {
    head: { name: '欧阳明珠', phone: '13911112222', idNumber: '370202198203034417' },
    spouse: { name: '司马建国', phone: '13922223333', idNumber: '370202198104045518' },
    onDuty: { name: '诸葛秀兰', phone: '13933334444', idNumber: '370202197905056619' },
  },
  outside: {
    head: { name: '上官玉梅', phone: '13944445555', idNumber: '370202198506067710' },
    spouse: { name: '东方海涛', phone: '13955556666', idNumber: '370202198707078811' },
    onDuty: { name: '慕容春生', phone: '13966667777', idNumber: '370202197308089912' },
  },
};

interface Person {
  name: string;
  phone: string;
  idNumber: string;
}

/**
 * The test street with, in each of the two grids, a household of two residents, a building head
 * on duty, and a request recorded by the administrator naming them.
 */
export async function openMatrixStreet(): Promise<MatrixStreet> {
  const t = makeRuntime();
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const admin = await signIn(t.runtime, ROLE_USERS.admin);
  const buildings: Record<Where, string> = { inside: t.territory.buildings[0]!, outside: t.otherGrid.building };
  const at = {} as Record<Where, Place>;
  for (const where of ['inside', 'outside'] as const) {
    const building = buildings[where];
    const { grid_id: grid, compound_id: compound } = sqlite.prepare('SELECT grid_id, compound_id FROM buildings WHERE id = ?').get(building) as {
      grid_id: string;
      compound_id: string;
    };
    const { head, spouse, onDuty } = PEOPLE[where];
    const household = uuidv7();
    sqlite
      .prepare(`INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, 'h', 'test', ?, '1单元101', 'registered')`)
      .run(household, building);
    const resident = sqlite.prepare(
      `INSERT INTO residents (id, hlc, origin, household_id, building_id, name, gender, birth_year, id_number, phone, relation, registration)
       VALUES (?, 'h', 'test', ?, ?, ?, 'female', 1982, ?, ?, ?, 'registered')`,
    );
    resident.run(uuidv7(), household, building, head.name, head.idNumber, head.phone, 'head');
    resident.run(uuidv7(), household, building, spouse.name, spouse.idNumber, spouse.phone, 'spouse');
    const person = uuidv7();
    sqlite
      .prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, party_member, source) VALUES (?, 'h', 'test', ?, 'female', ?, ?, 1, 'resident')`)
      .run(person, onDuty.name, onDuty.phone, onDuty.idNumber);
    sqlite
      .prepare(`INSERT INTO duty_assignments (id, hlc, origin, person_id, role, scope_type, scope_id, since) VALUES (?, 'h', 'test', ?, 'building_head', 'building', ?, 0)`)
      .run(uuidv7(), person, building);
    const request = await admin.call('requests.create', {
      buildingId: building, householdId: household, kind: 'medicine', title: '降压药两盒', source: 'hotline', requester: `${head.name}（1单元101）`, handler: onDuty.name,
    });
    await admin.call('requests.accept', { id: request.id, handler: onDuty.name });
    at[where] = { grid, compound, building, household, person, request: request.id };
  }
  const all = Object.values(PEOPLE).flatMap((p) => Object.values(p));
  const accounts = await admin.call('accounts.list');
  let round: Promise<string> | undefined;
  return {
    t,
    admin,
    at,
    dataDir: t.dataDir,
    secrets: { names: all.map((p) => p.name), numbers: all.flatMap((p) => [p.phone, p.idNumber]) },
    accountId: (role) => accounts.find((a) => a.username === ROLE_USERS[role])!.id,
    round: () => (round ??= admin.callJob('screening.start', { scope: { type: 'street' } }).then((r) => r.id)),
    upload: (caller) => {
      const { id, path } = reserveFile(t.dataDir);
      writeFileSync(path, '代码,名称,英文名称,颜色,等级\r\nwatch,观察,Watch,#1677ff,5\r\n');
      return commitFile(t.dataDir, id, { name: '状态.csv', kind: 'upload', ownerId: caller.session.accountId! }).id;
    },
  };
}
