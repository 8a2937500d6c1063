import { join } from 'node:path';
import { openDatabase } from '../../db/client/open';
import { readKeyring, unwrapSlot } from '../../db/auth/keyring';
import { queryAudit } from '../../db/audit/query';
import { appendAudit } from '../../db/audit/append';
import { seedDatabase } from '../../db/seed';
import { contract } from '../../electron/api';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, freshDir, median, timed } from './lib';

/**
 * Accounts and encryption on the large preset: sign-in (scrypt + key unwrap + opening the
 * database), what the session and permission checks add to a list call, and opening the
 * encrypted file against the same data unencrypted.
 */
export async function benchAuth(largeDir: string): Promise<void> {
  // Sign-in on a process that has not opened the database yet, five times.
  const logins = await timed(async () => {
    const rt = new GridRuntime(largeDir);
    const session = rt.sessions.create();
    const reply = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'zhiban', password: DEMO_PASSWORD });
    if (!reply.ok) throw new Error(reply.error.message);
    rt.close();
  }, 5);
  emit('auth.login', median(logins), 'ms', { runs: 5, target: 1000, includes: 'scrypt N=2^16 + unwrap + open encrypted large db' });

  // A list call (one page of 100 audit entries), through dispatch — session, account as it is
  // now, permission — against the same call with input validation and the query only.
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password: DEMO_PASSWORD });
  const sqlite = rt.vault.requireOpen().opened.sqlite;
  // A log of some weeks' use to page through.
  const actor = { id: 'bench', name: '值班员', role: 'staff' as const, seesPersonalData: false };
  sqlite.transaction(() => {
    for (let i = 0; i < 5000; i++) appendAudit(sqlite, { actor, action: i % 3 ? 'auth.login' : 'person.reveal', target: `t${i}` });
  })();
  const input = { limit: 100 };
  const schema = contract['audit.query'].input;
  const bare: number[] = [];
  const checked: number[] = [];
  for (let round = 0; round < 20; round++) {
    bare.push(median(await timed(() => queryAudit(sqlite, schema.parse(input)), 100)));
    checked.push(median(await timed(() => dispatch(rt, session.id, { mode: 'browser' }, 'audit.query', input), 100)));
  }
  const ratio = median(checked) / median(bare);
  emit('auth.check.overhead', (ratio - 1) * 100, '%', {
    target: 5,
    bareMs: median(bare),
    checkedMs: median(checked),
    addedUs: (median(checked) - median(bare)) * 1000,
    call: 'audit.query limit 100',
  });
  rt.close();

  // The same large street office, encrypted and not: open + first read.
  const key = unwrapSlot(readKeyring(largeDir)!.slots.find((s) => s.username === 'admin')!, DEMO_PASSWORD)!;
  const plainDir = freshDir('plain-large');
  const plain = openDatabase({ file: join(plainDir, 'griddesk.db') });
  seedDatabase(plain.sqlite, { preset: 'large', seed: 1 });
  plain.close();
  // Opening: checks, pragmas, migrations check — ready to answer. Then a full scan of the
  // buildings table, where every page is decrypted.
  const open = (file: string, k?: Buffer, scan = false) => () => {
    const db = openDatabase({ file, ...(k ? { key: k } : {}) });
    if (scan) db.sqlite.prepare('SELECT count(*), sum(length(footprint)) FROM buildings').get();
    db.close();
  };
  const encFile = join(largeDir, 'griddesk.db');
  const plainFile = join(plainDir, 'griddesk.db');
  const enc = await timed(open(encFile, key), 15);
  const pl = await timed(open(plainFile), 15);
  emit('db.open.encrypted', median(enc), 'ms', { runs: 15 });
  emit('db.open.plain', median(pl), 'ms', { runs: 15 });
  emit('db.open.ratio', median(enc) / median(pl), 'x', { target: 1.3 });
  const encScan = await timed(open(encFile, key, true), 9);
  const plScan = await timed(open(plainFile, undefined, true), 9);
  emit('db.openAndScan.ratio', median(encScan) / median(plScan), 'x', { encryptedMs: median(encScan), plainMs: median(plScan), scan: 'buildings, 10,000 rows' });
}
