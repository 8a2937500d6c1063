import { spawn, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TMP, ROOT, TEMPLATE_DIR } from './paths';
import { NEXT_START_URL } from '../../../electron/server/sessions';
import { TEST_CLOCK_FILE } from '../../../electron/rpc/test-clock';

export interface TestServer {
  /** The newest printed URL with the start secret: each works once, and the server prints the next. */
  readonly url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `testBuild`: the server built with the test hooks (`dist/e2e/`), whose clock a test can move (`moveClock`). */
type ServerOptions = { dataDir?: string; fromTemplate?: boolean; args?: string[]; testBuild?: boolean };

/**
 * For a `beforeEach` hook: a server of the test's own over a fresh copy of the template. The time
 * it takes to start is added to the test's timeout, so a slow start does not eat into the test.
 */
export async function startServerForTest(options: ServerOptions = {}): Promise<TestServer> {
  const started = Date.now();
  const server = await startServer(options);
  test.info().setTimeout(test.info().timeout + (Date.now() - started));
  return server;
}

/** Starts `dist/node/server.mjs` on a free port over a copy of the seeded template. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(E2E_TMP, 'data-'));
  if (options.fromTemplate !== false && !options.dataDir) cpSync(TEMPLATE_DIR, dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, options.testBuild ? 'dist/e2e/server.mjs' : 'dist/node/server.mjs'), '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = () => {
      const m = /GridDesk listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const renewed = new RegExp(`${NEXT_START_URL}(http://\\S+)`, 'g');
  return {
    get url() {
      return [...out.matchAll(renewed)].at(-1)?.[1] ?? url;
    },
    origin: new URL(url).origin,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Moves the services' clock of a test-build server (`testBuild: true`) by `offsetMs` from the real time. */
export function moveClock(server: TestServer, offsetMs: number): void {
  writeFileSync(join(server.dataDir, TEST_CLOCK_FILE), JSON.stringify({ offsetMs }), { mode: 0o600 });
}
