// The Electron main process: lifecycle, windows, and the one IPC binding. Everything that can be
// decided without Electron (window options, URL and sender policies, paths, arguments) lives in
// pure modules under ./shell and is unit-tested under plain Node.
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { ServiceBackend } from './host/backend';
import { ServiceStartError, WorkerBackend } from './host/worker-backend';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/run-seed';
import { handleAppProtocol, registerAppScheme } from './shell/app-protocol';
import { startSeedWorker, type SeedJob } from './shell/first-run-seed';
import { seedAsJob } from './seed/seed-job';
import { bindFiles, bindPush, bindRpc } from './shell/ipc-binding';
import { DEFAULT_MAX_UPLOAD_MB } from './server/file-routes';
import { parseLaunchArgs, resolveDataDir } from './shell/launch-args';
import { installSecurityBeforeReady, secureSession } from './shell/security';
import { shellPaths } from './shell/shell-paths';
import { WINDOW_TITLE, type SecurePreferencesOptions } from './shell/window-options';
import { WindowRegistry } from './shell/window-registry';
import { BriefingWindow, createMainWindow, loadMainWindow } from './shell/windows';
import { keepNewFilesPrivate } from './data-dir';

keepNewFilesPrivate();
const paths = shellPaths(__dirname);
const args = parseLaunchArgs(process.argv);
const registry = new WindowRegistry();

let backend: ServiceBackend | null = null;
let mainWindow: BrowserWindow | null = null;
let briefing: BriefingWindow | null = null;
let seedJob: SeedJob | null = null;
let quitting = false;
const unbind: (() => void)[] = [];

/** Releases everything, once: bindings, windows, the seeding worker, the database. */
function shutdown(): void {
  quitting = true;
  for (const fn of unbind.splice(0)) fn();
  briefing?.close();
  void seedJob?.cancel();
  seedJob = null;
  void backend?.close();
  backend = null;
}

function fail(title: string, err: unknown, dataDir?: string): void {
  if (quitting) return;
  const message = err instanceof Error ? err.message : String(err);
  console.error(`${title}：${message}`);
  dialog.showErrorBox(title, dataDir ? `${message}\n\n数据目录：${dataDir}` : message);
  shutdown();
  app.exit(1);
}

function showSeedProgress(win: BrowserWindow, phase: string, done: number, total: number): void {
  if (win.isDestroyed()) return;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  win.setProgressBar(fraction);
  win.setTitle(`${WINDOW_TITLE} — 首次启动：正在生成演示数据（${phase} ${Math.round(fraction * 100)}%）`);
}

async function seedFirstRun(dataDir: string, win: BrowserWindow): Promise<void> {
  console.log(`首次启动：正在 ${dataDir} 生成演示街道数据（default）…`);
  win.show();
  const summary = await seedAsJob(dataDir, (onProgress, signal) => {
    seedJob = startSeedWorker(paths.seedWorker, { dataDir, preset: 'default', seed: 1 }, (p) => {
      onProgress(p);
      showSeedProgress(win, p.phase, p.done, p.total);
    });
    signal.addEventListener('abort', () => void seedJob?.cancel(), { once: true });
    return seedJob.done;
  });
  seedJob = null;
  if (!win.isDestroyed()) {
    win.setProgressBar(-1);
    win.setTitle(WINDOW_TITLE);
  }
  console.log(`  完成：${summary.communities} 个社区，${summary.grids} 个网格，${summary.buildings} 栋楼`);
  console.log(`  演示账号（仅供演示）：${DEMO_ACCOUNTS.map((a) => a.username).join(' / ')}，密码 ${DEMO_PASSWORD}`);
}

async function start(): Promise<void> {
  secureSession(session.defaultSession);
  const dataDir = resolveDataDir(args, process.env, app.getPath('userData'));
  handleAppProtocol(session.defaultSession, paths.rendererDir, dataDir);
  // The database and every service run in a worker thread: this thread only routes calls and
  // events, so window management never waits on a long service call.
  const entry = { file: paths.serviceWorker };
  let opened: WorkerBackend;
  try {
    opened = await WorkerBackend.start(entry, dataDir);
  } catch (err) {
    return fail(err instanceof ServiceStartError ? 'GridDesk 无法打开数据库' : 'GridDesk 无法启动', err, dataDir);
  }

  const preferences: SecurePreferencesOptions = { preloadPath: paths.preload, devTools: !app.isPackaged };
  unbind.push(bindRpc({ backend: () => backend, windows: registry }));
  unbind.push(bindFiles({ backend: () => backend, windows: registry, dataDir, maxUploadBytes: DEFAULT_MAX_UPLOAD_MB * 1024 * 1024 }));
  const win = createMainWindow(registry, preferences);
  mainWindow = win;
  // The briefing display is a satellite of the operator's window: closing that one quits.
  win.on('closed', () => {
    mainWindow = null;
    app.quit();
  });

  if (opened.vaultState === 'setup-required' && args.seed) {
    await opened.close();
    try {
      await seedFirstRun(dataDir, win);
      opened = await WorkerBackend.start(entry, dataDir);
    } catch (err) {
      return fail('GridDesk 无法生成演示数据', err, dataDir);
    }
  }
  if (quitting) {
    await opened.close();
    return;
  }
  backend = opened;
  unbind.push(bindPush(opened, registry));
  loadMainWindow(win);

  if (args.briefing) {
    briefing = new BriefingWindow(registry, preferences, { dir: dataDir, chosen: args.briefingDisplay });
    briefing.ensure();
    unbind.push(briefing.watchDisplays());
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another GridDesk already has this profile; it gets focused through 'second-instance'.
  app.quit();
} else {
  installSecurityBeforeReady();
  registerAppScheme();
  // Shipped files (migrations) are found from here; the CommonJS bundle has no import.meta.url.
  process.env.GRIDDESK_APP_ROOT ??= paths.appRoot;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutdown);
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail('GridDesk 无法启动', err));
}
