import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../db/jobs/journal';
import { JobManager, type RunnerControl } from '../../../db/jobs/manager';
import { JobCancelled } from '../../../db/jobs/types';
import type { JobInfo } from '../../../electron/api';
import { ADMIN, STAFF, STAFF2 } from '../helpers/actors';
import { tempDir } from '../helpers/tmp';

/** A job body the test drives by hand: it runs until `finish` or `fail` is called, or it is cancelled. */
function gate() {
  let control!: RunnerControl;
  let finish!: (summary: string) => void;
  let fail!: (err: Error) => void;
  let ready!: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  function run(c: RunnerControl) {
    control = c;
    ready();
    return new Promise<{ summary: string }>((resolve, reject) => {
      finish = (summary) => resolve({ summary });
      fail = reject;
      c.signal.addEventListener('abort', () => reject(new JobCancelled()));
    });
  }
  return { run, started, control: () => control, finish: (s: string) => finish(s), fail: (e: Error) => fail(e) };
}

function manager(dataDir = tempDir()) {
  const events: JobInfo[] = [];
  let now = 1_000_000;
  const jobs = new JobManager(dataDir, (event, payload) => event === 'jobs.changed' && events.push(payload as JobInfo), () => now);
  return { jobs, events, dataDir, advance: (ms: number) => (now += ms) };
}

describe('the job system', () => {
  it('reports a job from queued to running to done, with throttled progress and its summary', async () => {
    const { jobs, events, advance } = manager();
    const g = gate();
    const job = jobs.start({ kind: 'buildings.export', label: '导出楼栋 Excel', owner: STAFF, lane: 'read', run: g.run });
    expect(job).toMatchObject({ state: 'running', ownerId: STAFF.id, label: '导出楼栋 Excel' });
    await g.started;
    g.control().progress('写入楼栋', 10, 100);
    g.control().progress('写入楼栋', 20, 100); // within the throttle window: not sent
    advance(500);
    g.control().progress('写入楼栋', 90, 100);
    g.finish('已导出 100 栋楼');
    const done = await jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', summary: '已导出 100 栋楼', done: 90, total: 100 });
    expect(events.map((e) => `${e.state}:${e.done}`)).toEqual(['queued:0', 'running:0', 'running:10', 'running:90', 'done:90']);
  });

  it('runs write jobs one at a time in start order, and read jobs beside them', async () => {
    const { jobs } = manager();
    const [w1, w2, r] = [gate(), gate(), gate()];
    const first = jobs.start({ kind: 'a', label: 'a', owner: STAFF, lane: 'write', run: w1.run });
    const second = jobs.start({ kind: 'b', label: 'b', owner: STAFF, lane: 'write', run: w2.run });
    const reader = jobs.start({ kind: 'c', label: 'c', owner: STAFF, lane: 'read', run: r.run });
    await Promise.all([w1.started, r.started]);
    expect(jobs.get(STAFF, second.id).state).toBe('queued');
    expect(jobs.get(STAFF, reader.id).state).toBe('running');
    w1.finish('1');
    await jobs.wait(first.id);
    await w2.started;
    expect(jobs.get(STAFF, second.id).state).toBe('running');
    w2.finish('2');
    r.finish('3');
    expect((await jobs.wait(second.id)).state).toBe('done');
  });

  it('cancels a running job (its body sees the abort) and a queued one (it never runs)', async () => {
    const { jobs } = manager();
    const [running, queued] = [gate(), gate()];
    const a = jobs.start({ kind: 'a', label: 'a', owner: STAFF, lane: 'write', run: running.run });
    const b = jobs.start({ kind: 'b', label: 'b', owner: STAFF, lane: 'write', run: queued.run });
    await running.started;
    jobs.cancel(STAFF, b.id);
    jobs.cancel(STAFF, a.id);
    expect(await jobs.wait(a.id)).toMatchObject({ state: 'cancelled', error: null });
    expect(await jobs.wait(b.id)).toMatchObject({ state: 'cancelled', startedAt: null });
    expect(() => jobs.cancel(STAFF, a.id)).toThrowError(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('shows each account its own jobs only (an administrator sees all), and lets no one else cancel them', async () => {
    const { jobs } = manager();
    const g = gate();
    const mine = jobs.start({ kind: 'a', label: 'a', owner: STAFF, lane: 'read', run: g.run });
    expect(jobs.list(STAFF).map((j) => j.id)).toEqual([mine.id]);
    expect(jobs.list(STAFF2)).toEqual([]);
    expect(jobs.list(ADMIN).map((j) => j.id)).toEqual([mine.id]);
    expect(() => jobs.cancel(STAFF2, mine.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => jobs.get(STAFF2, mine.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    await g.started;
    g.finish('ok');
    await jobs.wait(mine.id);
  });

  it('keeps a failed job with its error in Chinese', async () => {
    const { jobs } = manager();
    const g = gate();
    const job = jobs.start({ kind: 'a', label: 'a', owner: STAFF, lane: 'read', run: g.run });
    await g.started;
    g.fail(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    expect(await jobs.wait(job.id)).toMatchObject({ state: 'failed', error: { code: 'DATABASE', message: expect.stringContaining('数据未改动') } });
  });

  it('starts on a data directory that does not exist yet, and makes it for its list', async () => {
    const dataDir = join(tempDir(), 'not-yet', 'made');
    const { jobs } = manager(dataDir);
    expect(existsSync(dataDir)).toBe(false);
    const g = gate();
    const job = jobs.start({ kind: 'seed', label: '生成演示数据', owner: STAFF, lane: 'write', run: g.run });
    await g.started;
    g.finish('已生成');
    expect(await jobs.wait(job.id)).toMatchObject({ state: 'done' });
    expect(JSON.parse(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8'))).toHaveLength(1);
  });

  it('keeps the list across a restart; a job cut off by the restart shows as failed', async () => {
    const dataDir = tempDir();
    const before = manager(dataDir);
    const finished = gate();
    const done = before.jobs.start({ kind: 'a', label: '导出', owner: STAFF, lane: 'read', run: finished.run });
    await finished.started;
    finished.finish('已导出');
    await before.jobs.wait(done.id);
    const cut = before.jobs.start({ kind: 'b', label: '发起入户摸排', owner: STAFF, lane: 'write', run: gate().run });
    expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8'))).toHaveLength(2);

    const after = manager(dataDir);
    const list = after.jobs.list(STAFF);
    expect(list.find((j) => j.id === done.id)).toMatchObject({ state: 'done', summary: '已导出' });
    expect(list.find((j) => j.id === cut.id)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('中断') } });
    expect(after.jobs.busy).toBe(false);
  });
});
