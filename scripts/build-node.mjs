// Bundles the Node-side entry points (browser-mode server, CLI, seed worker, Electron main and
// preload) with esbuild. The native SQLite module, electron and pdfkit stay external.
import { build } from 'esbuild';
import { common, esmBundle } from './node-bundle.mjs';

await Promise.all([
  // What a person starts refuses an older Node in one line before anything else loads (an import
  // is evaluated in the order written, so the check comes before the native module's).
  build({
    ...esmBundle,
    banner: { js: `import '../../bin/require-node.mjs';\n${esmBundle.banner.js}` },
    entryPoints: { server: 'electron/server/main.ts', cli: 'electron/cli/main.ts' },
    outdir: 'dist/node',
  }),
  build({
    ...esmBundle,
    entryPoints: { 'seed-worker': 'electron/seed/seed-worker.ts', worker: 'electron/host/worker-main.ts' },
    outdir: 'dist/node',
  }),
  // The server and its worker for end-to-end tests: the same code with the test hooks kept (the
  // services' clock can be moved through a file in the data directory). Never packaged.
  build({
    ...esmBundle,
    define: { 'globalThis.__GRIDDESK_TEST_HOOKS__': 'true' },
    entryPoints: { server: 'electron/server/main.ts', worker: 'electron/host/worker-main.ts' },
    outdir: 'dist/e2e',
  }),
  // Electron loads its main and (sandboxed) preload scripts as CommonJS.
  build({
    ...common,
    format: 'cjs',
    // Shared modules find shipped files through import.meta.url; give CommonJS output one.
    define: { ...common.define, 'import.meta.url': '__gdImportMetaUrl' },
    banner: { js: "const __gdImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
  }),
]);
