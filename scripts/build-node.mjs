// Bundles the Node-side entry points (browser-mode server, CLI, seed worker, Electron main and
// preload) with esbuild. The native SQLite module and electron stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['better-sqlite3-multiple-ciphers', 'electron'],
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies may call require(); give the ESM output one.
    banner: {
      js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);",
    },
    entryPoints: {
      server: 'electron/server/main.ts',
      cli: 'electron/cli/main.ts',
      'seed-worker': 'electron/seed/seed-worker.ts',
      worker: 'electron/host/worker-main.ts',
    },
    outdir: 'dist/node',
  }),
  // Electron loads its main and (sandboxed) preload scripts as CommonJS.
  build({
    ...common,
    format: 'cjs',
    // Shared modules find shipped files through import.meta.url; give CommonJS output one.
    define: { 'import.meta.url': '__gdImportMetaUrl' },
    banner: { js: "const __gdImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
]);
