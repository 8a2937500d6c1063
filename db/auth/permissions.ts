import type { Permission } from '../../electron/api/permissions';
import type { Localized } from '../../messages';
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
  'requests.read': ['admin', 'staff', 'leader', 'grid_worker'],
  'requests.handle': ['admin', 'staff', 'grid_worker'],
  'people.read': ['admin', 'staff', 'leader', 'grid_worker'],
  'personal.reveal': ['admin', 'staff', 'grid_worker'],
  'stats.read': ['admin', 'staff', 'leader', 'analyst'],
  'briefing.view': ['admin', 'staff', 'leader', 'analyst', 'grid_worker'],
  'briefing.configure': ['admin', 'leader'],
  'bundles.export': ['admin', 'analyst'],
  'bundles.import': ['admin', 'analyst'],
  'accounts.manage': ['admin'],
  'audit.read': ['admin'],
  'backups.manage': ['admin'],
  'staffing.read': ['admin', 'staff', 'leader', 'grid_worker'],
  'staffing.edit': ['admin', 'staff'],
  'staffing.attend': ['admin', 'staff', 'grid_worker'],
  'territory.manage': ['admin'],
  'hours.read': ['admin', 'staff', 'leader', 'analyst', 'grid_worker'],
  'hours.edit': ['admin', 'staff'],
  'hours.configure': ['admin'],
  'recognition.vote': ['admin', 'staff', 'leader', 'grid_worker'],
  'volunteers.read': ['admin', 'staff', 'leader', 'analyst', 'grid_worker'],
  'volunteers.edit': ['admin', 'staff'],
  'volunteers.configure': ['admin'],
};

export const ROLE_LABELS: Record<Role, Localized> = {
  admin: { 'zh-CN': '管理员', en: 'Administrator' },
  staff: { 'zh-CN': '值班员', en: 'Duty officer' },
  leader: { 'zh-CN': '领导', en: 'Leader' },
  analyst: { 'zh-CN': '数据专员', en: 'Data officer' },
  grid_worker: { 'zh-CN': '网格员', en: 'Grid worker' },
};

const PERMISSION_LABELS: Record<Permission, Localized> = {
  'territory.read': { 'zh-CN': '查看辖区', en: 'view the territory' },
  'buildings.read': { 'zh-CN': '查看楼栋', en: 'view buildings' },
  'buildings.edit': { 'zh-CN': '修改楼栋', en: 'edit buildings' },
  'statuses.configure': { 'zh-CN': '配置管控状态', en: 'configure control statuses' },
  'screening.run': { 'zh-CN': '发起和结束入户摸排', en: 'start and close screening rounds' },
  'screening.visit': { 'zh-CN': '登记入户摸排结果', en: 'record screening visits' },
  'requests.read': { 'zh-CN': '查看诉求', en: 'view resident requests' },
  'requests.handle': { 'zh-CN': '登记和办理诉求', en: 'record and handle resident requests' },
  'people.read': { 'zh-CN': '查看人员', en: 'view people' },
  'personal.reveal': { 'zh-CN': '查看完整身份证号和电话', en: 'see full ID and phone numbers' },
  'stats.read': { 'zh-CN': '查看统计', en: 'view statistics' },
  'briefing.view': { 'zh-CN': '查看大屏', en: 'view the briefing screen' },
  'briefing.configure': { 'zh-CN': '设置大屏轮播', en: 'set up the briefing screen' },
  'bundles.export': { 'zh-CN': '导出数据包', en: 'export data bundles' },
  'bundles.import': { 'zh-CN': '导入数据包', en: 'import data bundles' },
  'accounts.manage': { 'zh-CN': '管理账号', en: 'manage accounts' },
  'audit.read': { 'zh-CN': '查看审计日志', en: 'read the audit log' },
  'backups.manage': { 'zh-CN': '管理备份', en: 'manage backups' },
  'staffing.read': { 'zh-CN': '查看排班', en: 'view the staffing board' },
  'staffing.edit': { 'zh-CN': '编排班次', en: 'edit the staffing board' },
  'staffing.attend': { 'zh-CN': '登记到岗离岗', en: 'record sign-in and sign-out on duty' },
  'territory.manage': { 'zh-CN': '建立和修改辖区', en: 'set up and correct the territory' },
  'hours.read': { 'zh-CN': '查看志愿者队伍和服务时长', en: 'view volunteer teams and service hours' },
  'hours.edit': { 'zh-CN': '编排队伍和登记服务时长', en: 'form teams and record service hours' },
  'hours.configure': { 'zh-CN': '设置活跃志愿者门槛', en: 'set the active-volunteer threshold' },
  'recognition.vote': { 'zh-CN': '参加每月评优投票', en: 'vote in the monthly recognition' },
  'volunteers.read': { 'zh-CN': '查看志愿者名册', en: 'view the volunteer roster' },
  'volunteers.edit': { 'zh-CN': '登记和修改志愿者', en: 'register and edit volunteers' },
  'volunteers.configure': { 'zh-CN': '设置志愿者特长列表', en: 'set up the volunteer specialties' },
};

export function can(actor: Actor, permission: Permission): boolean {
  if (permission === 'personal.reveal' && actor.role === 'analyst') return actor.seesPersonalData;
  return HOLDERS[permission].includes(actor.role);
}

/** Throws FORBIDDEN unless the actor has the permission (and, when given, the grid in scope). */
export function authorize(actor: Actor, permission: Permission, scope?: { gridId?: string | readonly string[] }): void {
  if (!can(actor, permission)) {
    throw new ServiceError('FORBIDDEN', 'session.forbidden', { role: ROLE_LABELS[actor.role], name: actor.name, permission: PERMISSION_LABELS[permission] });
  }
  if (actor.role === 'grid_worker' && scope?.gridId !== undefined) {
    const wanted = typeof scope.gridId === 'string' ? [scope.gridId] : scope.gridId;
    const mine = new Set(actor.gridIds ?? []);
    if (wanted.some((g) => !mine.has(g))) throw new ServiceError('FORBIDDEN', 'session.outsideGrids', { name: actor.name, permission: PERMISSION_LABELS[permission] });
  }
}

/** The grids an actor is limited to, or null for everyone who sees the whole street. */
export function gridScope(actor: Actor): readonly string[] | null {
  return actor.role === 'grid_worker' ? (actor.gridIds ?? []) : null;
}
