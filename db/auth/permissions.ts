import type { Permission } from '../../electron/api/permissions';
import { ServiceError } from '../errors';
import type { Actor, Role } from './roles';

export type { Permission };

/**
 * The role matrix: who holds each permission of the contract. 管理员 all; 值班员 keeps
 * operational data current; 领导 reads everything and edits nothing; 数据专员 exchanges bundles
 * and sees aggregates (personal data only when granted); 网格员 reads and edits only the grids
 * assigned to them.
 */
const HOLDERS: Record<Permission, readonly Role[]> = {
  'territory.read': ['admin', 'staff', 'leader', 'analyst', 'grid_worker'],
  'buildings.read': ['admin', 'staff', 'leader', 'analyst', 'grid_worker'],
  'buildings.edit': ['admin', 'staff', 'grid_worker'],
  'statuses.configure': ['admin'],
  'screening.run': ['admin', 'staff'],
  'screening.visit': ['admin', 'staff', 'grid_worker'],
  'people.read': ['admin', 'staff', 'leader', 'grid_worker'],
  'personal.reveal': ['admin', 'staff', 'grid_worker'],
  'stats.read': ['admin', 'staff', 'leader', 'analyst'],
  'briefing.view': ['admin', 'staff', 'leader', 'analyst'],
  'bundles.export': ['admin', 'analyst'],
  'bundles.import': ['admin', 'analyst'],
  'accounts.manage': ['admin'],
  'audit.read': ['admin'],
  'backups.manage': ['admin'],
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  staff: '值班员',
  leader: '领导',
  analyst: '数据专员',
  grid_worker: '网格员',
};

const PERMISSION_LABELS: Record<Permission, string> = {
  'territory.read': '查看辖区',
  'buildings.read': '查看楼栋',
  'buildings.edit': '修改楼栋',
  'statuses.configure': '配置管控状态',
  'screening.run': '发起和结束入户摸排',
  'screening.visit': '登记入户摸排结果',
  'people.read': '查看人员',
  'personal.reveal': '查看完整身份证号和电话',
  'stats.read': '查看统计',
  'briefing.view': '查看大屏',
  'bundles.export': '导出数据包',
  'bundles.import': '导入数据包',
  'accounts.manage': '管理账号',
  'audit.read': '查看审计日志',
  'backups.manage': '管理备份',
};

export function can(actor: Actor, permission: Permission): boolean {
  if (permission === 'personal.reveal' && actor.role === 'analyst') return actor.seesPersonalData;
  return HOLDERS[permission].includes(actor.role);
}

/** Throws FORBIDDEN unless the actor has the permission (and, when given, the grid in scope). */
export function authorize(actor: Actor, permission: Permission, scope?: { gridId?: string | readonly string[] }): void {
  if (!can(actor, permission)) {
    throw new ServiceError('FORBIDDEN', `${ROLE_LABELS[actor.role]}「${actor.name}」没有「${PERMISSION_LABELS[permission]}」的权限`);
  }
  if (actor.role === 'grid_worker' && scope?.gridId !== undefined) {
    const wanted = typeof scope.gridId === 'string' ? [scope.gridId] : scope.gridId;
    const mine = new Set(actor.gridIds ?? []);
    if (wanted.some((g) => !mine.has(g))) throw new ServiceError('FORBIDDEN', `网格员「${actor.name}」只能${PERMISSION_LABELS[permission]}自己负责的网格`);
  }
}

/** The grids an actor is limited to, or null for everyone who sees the whole street. */
export function gridScope(actor: Actor): readonly string[] | null {
  return actor.role === 'grid_worker' ? (actor.gridIds ?? []) : null;
}
