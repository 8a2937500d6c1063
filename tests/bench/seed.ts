import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_TMP, emit, freshDir, ROOT } from './lib';

/** Seeds `default` and `large` with the real CLI, in its own process, and reports the generator's time. */
export function benchSeed(): { largeDir: string } {
  const cli = join(ROOT, 'dist/node/cli.mjs');
  for (const preset of ['default', 'large'] as const) {
    const dir = freshDir(`seed-${preset}`);
    const started = performance.now();
    const out = execFileSync(process.execPath, [cli, 'seed', '--preset', preset, '--seed', '1', '--data-dir', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const wall = performance.now() - started;
    const serviceMs = Number(/（(\d+) ms）/.exec(out)?.[1] ?? NaN);
    const buildings = Number(/(\d+) 栋楼/.exec(out)?.[1] ?? NaN);
    emit(`seed.${preset}`, wall, 'ms', { generatorMs: serviceMs, buildings, target: preset === 'large' ? 60000 : 5000 });
  }
  return { largeDir: join(BENCH_TMP, 'seed-large') };
}
