import { parseArgs } from 'node:util';
import { databaseFile } from '../../db/host';
import { DatabaseOpenError, ServiceError } from '../../db/errors';
import { defaultDataDir, keepNewFilesPrivate } from '../data-dir';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, runSeed } from '../seed/run-seed';
import { checkAuditChain } from '../../db/audit/service';
import { unlockForCli } from './unlock';
import { describeVerification } from './audit-report';
import { backupCommand, terminalIo } from '../../db/backup/cli';
import { importCommand, IMPORT_USAGE } from './import';
import { bundleCommand, BUNDLE_USAGE } from './bundle';

const USAGE = `用法：griddesk <命令> [选项]

命令：
  seed   生成演示街道数据
         --preset small|default|large   规模（默认 default）
         --seed N                       随机种子，相同种子生成相同数据（默认 1）
         --data-dir DIR                 数据目录（默认：系统的用户数据目录，或 GRIDDESK_DATA_DIR）
         --password P                   各演示账号的密码（仅用于演示数据；默认 ${DEMO_PASSWORD}）
  audit verify   校验审计日志的哈希链和街道办签名的锚点，指出第一条被改动或删除的记录、第一个不再相符的锚点
         --data-dir DIR  --user 用户名（需「查看审计日志」权限）
         密码从环境变量 GRIDDESK_PASSWORD 或标准输入读取
  backup list|create|restore   备份（详见 griddesk backup help）
${IMPORT_USAGE}
${BUNDLE_USAGE}
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
      password: { type: 'string' },
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
  const password = values.password ?? DEMO_PASSWORD;
  const summary = runSeed({ dataDir, preset: values.preset as Preset, seed, password }, (p) => {
    if (p.phase !== lastPhase) process.stderr.write(`${p.phase}…\n`);
    lastPhase = p.phase;
  });
  console.log(
    `已生成 ${databaseFile(dataDir)}：${summary.communities} 个社区，${summary.zones} 个片区，${summary.grids} 个网格，` +
      `${summary.compounds} 个楼院，${summary.buildings} 栋楼，${summary.households} 户 ${summary.residents} 名居民，` +
      `${summary.screeningRounds} 轮入户摸排共 ${summary.screeningVisits} 条记录（${summary.ms} ms）`,
  );
  console.log(`演示账号（仅供演示）：${DEMO_ACCOUNTS.map((a) => a.username).join(' / ')}，密码 ${values.password ? '（--password 所给）' : password}`);
  console.log(`管理员恢复码（只显示这一次，请抄写保存）：${summary.recoveryCode}`);
}

function auditCommand(args: string[]): number {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new Error(`未知的 audit 子命令「${sub ?? ''}」，可用：verify`);
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' }, user: { type: 'string', default: 'admin' } }, strict: true });
  const { vault, actor } = unlockForCli(values['data-dir'] ?? defaultDataDir(), values.user);
  try {
    const host = vault.requireOpen();
    const result = checkAuditChain(host.context(actor));
    for (const line of describeVerification(result)) console.log(line);
    if (result.ok) {
      console.log(`审计链完整：共 ${result.entries} 条，链头 ${result.head}`);
      return 0;
    }
    const anchor = result.firstBad.anchor ? `，第 ${result.firstBad.anchor} 个锚点` : '';
    console.error(`审计链被破坏：${result.firstBad.message}（第 ${result.firstBad.seq} 条${anchor}，${result.firstBad.problem}）`);
    return 3;
  } finally {
    vault.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'seed':
        seedCommand(rest);
        return 0;
      case 'audit':
        return auditCommand(rest);
      case 'backup':
        return await backupCommand(rest, defaultDataDir(), terminalIo());
      case 'import':
        return await importCommand(rest);
      case 'bundle':
        return await bundleCommand(rest);
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
    if (err instanceof ServiceError && err.code === 'FORBIDDEN') {
      console.error(`griddesk ${command}: ${message}`);
      return 4;
    }
    console.error(`griddesk ${command}: ${message}`);
    return 1;
  }
}

keepNewFilesPrivate();
process.exitCode = await main(process.argv.slice(2));
