// esbuild options of the Node-side ESM bundles (browser-mode server, CLI, workers), shared by the
// build and by tests that need a worker thread running the current sources.
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  // pdfkit reads its font metrics and colour profiles from its own folder at run time.
  external: ['better-sqlite3-multiple-ciphers', 'electron', 'pdfkit'],
  // Test hooks (the movable clock) exist only in the end-to-end bundles; esbuild drops them here.
  define: { 'globalThis.__GRIDDESK_TEST_HOOKS__': 'false' },
};

export const esmBundle = {
  ...common,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies may call require(); give the ESM output one.
  banner: {
    js: "import { createRequire as __gdCreateRequire } from 'node:module'; const require = __gdCreateRequire(import.meta.url);",
  },
};
