import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../db/auth/roles';
import { ageDecrypt, ageEncrypt } from '../../db/bundles/age-format';
import { readContainer, readPayload } from '../../db/bundles/container';
import { exportBundle } from '../../db/bundles/exchange';
import type { ImportJobInput } from '../../db/bundles/jobs';
import { officeIdentity } from '../../db/bundles/identity';
import { keyCardText } from '../../db/bundles/key-card';
import { requireIdentity, selfParty } from '../../db/bundles/office';
import { addPartner } from '../../db/bundles/trust-list';
import { openDatabase } from '../../db/client/open';
import { newOfficeKey } from '../../db/office-key/key';
import { databaseFile } from '../../db/host';
import { runInThread } from '../../db/jobs/thread';
import { travelling, type TravellingName } from '../../db/sync/registry';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { BUILT_WORKER, emit, freshDir, median, percentile } from './lib';

const ADMIN: Actor = { id: 'bench-admin', name: '管理员', role: 'admin', seesPersonalData: true };
/** Runs per figure (the median is reported); `GRIDDESK_BENCH_BUNDLE_RUNS` lowers it on a busy machine. */
const RUNS = Number(process.env.GRIDDESK_BENCH_BUNDLE_RUNS ?? 3);
const AGE_BYTES = 64 * 1024 * 1024;

/**
 * How late a 10 ms `setInterval` fires while `work` runs on this thread (the one that would answer
 * the window's calls): every tick's lateness in ms, for the max and the 99th percentile.
 */
async function drift<T>(work: () => Promise<T>, lateness: number[]): Promise<T> {
  const EVERY = 10;
  let expected = performance.now() + EVERY;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - expected));
    expected = now + EVERY;
  }, EVERY);
  try {
    const result = await work();
    lateness.push(Math.max(0, performance.now() - expected));
    return result;
  } finally {
    clearInterval(timer);
  }
}

const stallFigures = (lateness: number[]) => ({ maxMs: Math.round(Math.max(...lateness)), p99Ms: Math.round(percentile(lateness, 99)) });

/** An empty migrated database file to copy: the import target, and the sqlite3 tool's. */
function emptyDatabase(dir: string): string {
  const file = join(dir, 'empty.db');
  openDatabase({ file }).close();
  return file;
}

/**
 * Bundles on the large preset: a full export, and its import into an empty database, in rows/s,
 * against the sqlite3 command-line tool loading the same rows (JSON read by SQLite's own
 * json_each) into the same empty schema in the same run; then age encryption and decryption of
 * the same payload against the Debian `age` tool. Medians of three runs.
 */
export async function benchBundles(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const ctx = rt.vault.requireOpen().context(ADMIN);
  const street = { sqlite: ctx.sqlite, identity: requireIdentity(largeDir), nodeId: ctx.nodeId, actor: ADMIN, clock: ctx.clock, dataDir: largeDir };
  const city = officeIdentity(newOfficeKey());
  const cityCard = keyCardText({ name: '市数据中心', officeCode: 'BENCHCITY', keyId: city.keyId, minisignPublicKey: city.minisignPublicKey, ageRecipient: city.ageRecipient });
  const partner = addPartner(ctx.sqlite, ADMIN, cityCard, street.identity.keyId);

  const exportMs: number[] = [];
  let built = await exportBundle(street, { partnerIds: [partner.id], scope: 'all' });
  const exportLateness: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    built = await drift(() => exportBundle(street, { partnerIds: [partner.id], scope: 'all' }), exportLateness);
    exportMs.push(performance.now() - t);
  }
  const rows = built.rows;
  const dir = freshDir('bundles');
  const empty = emptyDatabase(dir);

  // The import as the app runs it: a job thread on its own connection; the drift is this thread's, the one serving calls.
  const bundleFile = join(dir, 'bundle.gdbundle');
  writeFileSync(bundleFile, built.bytes);
  const importMs: number[] = [];
  const importLateness: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const target = join(dir, `import-${i}`);
    mkdirSync(target);
    copyFileSync(empty, databaseFile(target));
    const opened = openDatabase({ file: databaseFile(target) });
    addPartner(opened.sqlite, ADMIN, keyCardText(selfParty(ctx.sqlite, ctx.nodeId, street.identity)), city.keyId);
    opened.close();
    const input: ImportJobInput = { path: bundleFile, fileName: 'bundle.gdbundle', allowReplay: false, signing: city.signing };
    const control = { progress: () => {}, signal: new AbortController().signal };
    const t = performance.now();
    await drift(() => runInThread(BUILT_WORKER, { kind: 'bundles.import', input, dataDir: target, key: null, actor: ADMIN, nodeId: 'benchcity' }, control, () => {}), importLateness);
    importMs.push(performance.now() - t);
  }

  // The same rows for the sqlite3 tool: one JSON array per table, loaded with json_each in one transaction.
  const encrypted = readContainer(built.bytes).encrypted;
  const decrypted = await ageDecrypt(encrypted, [city.ageIdentity]);
  const files = readPayload(decrypted);
  const script = ['BEGIN;', 'PRAGMA defer_foreign_keys = ON;'];
  for (const [name, bytes] of files) {
    const table = /^tables\/(.+)\.jsonl$/.exec(name)?.[1];
    if (!table) continue;
    const json = join(dir, `${table}.json`);
    writeFileSync(json, `[${Buffer.from(bytes).toString('utf8').trimEnd().split('\n').join(',')}]`);
    const columns = ['id', 'hlc', 'origin', 'deleted', ...travelling(table as TravellingName).columns];
    // The built-in statuses exist in every new database, as they do for the import.
    script.push(
      `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((c) => `json_extract(value, '$.${c}')`).join(', ')} FROM json_each(readfile('${json}'));`,
    );
  }
  script.push('COMMIT;');
  const cliMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const file = join(dir, `cli-${i}.db`);
    copyFileSync(empty, file);
    const t = performance.now();
    execFileSync('/usr/bin/sqlite3', [file], { input: script.join('\n') });
    cliMs.push(performance.now() - t);
  }
  const exportRate = (rows / median(exportMs)) * 1000;
  const importRate = (rows / median(importMs)) * 1000;
  const cliRate = (rows / median(cliMs)) * 1000;
  emit('bundles.export_all', median(exportMs), 'ms', { rows, bytes: built.bytes.length });
  emit('bundles.export_rate', exportRate, 'rows/s', { vsSqlite3Cli: Math.round((exportRate / cliRate) * 100) / 100 });
  emit('bundles.import_empty', median(importMs), 'ms', { rows });
  emit('bundles.import_rate', importRate, 'rows/s', { vsSqlite3Cli: Math.round((importRate / cliRate) * 100) / 100 });
  emit('bundles.export_stall', stallFigures(exportLateness).maxMs, 'ms', { ...stallFigures(exportLateness), ticks: exportLateness.length });
  // The same thread idle for a while, in the same run: what the machine's load alone costs a timer.
  const idleLateness: number[] = [];
  await drift(() => new Promise((r) => setTimeout(r, 5000)), idleLateness);
  emit('bundles.import_stall', stallFigures(importLateness).maxMs, 'ms', {
    ...stallFigures(importLateness),
    ticks: importLateness.length,
    idle: stallFigures(idleLateness),
    design: 'import in a job thread',
  });
  emit('bundles.sqlite3_cli_load', cliRate, 'rows/s', { ms: Math.round(median(cliMs)) });

  // age on the same bytes: this implementation (its STREAM in a worker thread) against the Debian tool. A small preset's payload
  // is topped up to 64 MiB with random bytes, so the tool's process start does not decide the figure.
  const payload = built.bytes.length >= AGE_BYTES ? decrypted : Buffer.concat([decrypted, randomBytes(AGE_BYTES - decrypted.length)]);
  const plain = join(dir, 'payload.zip');
  const sealed = join(dir, 'payload.age');
  const idFile = join(dir, 'city.key');
  writeFileSync(plain, payload);
  writeFileSync(idFile, `${city.ageIdentity}\n`, { mode: 0o600 });
  const mb = payload.length / 1024 / 1024;
  const jsEnc: number[] = [];
  const jsDec: number[] = [];
  const cliEnc: number[] = [];
  const cliDec: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const out = await ageEncrypt(payload, [city.ageRecipient]);
    jsEnc.push(performance.now() - t);
    t = performance.now();
    await ageDecrypt(out, [city.ageIdentity]);
    jsDec.push(performance.now() - t);
    t = performance.now();
    execFileSync('/usr/bin/age', ['-r', city.ageRecipient, '-o', sealed, plain]);
    cliEnc.push(performance.now() - t);
    t = performance.now();
    execFileSync('/usr/bin/age', ['-d', '-i', idFile, '-o', join(dir, 'back.zip'), sealed]);
    cliDec.push(performance.now() - t);
  }
  const rate = (ms: number[]) => mb / (median(ms) / 1000);
  emit('bundles.age_encrypt', rate(jsEnc), 'MB/s', { mb: Math.round(mb * 10) / 10, vsAgeCli: Math.round((rate(jsEnc) / rate(cliEnc)) * 100) / 100, ageCli: Math.round(rate(cliEnc)) });
  emit('bundles.age_decrypt', rate(jsDec), 'MB/s', { vsAgeCli: Math.round((rate(jsDec) / rate(cliDec)) * 100) / 100, ageCli: Math.round(rate(cliDec)) });
  rt.close();
}
