import { readFileSync } from 'node:fs';
import { Vault } from '../../db/auth/vault';

/**
 * Opens a data dir's encrypted database for a command-line tool, as a named account. The
 * password comes from GRIDDESK_PASSWORD or, when that is unset, from the first line of stdin —
 * never from an argument, which other users of the machine could read in the process list.
 */
export function unlockForCli(dataDir: string, username: string): { vault: Vault; actor: ReturnType<Vault['login']>['actor'] } {
  const password = process.env.GRIDDESK_PASSWORD ?? readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  const vault = new Vault(dataDir);
  if (vault.state === 'setup-required') throw new Error(`${dataDir} 中没有 GridDesk 数据`);
  const { actor } = vault.login(username, password);
  return { vault, actor };
}
