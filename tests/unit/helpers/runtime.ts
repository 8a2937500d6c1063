import { cpSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { actorOf } from '../../../db/auth/accounts';
import type { Role } from '../../../db/auth/roles';
import type { Session } from '../../../db/auth/sessions';
import type { ApiResponse, JobInfo, JobResults, MethodInput, MethodName, MethodResult } from '../../../electron/api';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { dispatch } from '../../../electron/rpc/dispatch';
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
  /** The administrator's recovery code, made at setup. */
  recoveryCode: string;
}

type Template = Omit<TestRuntime, 'runtime'>;
let template: Template | undefined;

/** Built once per test file and closed at once: a data dir no test ever opens, only copies. */
function theTemplate(): Template {
  if (template) return template;
  const dataDir = tempDir('griddesk-template-');
  const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker });
  try {
    const { account, recoveryCode } = runtime.vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
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
    template = { dataDir, territory, otherGrid, recoveryCode };
    return template;
  } finally {
    runtime.close();
  }
}

/**
 * A fresh encrypted data dir of its own with a tiny territory and one account per role (all with
 * PASSWORD), unlocked. Each call copies a closed template, so every test can have its own.
 */
export function makeRuntime(options: { idleMinutes?: number; now?: () => number } = {}): TestRuntime {
  const { dataDir: from, territory, otherGrid, recoveryCode } = theTemplate();
  const dataDir = tempDir();
  cpSync(from, dataDir, { recursive: true });
  const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker, ...options });
  runtime.vault.login('admin', PASSWORD);
  return { runtime, dataDir, territory, otherGrid, recoveryCode };
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

/** The input argument of a method: optional when every field of its input is. */
export type InputArg<M extends MethodName> = Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>];

/** A method's reply, typed by the contract. */
export type Reply<M extends MethodName> = ApiResponse<MethodResult<M>>;

/** A call the services refused, carrying their error. */
export class RefusedCall extends Error {
  constructor(
    readonly method: string,
    readonly error: { code: string; message: string; field?: string },
  ) {
    super(`${method} was refused: ${error.code} ${error.message}${error.field ? ` (${error.field})` : ''}`);
  }
}

export interface Caller {
  session: Session;
  /** Calls a method of the contract and returns its result; a refusal fails the test with the error. */
  call<M extends MethodName>(method: M, ...input: InputArg<M>): Promise<MethodResult<M>>;
  /** Calls a method of the contract with well-typed input and returns the whole reply, to check refusals. */
  reply<M extends MethodName>(method: M, ...input: InputArg<M>): Promise<Reply<M>>;
  /**
   * Calls a method that starts a job, waits for the job and returns what it handed back; a refusal
   * of the call, or a job that failed or was cancelled, fails the test with the error.
   */
  callJob<M extends keyof JobResults>(method: M, ...input: InputArg<M>): Promise<JobResults[M]>;
  /** Sends anything, as a client could: only for tests that deliberately send a bad method name or input. */
  sendUntyped(method: string, input?: unknown): Promise<ApiResponse<unknown>>;
}

/** A session signed in as the given user; returns callers bound to it. */
export async function signIn(rt: GridRuntime, username: string, password = PASSWORD): Promise<Caller> {
  const session = rt.sessions.create();
  const sendUntyped = (method: string, input: unknown = {}) => dispatch(rt, session.id, { mode: 'browser' }, method, input);
  const login = await sendUntyped('auth.login', { username, password });
  if (!login.ok) throw new Error(`sign-in of ${username} failed: ${login.error.message}`);
  const reply = <M extends MethodName>(method: M, ...input: InputArg<M>) => sendUntyped(method, input[0] ?? {}) as Promise<Reply<M>>;
  return {
    session,
    sendUntyped,
    reply,
    call: async (method, ...input) => {
      const answer = await reply(method, ...input);
      if (!answer.ok) throw new RefusedCall(method, answer.error);
      return answer.result;
    },
    callJob: async (method, ...input) => {
      const answer = await reply(method, ...input);
      if (!answer.ok) throw new RefusedCall(method, answer.error);
      const job = await rt.jobs.wait((answer.result as JobInfo).id);
      if (job.state !== 'done') throw new RefusedCall(method, job.error ?? { code: 'CANCELLED', message: job.state });
      return job.result as never;
    },
  };
}
