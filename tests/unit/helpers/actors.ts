import type { Actor } from '../../../db/auth/roles';

/** Who calls the services in tests that build a ServiceContext directly (no accounts, no sessions). */
export const STAFF: Actor = { id: 'acc-staff', name: '值班员小李', role: 'staff', seesPersonalData: false };
export const STAFF2: Actor = { id: 'acc-staff2', name: '值班员小赵', role: 'staff', seesPersonalData: false };
export const LEADER: Actor = { id: 'acc-leader', name: '王主任', role: 'leader', seesPersonalData: false };
export const ANALYST: Actor = { id: 'acc-analyst', name: '数据专员', role: 'analyst', seesPersonalData: false };
export const ADMIN: Actor = { id: 'acc-admin', name: '管理员', role: 'admin', seesPersonalData: true };
