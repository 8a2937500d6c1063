import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../../db/errors';
import { defaultDataDir } from '../data-dir';
import { seedInWorker } from '../seed/seed-in-worker';
import { startHttpHost } from './http-host';
import { GridRuntime } from '../rpc/runtime';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/run-seed';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5170' },
      'data-dir': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      'idle-minutes': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port 须为 0–65535 的整数，收到「${values.port}」`);
  if (!LOOPBACK.has(values.host) && !values['allow-remote']) {
    throw new Error(`只在本机地址上监听；要在 ${values.host} 上监听，须同时给出 --allow-remote（网络上的其他电脑将能访问）`);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const started = performance.now();
  const idleMinutes = Number(values['idle-minutes'] ?? process.env.GRIDDESK_IDLE_MINUTES ?? 15);
  if (!(idleMinutes > 0)) throw new Error(`--idle-minutes 须为正数，收到「${values['idle-minutes']}」`);
  let runtime = new GridRuntime(dataDir, { idleMinutes });
  if (runtime.vault.state === 'setup-required' && !values['no-seed']) {
    console.log(`首次启动：正在 ${dataDir} 生成演示街道数据（default）…`);
    let lastPhase = '';
    const summary = await seedInWorker({ dataDir, preset: 'default', seed: 1 }, (p) => {
      if (p.phase !== lastPhase) console.log(`  ${p.phase}`);
      lastPhase = p.phase;
    });
    console.log(`  完成：${summary.communities} 个社区，${summary.grids} 个网格，${summary.buildings} 栋楼`);
    console.log(`  演示账号（仅供演示）：${DEMO_ACCOUNTS.map((a) => a.username).join(' / ')}，密码 ${DEMO_PASSWORD}`);
    console.log(`  管理员恢复码（只显示这一次）：${summary.recoveryCode}`);
    runtime = new GridRuntime(dataDir, { idleMinutes });
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = join(here, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) console.warn(`界面文件缺失（${rendererDir}）：请先运行 npm run build`);
  const running = await startHttpHost({
    runtime,
    rendererDir,
    listenHost: values.host,
    port,
  });
  console.log(`GridDesk listening on ${running.url}`);
  console.log(`  数据目录 ${dataDir}；启动用时 ${Math.round(performance.now() - started)} ms`);
  const stop = () => {
    void running.close().then(() => {
      runtime.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof DatabaseOpenError) console.error(`无法打开数据库：${err.message}`);
  else console.error(`GridDesk 无法启动：${(err as Error).message}`);
  process.exit(1);
});
