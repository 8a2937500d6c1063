import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../../db/errors';
import { defaultDataDir, keepNewFilesPrivate } from '../data-dir';
import { seedInWorker } from '../seed/seed-in-worker';
import { seedAsJob } from '../seed/seed-job';
import { startHttpHost } from './http-host';
import { startWallHost, WALL_LISTENING } from './wall-host';
import { parseWallAddress } from './wall-address';
import { NEXT_START_URL } from './sessions';
import { DEFAULT_MAX_UPLOAD_MB } from './file-routes';
import { GridRuntime } from '../rpc/runtime';
import { ServiceStartError, WorkerBackend } from '../host/worker-backend';
import { defaultWorkerEntry } from '../host/worker-entry';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/run-seed';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<void> {
  keepNewFilesPrivate();
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5170' },
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'idle-minutes': { type: 'string' },
      /** A second listener, for wall PCs on the office network: pairing and the 大屏's reads only. */
      wall: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 须为 0–65535 的整数，收到「${values.port}」`);
  if (!LOOPBACK.has(values.host) && !values['allow-remote']) {
    throw new Error(`只在本机地址上监听；要在 ${values.host} 上监听，须同时给出 --allow-remote（网络上的其他电脑将能访问）`);
  }
  const wallAddress = values.wall === undefined ? null : parseWallAddress(values.wall);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const started = performance.now();
  const idleMinutes = Number(values['idle-minutes'] ?? process.env.GRIDDESK_IDLE_MINUTES ?? 15);
  if (!(idleMinutes > 0)) throw new Error(`--idle-minutes 须为正数，收到「${values['idle-minutes']}」`);
  const maxUploadMb = Number(process.env.GRIDDESK_MAX_UPLOAD_MB ?? DEFAULT_MAX_UPLOAD_MB);
  if (!(maxUploadMb > 0)) throw new Error(`GRIDDESK_MAX_UPLOAD_MB 须为正数，收到「${process.env.GRIDDESK_MAX_UPLOAD_MB}」`);
  const probe = new GridRuntime(dataDir, { idleMinutes });
  const needsSeed = probe.vault.state === 'setup-required';
  probe.close();
  if (needsSeed && !values['no-seed']) {
    console.log(`首次启动：正在 ${dataDir} 生成演示街道数据（default）…`);
    let lastPhase = '';
    const summary = await seedAsJob(
      dataDir,
      (onProgress, signal) => seedInWorker({ dataDir, preset: 'default', seed: 1 }, onProgress, signal),
      (job) => {
        if (job.state === 'running' && job.phase !== lastPhase && job.phase !== '开始') console.log(`  ${job.phase}`);
        lastPhase = job.phase;
      },
    );
    console.log(`  完成：${summary.communities} 个社区，${summary.grids} 个网格，${summary.buildings} 栋楼`);
    console.log(`  演示账号（仅供演示）：${DEMO_ACCOUNTS.map((a) => a.username).join(' / ')}，密码 ${DEMO_PASSWORD}`);
    console.log(`  管理员恢复码（只显示这一次）：${summary.recoveryCode}`);
  }
  // The database and every service run in a worker thread; this thread only serves HTTP.
  const backend = await WorkerBackend.start(defaultWorkerEntry(), dataDir, { idleMinutes });
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = join(here, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) console.warn(`界面文件缺失（${rendererDir}）：请先运行 npm run build`);
  const running = await startHttpHost({
    backend,
    dataDir,
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    rendererDir,
    listenHost: values.host,
    port,
    // Each start address works once; the next browser (another profile or computer) takes the newest.
    onStartUrl: (url) => console.log(`${NEXT_START_URL}${url}`),
  });
  console.log(`GridDesk listening on ${running.url}`);
  const wall = wallAddress ? await startWallHost({ backend, rendererDir, address: wallAddress }) : null;
  if (wall) {
    console.log(`${WALL_LISTENING}${wall.url}`);
    console.log('  墙面电脑打开这个地址，输入管理员或领导在「大屏 → 显示器配对」中生成的配对码；该端口只提供大屏的只读数据');
  }
  console.log(`  数据目录 ${dataDir}；启动用时 ${Math.round(performance.now() - started)} ms`);
  const stop = () => {
    void Promise.all([running.close(), wall?.close()])
      .then(() => backend.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof DatabaseOpenError || err instanceof ServiceStartError) console.error(`无法打开数据库：${err.message}`);
  else console.error(`GridDesk 无法启动：${(err as Error).message}`);
  process.exit(1);
});
