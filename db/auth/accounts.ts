import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import { uuidv7 } from '../sync/ids';
import type { Actor, Role } from './roles';
import type { AccountInfo } from '../../electron/api/auth';

/** An account as stored: what the contract shows of it, and when it and its password changed. */
export interface AccountRow extends AccountInfo {
  updatedAt: number;
  passwordChangedAt: number;
}

interface RawAccount {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  grid_ids: string;
  sees_personal_data: number;
  disabled: number;
  created_at: number;
  updated_at: number;
  password_changed_at: number;
  last_login_at: number | null;
}

const COLUMNS = 'id, username, display_name, role, grid_ids, sees_personal_data, disabled, created_at, updated_at, password_changed_at, last_login_at';

function fromRow(r: RawAccount): AccountRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    gridIds: JSON.parse(r.grid_ids) as string[],
    seesPersonalData: r.sees_personal_data === 1,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    passwordChangedAt: r.password_changed_at,
    lastLoginAt: r.last_login_at,
  };
}

export const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

/** At least 8 characters, and at least two of: letters, digits, other characters. Null when strong enough. */
export function checkPasswordStrength(password: string): 'password.tooShort' | 'password.tooLong' | 'password.tooSimple' | null {
  if (password.length < 8) return 'password.tooShort';
  if (password.length > 256) return 'password.tooLong';
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) return 'password.tooSimple';
  return null;
}

export function accountByUsername(sqlite: Database.Database, username: string): AccountRow | undefined {
  const row = sqlite.prepare<unknown[], RawAccount>(`SELECT ${COLUMNS} FROM accounts WHERE username = ?`).get(username);
  return row && fromRow(row);
}

const byIdStatements = new WeakMap<Database.Database, Database.Statement<[string], RawAccount>>();

/** Runs on every call (the account as it is now), so its statement is prepared once per connection. */
export function accountById(sqlite: Database.Database, id: string): AccountRow | undefined {
  let statement = byIdStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<[string], RawAccount>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`);
    byIdStatements.set(sqlite, statement);
  }
  const row = statement.get(id);
  return row && fromRow(row);
}

export function listAccounts(sqlite: Database.Database): AccountRow[] {
  return sqlite.prepare<unknown[], RawAccount>(`SELECT ${COLUMNS} FROM accounts ORDER BY created_at`).all().map(fromRow);
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  gridIds?: string[];
  seesPersonalData?: boolean;
}

export function insertAccount(sqlite: Database.Database, input: NewAccount, now = Date.now()): AccountRow {
  if (!USERNAME_RE.test(input.username)) {
    throw new ServiceError('INVALID_INPUT', 'account.usernameFormat', {}, 'username');
  }
  if (accountByUsername(sqlite, input.username)) throw new ServiceError('CONFLICT', 'account.usernameTaken', { username: input.username }, 'username');
  if (input.role === 'grid_worker' && !(input.gridIds && input.gridIds.length > 0)) {
    throw new ServiceError('INVALID_INPUT', 'account.gridsRequired', {}, 'gridIds');
  }
  const id = uuidv7(now);
  sqlite
    .prepare(
      `INSERT INTO accounts (id, username, display_name, role, grid_ids, sees_personal_data, disabled, created_at, updated_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    )
    .run(id, input.username, input.displayName, input.role, JSON.stringify(input.gridIds ?? []), input.seesPersonalData ? 1 : 0, now, now, now);
  return accountById(sqlite, id)!;
}

export function actorOf(account: AccountRow): Actor {
  return {
    id: account.id,
    name: account.displayName,
    role: account.role,
    seesPersonalData: account.role === 'admin' || account.seesPersonalData,
    ...(account.role === 'grid_worker' ? { gridIds: account.gridIds } : {}),
  };
}
