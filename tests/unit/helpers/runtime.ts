import type Database from 'better-sqlite3-multiple-ciphers';
import { actorOf } from '../../../db/auth/accounts';
import type { Role } from '../../../db/auth/roles';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { dispatch } from '../../../electron/rpc/dispatch';
import type { ApiError, ApiResponse, JobInfo } from '../../../electron/api';
import { insertMiniTerritory, type MiniTerritory } from './territory';
import { tempDir } from './tmp';
import { testWorker } from './worker-bundle';

/** scrypt made cheap for tests; production keeps N = 2^16. */
export const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = 'test-pass-2026';

export const ROLE_USERS: Record<Role, string> = {
  admin: 'admin',
  staff: 'zhiban',
  leader: 'lingdao',
  analyst: 'shuju',
  grid_worker: 'wangge',
};

export interface TestRuntime {
  runtime: GridRuntime;
  dataDir: string;
  territory: MiniTerritory;
  /** A grid the grid worker is not assigned to, with one building in it. */
  otherGrid: { grid: string; building: string };
}

/** An encrypted data dir with a tiny territory and one account per role (all with PASSWORD). */
export function makeRuntime(options: { idleMinutes?: number; now?: () => number } = {}): TestRuntime {
  const dataDir = tempDir();
  const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker, ...options });
  const { account } = runtime.vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
  const sqlite = runtime.vault.requireOpen().opened.sqlite;
  const territory = insertMiniTerritory(sqlite, 3);
  const otherGrid = addSecondGrid(sqlite, territory);
  for (const [role, username] of Object.entries(ROLE_USERS) as [Role, string][]) {
    if (role === 'admin') continue;
    runtime.vault.createAccount(actorOf(account), {
      username,
      displayName: `${username} 用户`,
      role,
      password: PASSWORD,
      ...(role === 'grid_worker' ? { gridIds: [territory.grid] } : {}),
    });
  }
  return { runtime, dataDir, territory, otherGrid };
}

function addSecondGrid(sqlite: Database.Database, t: MiniTerritory) {
  const grid = '01900000-0000-7000-8000-0000000000a1';
  const compound = '01900000-0000-7000-8000-0000000000a2';
  const building = '01900000-0000-7000-8000-0000000000a3';
  const ring = JSON.stringify([[[120.39, 36.06], [120.4, 36.06], [120.4, 36.07], [120.39, 36.06]]]);
  sqlite
    .prepare(`INSERT INTO grids (id, hlc, origin, zone_id, community_id, code, number, name, boundary, label_lat, label_lng) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
    .run(grid, '000001700000000:00000:test', 'test', t.zone, t.community, '370202001001-02', 2, '第2网格', ring, 36.06, 120.39);
  sqlite
    .prepare(`INSERT INTO compounds (id, hlc, origin, grid_id, name, kind, road, has_property_mgmt, open_compound) VALUES (?,?,?,?,?,?,?,?,?)`)
    .run(compound, '000001700000000:00000:test', 'test', grid, '海滨花园', 'gated', '太平路', 1, 0);
  sqlite
    .prepare(
      `INSERT INTO buildings (id, hlc, origin, compound_id, grid_id, community_id, kind, name, address, floors, unit_count, households, residents,
         has_property_mgmt, open_compound, footprint, centroid_lat, centroid_lng, status, status_since)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(building, '000001700000000:00000:test', 'test', compound, grid, t.community, 'building', '1号楼', '中山路街道 永安西里社区 海滨花园 1号楼',
      18, 3, 108, 280, 1, 0, JSON.stringify([[120.391, 36.061], [120.392, 36.061], [120.392, 36.062], [120.391, 36.061]]), 36.0615, 120.3915, 'normal', 1);
  return { grid, building };
}

/** A session signed in as the given user; returns a caller bound to it. */
export async function signIn(rt: GridRuntime, username: string, password = PASSWORD) {
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username, password });
  if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.error.message}`);
  const call = (method: string, input: unknown = {}) => dispatch(rt, session.id, { mode: 'browser' }, method, input);
  return {
    session,
    call,
    /**
     * Calls a method that starts a job and waits for the job: answers like a plain call would,
     * with the job's result, or its error once it failed (a refusal before the start comes as is).
     */
    runJob: async (method: string, input: unknown = {}): Promise<ApiResponse<unknown>> => {
      const started = await call(method, input);
      if (!started.ok) return started;
      const job = await rt.jobs.wait((started.result as JobInfo).id);
      if (job.state === 'done') return { ok: true, result: job.result };
      return { ok: false, error: (job.error ?? { code: 'INTERNAL', message: job.state }) as ApiError };
    },
  };
}
