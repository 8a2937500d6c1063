import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../db/auth/vault';
import { runSeed } from '../../../electron/seed/run-seed';
import { FAST_KDF } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function griddesk(args: string[], password: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/main.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, GRIDDESK_PASSWORD: password },
  });
}

describe('griddesk audit verify', () => {
  it('passes an intact chain, then names the first entry someone edited directly in SQLite', () => {
    const dataDir = tempDir();
    runSeed({ dataDir, preset: 'small', seed: 5, password: 'demo-pass-2026', kdf: FAST_KDF });
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    for (let i = 0; i < 3; i++) vault.login(i % 2 ? 'zhiban' : 'lingdao', 'demo-pass-2026');
    vault.close();

    const intact = griddesk(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin'], 'demo-pass-2026');
    expect(intact.stdout).toMatch(/审计链完整：共 \d+ 条/);
    expect(intact.status).toBe(0);

    // An attacker with the key edits entry 4 in place (the append-only trigger has to go first).
    const attacker = new Vault(dataDir, { kdf: FAST_KDF });
    attacker.login('admin', 'demo-pass-2026');
    const sqlite = attacker.requireOpen().opened.sqlite;
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare(`UPDATE audit_log SET actor_name = '别人' WHERE seq = 4`).run();
    attacker.close();

    const caught = griddesk(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin'], 'demo-pass-2026');
    expect(caught.status).toBe(3);
    expect(caught.stderr).toMatch(/第 4 条/);
  });

  it('refuses a wrong password and an account without the permission, changing nothing', () => {
    const dataDir = tempDir();
    runSeed({ dataDir, preset: 'small', seed: 5, password: 'demo-pass-2026', kdf: FAST_KDF });
    const wrong = griddesk(['audit', 'verify', '--data-dir', dataDir, '--user', 'admin'], 'nope-nope-1');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/用户名或密码不对/);
    const leader = griddesk(['audit', 'verify', '--data-dir', dataDir, '--user', 'lingdao'], 'demo-pass-2026');
    expect(leader.status).toBe(4);
    expect(leader.stderr).toMatch(/没有「查看审计日志」的权限/);
  });
});
