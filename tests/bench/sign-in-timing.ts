import { Vault } from '../../db/auth/vault';
import { emit, freshDir, median, timed } from './lib';

/**
 * A refused sign-in with a wrong password against one with a name that is no account, at the
 * production key-derivation cost: the two medians should be the same (the name is not
 * revealed by the time of the answer). The lock of each name is cleared between runs.
 */
export async function benchSignInTiming(): Promise<void> {
  const vault = new Vault(freshDir('sign-in-timing'));
  vault.setup({ username: 'admin', displayName: '管理员', password: 'bench-pass-2026' });
  vault.close();
  const refused = (username: string) => () => {
    try {
      vault.login(username, 'not-the-password-1');
    } catch {
      vault.lockout.succeed(username);
      return;
    }
    throw new Error('the sign-in was not refused');
  };
  const runs = 11;
  const wrongPassword = median(await timed(refused('admin'), runs));
  const unknownName = median(await timed(refused('no-such-user'), runs));
  emit('auth.login.wrongPassword', wrongPassword, 'ms', { runs });
  emit('auth.login.unknownName', unknownName, 'ms', { runs, ratio: Math.round((unknownName / wrongPassword) * 100) / 100 });
  vault.close();
}
