import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actorOf } from '../../db/auth/accounts';
import { Vault } from '../../db/auth/vault';
import type { Role } from '../../db/auth/roles';
import { appendAudit } from '../../db/audit/append';
import { seedDatabase, type SeedPreset, type SeedSummary } from '../../db/seed';

/** Marks a demo data directory and lists its account names for the sign-in page. */
export const DEMO_FILE = 'demo.json';

/** Password of the demo accounts when none is given. Demo data only: say so wherever it is shown. */
export const DEMO_PASSWORD = 'griddesk-demo-2026';

/** One demo account per role; the grid worker gets the first two grids. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'zhiban', displayName: '值班员 王海燕', role: 'staff' },
  { username: 'lingdao', displayName: '街道领导 刘建国', role: 'leader' },
  { username: 'shuju', displayName: '数据专员 陈思远', role: 'analyst' },
  { username: 'wangge', displayName: '网格员 李秀梅', role: 'grid_worker' },
];

export interface SeedRequest {
  dataDir: string;
  preset: SeedPreset;
  seed: number;
  /** Password of every demo account; DEMO_PASSWORD when absent. */
  password?: string;
  /** scrypt cost override (tests). */
  kdf?: { N: number; r: number; p: number };
}

export type SeedProgress = { phase: string; done: number; total: number };

/**
 * Makes a demo data directory: an encrypted database whose key is wrapped for one account per
 * role, filled with a generated street office.
 */
export function runSeed(request: SeedRequest, onProgress?: (p: SeedProgress) => void): SeedSummary & { recoveryCode: string } {
  const password = request.password ?? DEMO_PASSWORD;
  const vault = new Vault(request.dataDir, request.kdf ? { kdf: request.kdf } : {});
  if (vault.state !== 'setup-required') {
    throw new Error(`数据目录 ${request.dataDir} 已有数据，不能再生成演示数据。请换一个空目录`);
  }
  try {
    const [admin, ...others] = DEMO_ACCOUNTS;
    const { recoveryCode, account } = vault.setup({ username: admin!.username, displayName: admin!.displayName, password });
    const sqlite = vault.requireOpen().opened.sqlite;
    const summary = seedDatabase(sqlite, { preset: request.preset, seed: request.seed, ...(onProgress ? { onProgress } : {}) });
    const grids = sqlite.prepare<unknown[], { id: string }>('SELECT id FROM grids ORDER BY code LIMIT 2').all().map((g) => g.id);
    for (const demo of others) {
      vault.createAccount(actorOf(account), { ...demo, password, ...(demo.role === 'grid_worker' ? { gridIds: grids } : {}) });
    }
    // Readable before anyone signs in (the database is still locked then): names only, no secrets.
    writeFileSync(join(request.dataDir, DEMO_FILE), JSON.stringify({ accounts: DEMO_ACCOUNTS.map(({ username, role }) => ({ username, role })) }));
    appendAudit(sqlite, { actor: actorOf(account), action: 'seed.demo', target: request.preset, detail: { seed: request.seed, buildings: summary.buildings } });
    return { ...summary, recoveryCode };
  } finally {
    vault.close();
  }
}
