// `npm run security:shell`: runs Electronegativity (@doyensec/electronegativity) over the compiled
// desktop shell and fails on any finding. See docs/security.md for what is scanned and why.
//
//   node scripts/electronegativity.mjs [--input <file|dir>]... [--out <dir>] [--timeout <seconds>]
//
// Without --input it scans what the desktop app's main process and preload run, as built by
// scripts/build-node.mjs: dist/electron/main.cjs, dist/electron/preload.cjs and the seeding worker
// thread dist/node/seed-worker.mjs (building them first when missing or older than their
// sources). Writes <out>/electronegativity.csv and .sarif (default out: test-results/), prints one
// summary line (and one line per finding), and exits 0 when there is no finding, 1 when there is
// any (every severity and confidence counts), 2 when the scan itself could not be done (build
// failed, a file did not parse, timeout).
//
// One check is left out: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (class AvailableSecurityFixesGlobalCheck).
// It downloads Electron's release list from raw.githubusercontent.com to compare our Electron with
// the newest; the project's machines and CI have no internet, where it either crashes the run or
// gives up after its retries, and it could never report anything there. Staying on a supported
// Electron is a release step instead (docs/security.md, checklist item 16).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

/** The one check this run leaves out, by the class name Electronegativity matches on. */
const EXCLUDED = { className: 'AvailableSecurityFixesGlobalCheck', id: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK' };
const EXCLUDED_REASON =
  "downloads Electron's release list from the internet; the project's machines and CI are offline";

/** What the desktop app runs, relative to the repo, as scripts/build-node.mjs writes it. */
const SHELL_FILES = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/node/seed-worker.mjs'];
/** What those bundles are built from (as in scripts/ensure-built.mjs). */
const SHELL_SOURCES = ['electron', 'db', 'maps', 'scripts/build-node.mjs', 'package.json'];
/** File types Electronegativity reads; .cjs and .mjs it skips silently, so they are staged as .js. */
const SCANNABLE = new Set(['.js', '.cjs', '.mjs', '.jsx', '.ts', '.tsx', '.html', '.htm']);

const DEFAULT_TIMEOUT_S = 180;
const BUILD_TIMEOUT_S = 300;

// ---------------------------------------------------------------------------------------------

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ inputs: string[], out: string, timeoutS: number }} */
  const args = { inputs: [], out: join(root, 'test-results'), timeoutS: DEFAULT_TIMEOUT_S };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fatal(`${arg} needs a value`);
      return /** @type {string} */ (v);
    };
    if (arg === '--input') args.inputs.push(resolve(value()));
    else if (arg === '--out') args.out = resolve(value());
    else if (arg === '--timeout') args.timeoutS = Number(value());
    else fatal(`unknown argument ${arg}`);
  }
  if (!(args.timeoutS > 0)) fatal('--timeout must be a positive number of seconds');
  return args;
}

/** @param {string} message @returns {never} */
function fatal(message) {
  console.error(`security:shell: ${message}`);
  process.exit(2);
}

/** @param {string} path */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(join(path, entry.name)));
  }
  return max;
}

/** Builds the shell when a bundle is missing or older than its sources, so the scan never reads a stale one. */
function ensureBuilt() {
  const targets = SHELL_FILES.map((f) => join(root, f));
  const oldest = Math.min(...targets.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  const newestSource = Math.max(...SHELL_SOURCES.map((s) => newestMtime(join(root, s))));
  if (oldest > 0 && oldest >= newestSource) return false;
  const build = spawnSync(process.execPath, [join(root, 'scripts/build-node.mjs')], {
    cwd: root,
    stdio: 'inherit',
    timeout: BUILD_TIMEOUT_S * 1000,
    killSignal: 'SIGKILL',
  });
  if (build.error || build.status !== 0) {
    fatal(`node scripts/build-node.mjs failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`})`);
  }
  for (const f of targets) if (!existsSync(f)) fatal(`the build did not write ${relative(root, f)}`);
  return true;
}

/** The files to scan: each given file, or each scannable file under a given folder (no maps). */
function listInputs(/** @type {string[]} */ inputs) {
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ p) => {
    if (!existsSync(p)) fatal(`no such file or folder: ${p}`);
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) if (entry !== 'node_modules') walk(join(p, entry));
    } else if (SCANNABLE.has(extname(p))) files.push(p);
  };
  for (const input of inputs) walk(input);
  if (files.length === 0) fatal(`nothing to scan in ${inputs.join(', ')}`);
  return files;
}

/**
 * Copies the files into a fresh folder, renaming .cjs/.mjs to .js (Electronegativity lists only
 * .js/.jsx/.ts/.tsx/.html/.htm and would skip them without a word). Returns staged → original.
 */
function stage(/** @type {string[]} */ files, /** @type {string} */ dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  /** @type {Record<string, string>} */
  const origin = {};
  files.forEach((file, i) => {
    const ext = extname(file);
    const name = `${String(i).padStart(2, '0')}-${basename(file, ext)}${ext === '.cjs' || ext === '.mjs' ? '.js' : ext}`;
    copyFileSync(file, join(dir, name));
    origin[name] = file.startsWith(root) ? relative(root, file) : file;
  });
  return origin;
}

function parent() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const electronPkg = join(root, 'node_modules/electron/package.json');
  if (!existsSync(electronPkg)) fatal('node_modules/electron is missing: run npm ci');
  const electronVersion = JSON.parse(readFileSync(electronPkg, 'utf8')).version;

  const shell = args.inputs.length === 0;
  const built = shell ? ensureBuilt() : false;
  const files = listInputs(shell ? SHELL_FILES.map((f) => join(root, f)) : args.inputs);
  mkdirSync(args.out, { recursive: true });
  const stagingDir = join(args.out, 'electronegativity-input');
  const origin = stage(files, stagingDir);

  const job = { stagingDir, origin, out: args.out, electronVersion, started, built };
  const child = spawnSync(process.execPath, [self, '--child', JSON.stringify(job)], {
    cwd: root,
    stdio: 'inherit',
    // English messages, whatever the machine's locale (Electronegativity picks its strings by LANG).
    env: { ...process.env, LANG: 'en-US' },
    timeout: args.timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  if (/** @type {NodeJS.ErrnoException | undefined} */ (child.error)?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL') {
    fatal(`electronegativity did not finish within ${args.timeoutS} s and was stopped`);
  }
  if (child.error) fatal(`could not run electronegativity: ${child.error.message}`);
  process.exit(child.status ?? 2);
}

// ---------------------------------------------------------------------------------------------
// The scan itself, in a child process the parent can kill on timeout.

/** @param {string} value */
const csvField = (value) => `"${value.replace(/"/g, '""')}"`;

async function runChild(/** @type {string} */ jobJson) {
  /** @type {{ stagingDir: string, origin: Record<string, string>, out: string, electronVersion: string, started: number, built: boolean }} */
  const job = JSON.parse(jobJson);
  const enegPkgFile = createRequire(join(root, 'package.json')).resolve('@doyensec/electronegativity/package.json');
  const enegDir = dirname(enegPkgFile);
  const enegVersion = JSON.parse(readFileSync(enegPkgFile, 'utf8')).version;
  const enegRequire = createRequire(join(enegDir, 'dist/locales/i18n.js'));

  // Electronegativity first asks an S3 bucket for updated translations (`got`, 1 s timeout). Offline,
  // got's retry timer then throws from p-cancelable after the request has already failed, an
  // uncaught error that ends the process at a random point. Its only other user is the excluded
  // check. Make every such request fail at once, so the bundled English strings are used and
  // nothing goes to the network.
  const gotPath = enegRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: security:shell makes no network requests'));
  const offlineGot = Object.assign(offline, { head: offline, get: offline, extend: () => offlineGot });
  const requireCache = createRequire(import.meta.url).cache;
  requireCache[gotPath] = /** @type {NodeJS.Module} */ ({ id: gotPath, filename: gotPath, loaded: true, exports: offlineGot, children: [], paths: [] });

  const { list_files: listFiles } = enegRequire('../util/file.js');
  const run = enegRequire('../runner.js');
  const { GLOBAL_CHECKS } = enegRequire('../finder/checks/GlobalChecks/index.js');
  if (!GLOBAL_CHECKS.some((/** @type {Function} */ check) => check.name === EXCLUDED.className)) {
    console.error(`security:shell: this electronegativity has no ${EXCLUDED.className}; review the exclusion`);
    process.exit(2);
  }

  const staged = Object.keys(job.origin).sort();
  const listed = (/** @type {string[]} */ (await listFiles(job.stagingDir))).map((f) => basename(f)).sort();
  if (JSON.stringify(listed) !== JSON.stringify(staged)) {
    console.error(`security:shell: electronegativity would read ${listed.join(', ') || 'nothing'}, not ${staged.join(', ')}`);
    process.exit(2);
  }

  // An inline `eng-disable` comment would hide findings: this gate allows no exclusion but the one above.
  /** @type {string[]} */
  const suppressions = [];
  for (const name of staged) {
    readFileSync(join(job.stagingDir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/(?:\/\*|\/\/|<!--)[ \t]*eng-disable/.test(line)) suppressions.push(`${job.origin[name]}:${i + 1}`);
      });
  }

  // The tool prints progress and the translation notice through console.log; keep them for the log file.
  /** @type {string[]} */
  const toolLog = [];
  const { log, warn, info } = console;
  console.log = console.warn = console.info = (...parts) => void toolLog.push(parts.map(String).join(' '));
  /** @type {{ globalChecks: number, atomicChecks: number, errors: { file: string, message: string, tolerable: boolean }[], issues: any[] }} */
  let result;
  try {
    result = await run(
      {
        input: job.stagingDir,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: [EXCLUDED.className],
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: true,
        electronUpgrade: undefined,
        electronVersionOverride: job.electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    Object.assign(console, { log, warn, info });
  }
  const seconds = ((Date.now() - job.started) / 1000).toFixed(1);
  writeFileSync(join(job.out, 'electronegativity.log'), toolLog.join('\n') + '\n');

  const where = (/** @type {string} */ file) => (file === 'N/A' ? 'N/A' : (job.origin[basename(file)] ?? file));
  const findings = result.issues.map((issue) => ({
    id: String(issue.id),
    severity: String(issue.severity?.name ?? ''),
    confidence: String(issue.confidence?.name ?? ''),
    file: where(String(issue.file)),
    line: Number(issue.location?.line ?? 0),
    column: Number(issue.location?.column ?? 0),
    sample: String(issue.sample ?? '').slice(0, 300),
    description: String(issue.description ?? ''),
    manualReview: Boolean(issue.manualReview),
  }));

  // Written here rather than by the tool: its CSV writer appends the rows while the header is
  // still being written, and the header can overwrite them.
  const wiki = (/** @type {string} */ id) => `https://github.com/doyensec/electronegativity/wiki/${id}`;
  const csv = ['issue,severity,confidence,filename,location,sample,description,url'];
  for (const f of findings) {
    csv.push([f.id, f.severity, f.confidence, f.file, `${f.line}:${f.column}`, f.sample, f.description, wiki(f.id)].map(csvField).join(','));
  }
  writeFileSync(join(job.out, 'electronegativity.csv'), csv.join('\n') + '\n');

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Electronegativity',
            version: enegVersion,
            informationUri: 'https://github.com/doyensec/electronegativity',
            rules: [...new Set(findings.map((f) => f.id))].map((id) => ({ id, helpUri: wiki(id) })),
          },
        },
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            commandLine: `node scripts/electronegativity.mjs (electronegativity -e ${job.electronVersion} -x ${EXCLUDED.className})`,
            properties: {
              electronVersion: job.electronVersion,
              scanned: staged.map((name) => job.origin[name]),
              checksRun: { global: result.globalChecks, atomic: result.atomicChecks },
              excludedChecks: [{ id: EXCLUDED.id, reason: EXCLUDED_REASON }],
            },
            toolExecutionNotifications: result.errors.map((e) => ({
              level: 'error',
              message: { text: `${where(e.file)}: ${e.message}` },
            })),
          },
        ],
        results: findings.map((f) => ({
          ruleId: f.id,
          level: f.manualReview ? 'note' : 'warning',
          message: { text: f.description },
          properties: { severity: f.severity, confidence: f.confidence, manualReview: f.manualReview },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file === 'N/A' ? '.' : f.file },
                region: { startLine: Math.max(1, f.line), startColumn: f.column + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
  writeFileSync(join(job.out, 'electronegativity.sarif'), JSON.stringify(sarif, null, 2) + '\n');


  for (const f of findings) {
    console.log(`  ${f.id} (${f.severity}, ${f.confidence}) ${f.file}:${f.line}:${f.column} — ${f.description}`);
  }
  for (const e of result.errors) console.log(`  could not analyse ${where(e.file)}: ${e.message}`);
  for (const s of suppressions) console.log(`  eng-disable comment at ${s}: fix the finding instead of hiding it`);

  const scanned = staged.map((name) => job.origin[name]).join(', ');
  const sarifFile = join(job.out, 'electronegativity.sarif');
  const shown = sarifFile.startsWith(root) ? relative(root, sarifFile) : sarifFile;
  const checks = `${result.globalChecks + result.atomicChecks} checks`;
  const outcome =
    result.errors.length > 0
      ? `${result.errors.length} file(s) could not be analysed`
      : `${findings.length} finding${findings.length === 1 ? '' : 's'}${suppressions.length ? `, ${suppressions.length} eng-disable comment(s)` : ''}`;
  console.log(
    `electronegativity ${enegVersion}: ${outcome} in ${scanned}${job.built ? ' (rebuilt)' : ''} — ${checks}, Electron ${job.electronVersion}, ` +
      `without ${EXCLUDED.id} (needs the internet) — ${seconds} s — ${shown}`,
  );
  process.exit(result.errors.length > 0 ? 2 : findings.length > 0 || suppressions.length > 0 ? 1 : 0);
}

if (process.argv[2] === '--child') {
  runChild(process.argv[3] ?? '{}').catch((err) => {
    console.error('security:shell: electronegativity failed:', err);
    process.exit(2);
  });
} else {
  parent();
}
