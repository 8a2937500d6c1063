import type { Role } from '../../../electron/api';
import type { MessageKey } from '../../i18n';

/** Account roles in display order, with their label keys (管理员/值班员/领导/数据专员/网格员). */
export const ROLES: readonly Role[] = ['admin', 'staff', 'leader', 'analyst', 'grid_worker'];

export const ROLE_LABEL: Record<Role, MessageKey> = {
  admin: 'account.role.admin',
  staff: 'account.role.staff',
  leader: 'account.role.leader',
  analyst: 'account.role.analyst',
  grid_worker: 'account.role.grid_worker',
};

/** Label key of a role that may come as a bare string (the audit log stores it as text). */
export function roleLabel(role: string): MessageKey | null {
  return (ROLE_LABEL as Record<string, MessageKey | undefined>)[role] ?? null;
}
