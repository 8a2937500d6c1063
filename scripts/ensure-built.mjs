// Rebuilds what is older than its sources, so `npm run serve`, `npx griddesk` and the
// benchmarks always run the code in the working tree.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let max = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  if (existsSync(dir)) walk(dir);
  return max;
}

const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const sources = (...dirs) => Math.max(...dirs.map((d) => newest(join(root, d))), mtime(join(root, 'package.json')));
const run = (script) => execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });

const only = process.argv[2];
if (only !== 'renderer' && sources('db', 'maps', 'electron') > mtime(join(root, 'dist/node/server.mjs'))) run('build:node');
if (only !== 'node' && sources('renderer', 'maps', 'electron/api') > mtime(join(root, 'dist/renderer/index.html'))) {
  run('build:renderer');
}
