import type { Actor } from '../../db/auth/roles';

/** Who holds the start secret: the operator who started this process on this machine. */
export const LOCAL_ACTOR: Actor = { id: 'local', name: '本机操作员', role: 'admin', seesPersonalData: false };
