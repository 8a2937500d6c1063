import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../db/jobs/journal';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { runSeed } from '../../../electron/seed/run-seed';
import { seedAsJob } from '../../../electron/seed/seed-job';
import { FAST_KDF, signIn } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';

describe('the first-start demo seed', () => {
  it('runs as a job of the data directory: progress, a summary administrators see, and no recovery code in the list', async () => {
    const dataDir = tempDir();
    const phases: string[] = [];
    const made = await seedAsJob(
      dataDir,
      (onProgress) => Promise.resolve(runSeed({ dataDir, preset: 'small', seed: 2, password: 'demo-pass-2026', kdf: FAST_KDF }, onProgress)),
      (job) => phases.push(`${job.state}:${job.phase}`),
    );
    expect(made.recoveryCode).toMatch(/\w{4}/);
    expect(phases[0]).toBe('queued:排队中');
    expect(phases.at(-1)).toMatch(/^done:/);
    expect(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')).not.toContain(made.recoveryCode);

    const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF });
    const admin = await signIn(runtime, 'admin', 'demo-pass-2026');
    // Beside it: the integrity check started when the database was opened.
    const seed = (await admin.call('jobs.list', {})).find((job) => job.kind === 'seed');
    expect(seed).toMatchObject({ kind: 'seed', state: 'done', ownerId: 'system', summary: '已生成演示街道：3 个社区，24 个网格，400 栋楼' });
    const staff = await signIn(runtime, 'zhiban', 'demo-pass-2026');
    expect(await staff.call('jobs.list', {})).toEqual([]);
    runtime.close();
  });

  it('fails as a job, and says why, when the data directory already has data', async () => {
    const dataDir = tempDir();
    runSeed({ dataDir, preset: 'small', seed: 2, password: 'demo-pass-2026', kdf: FAST_KDF });
    await expect(
      seedAsJob(dataDir, (onProgress) => Promise.resolve().then(() => runSeed({ dataDir, preset: 'small', seed: 2, kdf: FAST_KDF }, onProgress))),
    ).rejects.toThrow(/已有数据/);
    const journal = JSON.parse(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')) as { kind: string; state: string }[];
    expect(journal.at(-1)).toMatchObject({ kind: 'seed', state: 'failed' });
  });
});
