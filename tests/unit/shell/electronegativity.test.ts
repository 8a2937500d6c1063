// The security gate itself (scripts/electronegativity.mjs, `npm run security:shell`): it must
// really fail on a finding, read .cjs bundles, leave out only the one offline-impossible check,
// and stop instead of hanging.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const script = fileURLToPath(new URL('../../../scripts/electronegativity.mjs', import.meta.url));

function gate(...args: string[]) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/electronegativity.mjs', () => {
  it('fails on a window with Node integration, in a .cjs bundle, and reports it', () => {
    const dir = tempDir('griddesk-eneg-');
    const bad = join(dir, 'main.cjs');
    writeFileSync(
      bad,
      [
        "const { app, BrowserWindow } = require('electron');",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true } });',
        "  win.loadURL('app://griddesk/index.html');",
        '});',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const run = gate('--input', bad, '--out', out);

    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toMatch(/electronegativity [\d.]+: \d+ findings in .*main\.cjs/);
    expect(run.stdout).toContain('NODE_INTEGRATION_JS_CHECK');
    expect(run.stdout).toContain(`${bad}:3:`);
    expect(readFileSync(join(out, 'electronegativity.csv'), 'utf8')).toContain('"NODE_INTEGRATION_JS_CHECK"');

    const sarif = JSON.parse(readFileSync(join(out, 'electronegativity.sarif'), 'utf8'));
    const [sarifRun] = sarif.runs;
    expect(sarifRun.results.map((r: { ruleId: string }) => r.ruleId)).toContain('SANDBOX_JS_CHECK');
    const [invocation] = sarifRun.invocations;
    expect(invocation.properties.electronVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(invocation.properties.excludedChecks.map((c: { id: string }) => c.id)).toEqual(['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK']);
  });

  it('refuses an inline eng-disable comment, which would hide a finding', () => {
    const dir = tempDir('griddesk-eneg-');
    const file = join(dir, 'main.js');
    writeFileSync(file, "const { shell } = require('electron');\nshell.openExternal(process.argv[2]); // eng-disable OPEN_EXTERNAL_JS_CHECK\n");
    const run = gate('--input', file, '--out', join(dir, 'out'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`eng-disable comment at ${file}:2`);
  });

  it('stops with exit 2 when the scan overruns its time limit', () => {
    const dir = tempDir('griddesk-eneg-');
    const file = join(dir, 'main.js');
    writeFileSync(file, "require('electron');\n");
    const run = gate('--input', file, '--out', join(dir, 'out'), '--timeout', '0.05');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/did not finish within 0\.05 s/);
  });
});
