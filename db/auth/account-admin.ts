import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { ServiceError } from '../errors';
import { accountById, listAccounts, type AccountRow } from './accounts';
import { authorize } from './permissions';
import type { Actor, Role } from './roles';

export interface AccountChange {
  id: string;
  displayName?: string;
  role?: Role;
  gridIds?: string[];
  seesPersonalData?: boolean;
  disabled?: boolean;
}

export function listAccountsFor(sqlite: Database.Database, actor: Actor): AccountRow[] {
  authorize(actor, 'accounts.manage');
  return listAccounts(sqlite);
}

/** Changes an account's name, role, grids, personal-data grant or enabled state, audited. */
export function updateAccount(sqlite: Database.Database, actor: Actor, change: AccountChange, now = Date.now()): AccountRow {
  authorize(actor, 'accounts.manage');
  const current = accountById(sqlite, change.id);
  if (!current) throw new ServiceError('NOT_FOUND', 'account.notFound', {}, 'id');
  const next = { ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as AccountRow;
  if (next.role === 'grid_worker' && next.gridIds.length === 0) throw new ServiceError('INVALID_INPUT', 'account.gridsRequired', {}, 'gridIds');
  if (current.id === actor.id && (next.disabled || next.role !== 'admin')) {
    throw new ServiceError('INVALID_INPUT', 'account.keepSelf', {}, change.disabled ? 'disabled' : 'role');
  }
  const admins = listAccounts(sqlite).filter((a) => a.role === 'admin' && !a.disabled && a.id !== current.id).length;
  if (current.role === 'admin' && (next.role !== 'admin' || next.disabled) && admins === 0) {
    throw new ServiceError('INVALID_INPUT', 'account.lastAdmin', {}, 'role');
  }
  if (next.gridIds.length > 0) {
    const known = sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM grids WHERE id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(next.gridIds))!;
    if (known.n !== new Set(next.gridIds).size) throw new ServiceError('INVALID_INPUT', 'account.unknownGrids', {}, 'gridIds');
  }
  sqlite.transaction(() => {
    sqlite
      .prepare(`UPDATE accounts SET display_name = ?, role = ?, grid_ids = ?, sees_personal_data = ?, disabled = ?, updated_at = ? WHERE id = ?`)
      .run(next.displayName, next.role, JSON.stringify(next.gridIds), next.seesPersonalData ? 1 : 0, next.disabled ? 1 : 0, now, next.id);
    const changed = Object.fromEntries(Object.entries(change).filter(([k, v]) => k !== 'id' && v !== undefined));
    appendAudit(sqlite, { actor, action: 'account.update', target: current.username, detail: changed });
  })();
  return accountById(sqlite, current.id)!;
}
