/** What the desktop app takes from its command line (everything else, Chromium's switches included, is ignored). */
export interface LaunchArgs {
  /** `--data-dir <dir>` or `--data-dir=<dir>`. */
  dataDir?: string;
  /** `--no-seed`: do not generate the demo street office on first start. */
  seed: boolean;
  /** `--no-briefing`: no wall-display window, even with a second monitor. */
  briefing: boolean;
  /** `--briefing-display N`: the briefing window on the Nth screen (1-based, the system's order); remembered from then on. */
  briefingDisplay?: number;
}

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args: LaunchArgs = { seed: true, briefing: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--no-seed') args.seed = false;
    else if (arg === '--no-briefing') args.briefing = false;
    else if (arg.startsWith('--briefing-display')) {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const n = Number(text);
      if (Number.isInteger(n) && n >= 1) args.briefingDisplay = n;
    }
    else if (arg.startsWith('--data-dir=')) args.dataDir = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        args.dataDir = next;
        i++;
      }
    }
  }
  if (args.dataDir === '') delete args.dataDir;
  return args;
}

/**
 * The data directory: `--data-dir`, else `GRIDDESK_DATA_DIR`, else Electron's per-user folder
 * (the same folder browser mode defaults to, so both share one database).
 */
export function resolveDataDir(args: LaunchArgs, env: NodeJS.ProcessEnv, userDataPath: string): string {
  return args.dataDir ?? (env.GRIDDESK_DATA_DIR || userDataPath);
}
