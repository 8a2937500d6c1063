import { join } from 'node:path';
import type { Actor } from '../../../db/auth/roles';
import { openDatabase, type OpenedDatabase } from '../../../db/client/open';
import { tempDir } from '../helpers/tmp';

export const ADMIN: Actor = { id: '0193a0c4-7a1e-7c55-9d0e-2f1b3c4d5e6f', name: '张伟', role: 'admin', seesPersonalData: true };
export const STAFF: Actor = { id: '0193a0c4-7a1e-7c55-9d0e-2f1b3c4d5e70', name: '李娜', role: 'staff', seesPersonalData: true };
export const WORKER: Actor = {
  id: '0193a0c4-7a1e-7c55-9d0e-2f1b3c4d5e71',
  name: '王芳',
  role: 'grid_worker',
  gridIds: ['g1'],
  seesPersonalData: true,
};

/** A fresh GridDesk database file in a temp folder, with every shipped migration. */
export function freshDatabase(): OpenedDatabase {
  return openDatabase({ file: join(tempDir('gd-audit-'), 'g.db') });
}

export const T0 = 1_795_400_000_000;
