// `npm start`: builds what is stale, then opens the desktop app, or, when this machine has no
// Electron runtime (npm installs Electron's JS wrapper and types, but the binary comes from
// Electron's download servers, which offline build hosts cannot reach), starts browser mode.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Flags only the desktop app understands; browser mode (strict arguments) must not get them. */
const DESKTOP_ONLY_FLAGS = new Set(['--no-briefing']);

/**
 * The Electron binary, or null when it is not installed. Mirrors what `require('electron')`
 * resolves (path.txt, ELECTRON_OVERRIDE_DIST_PATH) but never starts a download, which is what
 * `require('electron')` does when the binary is missing.
 *
 * @param {{ electronDir: string | null, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform,
 *           readText?: (file: string) => string | null, isRunnable?: (file: string) => boolean }} options
 * @returns {string | null}
 */
export function findElectronBinary({ electronDir, env = process.env, platform = process.platform, readText = readTextOrNull, isRunnable = isRunnableFile }) {
  if (!electronDir) return null;
  const relative = readText(join(electronDir, 'path.txt'))?.trim() || null;
  let binary;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? (platform === 'win32' ? 'electron.exe' : 'electron'));
  else if (relative) binary = join(electronDir, 'dist', relative);
  else return null;
  return isRunnable(binary) ? binary : null;
}

/**
 * Arguments for browser mode: the same as given, minus the desktop-only flags.
 *
 * @param {readonly string[]} args
 * @returns {string[]}
 */
export function browserModeArgs(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // `--briefing-display N` places the desktop app's briefing window; its value goes with it.
    if (arg === '--briefing-display') i++;
    else if (!DESKTOP_ONLY_FLAGS.has(arg) && !arg.startsWith('--briefing-display=')) out.push(arg);
  }
  return out;
}

/** @param {string} file */
function readTextOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** @param {string} file */
function isRunnableFile(file) {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Runs the child with our stdio; Ctrl-C and termination requests are passed on to it, and we
 * exit with its status.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  const forward = (/** @type {NodeJS.Signals} */ signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`无法启动 ${command}：${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    const signals = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 };
    process.exit(code ?? (signal ? 128 + (signals[/** @type {keyof typeof signals} */ (signal)] ?? 1) : 1));
  });
}

/**
 * Runs a build script with our stdio; on failure (its errors are already on screen) says so in
 * one line and sets the exit code.
 *
 * @param {string[]} args
 * @returns {boolean}
 */
function build(args) {
  try {
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    return true;
  } catch {
    console.error('构建失败（见上方错误），GridDesk 未启动');
    process.exitCode = 1;
    return false;
  }
}

function main() {
  const args = process.argv.slice(2);
  if (!build([join(root, 'scripts', 'ensure-built.mjs')])) return;

  const electron = findElectronBinary({ electronDir: electronPackageDir() });
  if (electron) {
    if (!existsSync(join(root, 'dist', 'electron', 'main.cjs')) && !build([join(root, 'scripts', 'build-node.mjs')])) return;
    const env = { ...process.env };
    // Set, it would make Electron run as plain Node and ignore the app.
    delete env.ELECTRON_RUN_AS_NODE;
    runChild(electron, [root, ...args], env);
    return;
  }
  console.log('未找到 Electron 运行时（此机器无法下载）：改为浏览器模式启动');
  runChild(process.execPath, [join(root, 'dist', 'node', 'server.mjs'), ...browserModeArgs(args)], process.env);
}

const invokedDirectly = (() => {
  try {
    return !!process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
  } catch {
    return false;
  }
})();
if (invokedDirectly) main();
