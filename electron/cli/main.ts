import { parseArgs } from 'node:util';
import { databaseFile } from '../../db/host';
import { DatabaseOpenError } from '../../db/errors';
import { defaultDataDir } from '../data-dir';
import { runSeed } from '../seed/run-seed';

const USAGE = `用法：griddesk <命令> [选项]

命令：
  seed   生成演示街道数据
         --preset small|default|large   规模（默认 default）
         --seed N                       随机种子，相同种子生成相同数据（默认 1）
         --data-dir DIR                 数据目录（默认：系统的用户数据目录，或 GRIDDESK_DATA_DIR）
  help   显示本说明`;

const PRESETS = ['small', 'default', 'large'] as const;
type Preset = (typeof PRESETS)[number];

function seedCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      preset: { type: 'string', default: 'default' },
      seed: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  if (!PRESETS.includes(values.preset as Preset)) {
    throw new Error(`--preset 只能是 ${PRESETS.join(' / ')}，收到「${values.preset}」`);
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed 须为非负整数，收到「${values.seed}」`);
  const dataDir = values['data-dir'] ?? defaultDataDir();
  let lastPhase = '';
  const summary = runSeed({ dataDir, preset: values.preset as Preset, seed }, (p) => {
    if (p.phase !== lastPhase) process.stderr.write(`${p.phase}…\n`);
    lastPhase = p.phase;
  });
  console.log(
    `已生成 ${databaseFile(dataDir)}：${summary.communities} 个社区，${summary.zones} 个片区，${summary.grids} 个网格，` +
      `${summary.compounds} 个楼院，${summary.buildings} 栋楼，${summary.residents} 名居民（${summary.ms} ms）`,
  );
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'seed':
        seedCommand(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
      default:
        console.error(`未知命令「${command}」\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    const message = err instanceof DatabaseOpenError ? `无法打开数据库：${err.message}` : (err as Error).message;
    console.error(`griddesk ${command}: ${message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
